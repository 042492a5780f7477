"""How a thread page names people (``{% author_link %}``): the name they chose, else their full
name, else their username, escaped, linking to their page in the reader's language; a post
whose author's account is gone says so."""

import pytest

from communities import services
from communities.models import Profile

pytestmark = pytest.mark.django_db


def thread_html(client, community, thread, language="en"):
    response = client.get(f"/{language}/communities/{community.slug}/t/{thread.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_chosen_name_then_the_full_name_then_the_username(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community)
    Profile.objects.update_or_create(user=people["owner"], defaults={"display_name": "Olga K."})
    services.create_reply(thread, people["owner"], "First")
    member = people["member"]
    member.first_name, member.last_name = "Mia", "Sok"
    member.save()
    services.create_reply(thread, member, "Second")
    html = thread_html(client, community, thread)
    assert '<a href="/en/communities/people/olga/">Olga K.</a>' in html
    assert '<a href="/en/communities/people/mia/">Mia Sok</a>' in html
    assert '<a href="/en/communities/people/arthur/">arthur</a>' in html
    assert '<a href="/fr/communities/people/arthur/">arthur</a>' in thread_html(
        client, community, thread, "fr"
    )


def test_a_name_is_text_never_markup(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    Profile.objects.update_or_create(
        user=people["author"], defaults={"display_name": '<img src=x onerror="alert(1)">'}
    )
    html = thread_html(client, community, thread)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_a_post_whose_author_left_names_a_former_member(
    client, people, make_community, make_thread
):
    community = make_community("public")
    thread = make_thread(community)
    services.create_reply(thread, people["member"], "Soon gone")
    people["member"].delete()
    assert "a former member" in thread_html(client, community, thread)
