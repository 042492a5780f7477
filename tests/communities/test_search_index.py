"""Threads are indexed for the site search with their visible posts only."""

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from communities import permissions, services
from communities.models import Thread

pytestmark = pytest.mark.django_db

AUTO = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}}


@override_settings(WAGTAILSEARCH_BACKENDS=AUTO)
def test_thread_index_follows_visible_posts(
    client, people, make_community, make_thread, django_capture_on_commit_callbacks
):
    public = make_community("public")
    private = make_community("private")
    with django_capture_on_commit_callbacks(execute=True):
        thread = make_thread(public, title="Grievance procedures")
        reply = services.create_reply(thread, people["member"], "We used a suggestion box")
        make_thread(private, title="Suggestion box pilot")
    backend = get_search_backend()

    def found(query, user):
        readable = permissions.readable_communities(user).values("pk")
        return {
            t.title for t in backend.search(query, Thread.objects.filter(community__in=readable))
        }

    from django.contrib.auth.models import AnonymousUser

    assert found("suggestion", AnonymousUser()) == {"Grievance procedures"}
    assert found("suggestion", people["member"]) == {"Grievance procedures", "Suggestion box pilot"}
    # hiding the post removes its words from the index
    from communities.models import Post

    with django_capture_on_commit_callbacks(execute=True):
        Post.objects.filter(pk=reply.pk).update(hidden=True)
        services.reindex(thread)
    assert found("suggestion", AnonymousUser()) == set()
