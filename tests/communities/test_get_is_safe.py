"""No GET request changes anything: every URL pattern of the communities app is fetched by
readers of every kind, and no table gains or loses a row, nor does any communities row change."""

import hashlib

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver
from wagtail.models import Locale, Page

from communities import urls as community_urls
from communities.models import Flag, Invitation, JoinRequest, Role
from communities.notifications import unsubscribe_token

from .conftest import login

pytestmark = pytest.mark.django_db


def _snapshot():
    """Row counts of every table, and a digest of every row of the communities app."""
    tables = set(connection.introspection.table_names())
    counts = {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.db_table in tables and not m._meta.proxy
    }
    digest = hashlib.sha256()
    for model in apps.get_app_config("communities").get_models():
        for row in model._default_manager.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return counts, digest.hexdigest()


def _pattern_names():
    names = []
    for entry in community_urls.urlpatterns:
        assert isinstance(entry, URLPattern) and not isinstance(entry, URLResolver)
        names.append(entry.name)
    return names


@pytest.fixture
def world(people, make_community, make_thread, make_user):
    community = make_community("members")
    thread = make_thread(community)
    reply = thread.posts.create(author=people["member"], body="A reply", html="<p>A reply</p>")
    flag = Flag.objects.create(post=reply, user=people["author"], reason="spam")
    join_request = JoinRequest.objects.create(community=community, user=people["nonmember"])
    invitee = make_user("ivy", email="ivy@example.org")
    invitation = Invitation.objects.create(
        community=community, email=invitee.email, role=Role.MEMBER, invited_by=people["owner"]
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    from communities import attachments
    from tests.factories import PNG

    stored = attachments.store(SimpleUploadedFile("p.png", PNG), people["member"])
    stored.post = reply
    stored.save()
    page = Page.objects.get(slug="about", locale=Locale.get_default())
    values = {
        "slug": community.slug,
        "pk": thread.pk,
        "user_id": people["member"].pk,
        "username": people["member"].username,
        "token": invitation.token,
        "action": "pin",
        "decision": "approve",
    }
    special = {
        "discuss": f"/en/communities/discuss/?page={page.pk}",
        "attachment": stored.get_absolute_url(),
        "unsubscribe": f"/en/communities/unsubscribe/{unsubscribe_token(people['member'])}/",
        "invitation": f"/en/communities/invitations/{invitation.token}/",
        "resolve_flag": f"/en/communities/flags/{flag.pk}/resolve/",
        "decide_request": f"/en/communities/{community.slug}/requests/{join_request.pk}/approve/",
        "edit_post": f"/en/communities/posts/{reply.pk}/edit/",
        "post_history": f"/en/communities/posts/{reply.pk}/history/",
        "hide_post": f"/en/communities/posts/{reply.pk}/hide/",
        "unhide_post": f"/en/communities/posts/{reply.pk}/unhide/",
        "flag_post": f"/en/communities/posts/{reply.pk}/flag/",
    }
    return values, special, {**people, "invitee": invitee}


def _url(name, values, special):
    from django.urls import reverse
    from django.utils import translation

    if name in special:
        return special[name]
    pattern = next(p for p in community_urls.urlpatterns if p.name == name)
    kwargs = {k: values[k] for k in pattern.pattern.converters}
    with translation.override("en"):
        return reverse(f"communities:{name}", kwargs=kwargs)


READERS = ["anonymous", "nonmember", "member", "moderator", "editor", "invitee"]


@pytest.mark.parametrize("who", READERS)
def test_no_get_changes_state(client, world, who):
    values, special, users = world
    login(client, users[who])
    changed, fetched = [], 0
    for name in _pattern_names():
        url = _url(name, values, special)
        before = _snapshot()
        response = client.get(url)
        assert response.status_code < 500, url
        fetched += 1
        if _snapshot() != before:
            changed.append(url)
    assert fetched == len(community_urls.urlpatterns)
    assert changed == [], f"GET changed the database as {who}"


def test_discuss_get_asks_before_creating(client, people):
    from communities.models import Community, Thread

    page = Page.objects.get(slug="about", locale=Locale.get_default())
    url = f"/en/communities/discuss/?page={page.pk}"
    login(client, people["member"])
    confirm = client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert not Thread.objects.filter(subject_page=page).exists()
    assert not Community.objects.filter(is_default_discussion=True).exists()
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    strict.force_login(people["member"])
    assert strict.post(url).status_code == 403  # no CSRF token, no thread
    assert not Thread.objects.filter(subject_page=page).exists()
    created = client.post(url)
    thread = Thread.objects.get(subject_page=page)
    assert created.status_code == 302 and created["Location"].endswith(thread.get_absolute_url())
    assert client.get(url)["Location"] == created["Location"]  # later GETs go straight there
    assert client.post(url)["Location"] == created["Location"]  # and a second POST makes none
    assert Thread.objects.filter(subject_page=page).count() == 1
