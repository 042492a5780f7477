"""Joining, invitations, threads, replies, quoting, mentions, resource cards and query budget."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from wagtail.models import Locale, Page

from communities import services
from communities.models import (
    Community,
    Invitation,
    JoinRequest,
    Membership,
    Notification,
    Status,
    Visibility,
)
from communities.views.browse import POSTS_PER_PAGE

from .conftest import login

pytestmark = pytest.mark.django_db


def test_join_public_is_one_click(client, people, make_community):
    community = make_community("public")
    login(client, people["nonmember"])
    response = client.post(f"/en/communities/{community.slug}/join/")
    assert response.status_code == 302
    assert (
        Membership.objects.get(community=community, user=people["nonmember"]).status
        == Status.ACTIVE
    )


def test_members_only_needs_moderator_approval(client, people, make_community):
    community = make_community("members")
    login(client, people["nonmember"])
    client.post(f"/en/communities/{community.slug}/join/", {"message": "I train in Dhaka"})
    request = JoinRequest.objects.get(community=community)
    assert not Membership.objects.filter(user=people["nonmember"], community=community).exists()
    assert Notification.objects.filter(
        user=people["moderator"], kind=Notification.Kind.JOIN_REQUEST
    ).exists()
    # a member cannot approve, a moderator can
    login(client, people["member"])
    url = f"/en/communities/{community.slug}/requests/{request.pk}/approve/"
    assert client.post(url).status_code == 403
    login(client, people["moderator"])
    assert client.post(url).status_code == 302
    assert (
        Membership.objects.get(user=people["nonmember"], community=community).status
        == Status.ACTIVE
    )
    assert community.log.filter(action="approve").exists()


def test_private_cannot_be_joined_without_invitation(client, people, make_community):
    community = make_community("private")
    login(client, people["nonmember"])
    assert client.post(f"/en/communities/{community.slug}/join/").status_code == 404
    assert not Membership.objects.filter(user=people["nonmember"]).exists()


def test_invitation_works_for_someone_without_an_account(client, people, make_community):
    community = make_community("private")
    login(client, people["owner"])
    client.post(f"/en/communities/{community.slug}/invite/", {"email": "partner@ngo.example"})
    invitation = Invitation.objects.get(email="partner@ngo.example")
    assert len(mail.outbox) == 1 and invitation.token in mail.outbox[0].body
    assert community.log.filter(action="invite").exists()
    client.logout()
    url = f"/en/communities/invitations/{invitation.token}/"
    response = client.get(url)
    assert response.status_code == 200 and "Sign up" in response.content.decode()
    password = "a-Long-passphrase-9"
    client.post(
        "/en/accounts/signup/",
        {
            "username": "partner",
            "email": "partner@ngo.example",
            "password1": password,
            "password2": password,
        },
    )
    verify = re.search(r"http://\S+(/en/accounts/verify/\S+/)", mail.outbox[-1].body).group(1)
    client.post(verify)
    partner = get_user_model().objects.get(username="partner")
    login(client, partner)
    assert client.post(url).status_code == 302
    assert Membership.objects.get(user=partner, community=community).status == Status.ACTIVE
    # used once only
    assert client.get(url).status_code == 404
    assert client.get("/en/communities/invitations/bogus/").status_code == 404


def test_thread_reply_quote_and_mention(
    client, people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("public")
    thread = make_thread(community, body="Original *point* here")
    opening = thread.posts.get()
    login(client, people["member"])
    page = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/?quote={opening.pk}")
    assert "&gt; Original *point* here" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/communities/{community.slug}/t/{thread.pk}/reply/",
            {"body": "> Original point\n\nAgreed, @olga what do you think?"},
        )
    assert response.status_code == 302
    reply = thread.posts.latest("pk")
    assert '<a class="mention" href="/en/communities/people/olga/">@olga</a>' in reply.html
    assert "<blockquote>" in reply.html
    assert Notification.objects.filter(
        user=people["owner"], post=reply, kind=Notification.Kind.MENTION
    ).exists()
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_mention_of_someone_who_cannot_read_is_not_notified(
    people, make_community, make_thread, django_capture_on_commit_callbacks
):
    community = make_community("members")
    thread = make_thread(community)
    with django_capture_on_commit_callbacks(execute=True):
        services.create_reply(thread, people["member"], "@nora look at this")
    assert not Notification.objects.filter(user=people["nonmember"]).exists()


def test_links_to_portal_pages_render_as_cards(client, make_community, make_thread):
    about = Page.objects.get(slug="about", locale=Locale.objects.get(language_code="fr"))
    community = make_community("public")
    thread = make_thread(
        community,
        body="See [this](/fr/about/) and [that](/en/nowhere/) and "
        "[ext](https://example.org/en/about/)",
    )
    post = thread.posts.get()
    assert list(post.linked_pages.all()) == [about]
    page = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").content.decode()
    assert 'class="card-list resource-cards"' in page
    assert about.title in page


def test_csrf_enforced_on_forms(people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community)
    csrf_client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    csrf_client.force_login(people["moderator"])
    post = thread.posts.get()
    for url, data in [
        (f"/en/communities/{community.slug}/new/", {"title": "t", "body": "b"}),
        (f"/en/communities/{community.slug}/t/{thread.pk}/reply/", {"body": "b"}),
        (f"/en/communities/{community.slug}/join/", {}),
        (f"/en/communities/{community.slug}/t/{thread.pk}/pin/", {}),
        (f"/en/communities/posts/{post.pk}/edit/", {"body": "x"}),
        (f"/en/communities/posts/{post.pk}/hide/", {}),
        (f"/en/communities/posts/{post.pk}/flag/", {"reason": "spam"}),
        (f"/en/communities/{community.slug}/invite/", {"email": "a@b.example"}),
        ("/en/accounts/profile/", {"display_name": "x"}),
        ("/en/accounts/preferences/", {"email_mode": "off"}),
        ("/en/communities/notifications/", {}),
    ]:
        assert csrf_client.post(url, data).status_code == 403, url
    assert thread.posts.count() == 1
    thread.refresh_from_db()
    assert not thread.pinned
    # and every form on the thread page carries the token
    page = csrf_client.get(f"/en/communities/{community.slug}/t/{thread.pk}/").content.decode()
    assert page.count("<form") == page.count("csrfmiddlewaretoken") + 1  # + the GET search form
    anon = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    assert (
        anon.post("/en/accounts/login/", {"username": "mod", "password": "pw-Secret-1"}).status_code
        == 403
    )
    assert anon.post("/en/accounts/signup/", {"username": "x"}).status_code == 403


@pytest.mark.parametrize("replies", [1, 200])
def test_thread_page_query_budget(
    client, people, make_community, make_thread, replies, django_assert_max_num_queries
):
    community = make_community("members")
    thread = make_thread(community, body="Intro with a [card](/en/about/)")
    posters = [people["member"], people["owner"], people["author"]]
    for i in range(replies):
        services.create_reply(thread, posters[i % 3], f"Reply {i} to @olga")
    login(client, people["member"])
    # The same budget for 1 and 200 replies; ~14 are site chrome (navigation with the apps'
    # sections, language switcher, footer).
    with django_assert_max_num_queries(32):
        response = client.get(f"/en/communities/{community.slug}/t/{thread.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    # The first page holds the opening post and the first replies; the rest are on page 2.
    shown = min(replies, POSTS_PER_PAGE - 1)
    assert f"Reply {shown - 1} to" in html
    assert f"Reply {shown} to" not in html


def test_community_list_and_landing(client, people, make_community):
    public = make_community("public")
    members = make_community("members")
    private = make_community("private")
    page = client.get("/en/communities/").content.decode()
    assert public.name in page and members.name in page and private.name not in page
    landing = client.get(f"/en/communities/{members.slug}/").content.decode()
    assert "Only members can read" in landing
    assert client.get(f"/en/communities/{private.slug}/").status_code == 404
    assert client.get("/fr/communities/").status_code == 200


def test_new_thread_validation(client, people, make_community):
    community = make_community("public")
    login(client, people["member"])
    response = client.post(f"/en/communities/{community.slug}/new/", {"title": " ", "body": ""})
    assert response.status_code == 400
    assert Community.objects.get(pk=community.pk).threads.count() == 0


def test_default_visibility_is_public():
    assert Community(name="x", slug="x").visibility == Visibility.PUBLIC


def test_the_welcome_message_is_shown_once_as_a_success_notice(client, people, make_community):
    community = make_community("public")
    login(client, people["nonmember"])
    response = client.post(f"/en/communities/{community.slug}/join/", follow=True)
    html = response.content.decode()
    assert html.count("You are now a member of") == 1
    assert re.search(r'<li class="notice notice-success">Welcome! You are now a member', html)
    # Shown once: the next page no longer carries it.
    assert (
        "You are now a member of" not in client.get(community.get_absolute_url()).content.decode()
    )


def test_a_search_inside_a_community_keeps_its_words_on_the_next_page(
    client, people, make_community, make_thread
):
    community = make_community("public")
    for number in range(35):
        make_thread(community, title=f"Role play {number}")
    make_thread(community, title="Something else entirely")
    response = client.get(community.get_absolute_url() + "?q=role+play")
    assert response.status_code == 200
    next_link = re.search(r'<a rel="next" href="([^"]+)"', response.content.decode()).group(1)
    assert next_link == "?q=role+play&amp;page=2"
    second = client.get(community.get_absolute_url() + next_link.replace("&amp;", "&"))
    assert "Page 2 of 2" in second.content.decode()
    assert "Something else entirely" not in second.content.decode()
