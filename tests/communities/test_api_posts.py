"""Editing, flagging and attaching files over the API, with the HTML site's rules and checks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from communities import services
from communities.models import ApiToken, Attachment, Flag, ModerationLog, Post, PostRevision
from tests.factories import PNG

from .conftest import login

pytestmark = pytest.mark.django_db

API = "/api/v2/communities"


def _json(client, method, url, data=None, **extra):
    return getattr(client, method)(url, data or {}, content_type="application/json", **extra)


def _upload(client, community, name, content, **extra):
    return client.post(
        f"{API}/{community.slug}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        **extra,
    )


# --- editing --------------------------------------------------------------------------------------


def test_an_author_edits_their_post(client, people, make_community, make_thread):
    community = make_community("public")
    thread = make_thread(community, title="Old title", body="Old text")
    post = thread.posts.get()
    url = f"{API}/posts/{post.pk}/"
    assert _json(client, "patch", url, {"body": "x"}).status_code == 401
    login(client, people["member"])  # not the author
    response = _json(client, "patch", url, {"body": "Hijacked"})
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    login(client, people["author"])
    response = _json(client, "patch", url, {"body": "New **text**", "title": "New title"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["html"] == "<p>New <strong>text</strong></p>\n" and data["edited"] is True
    assert data["can_edit"] is True and data["can_flag"] is False
    post.refresh_from_db()
    thread.refresh_from_db()
    assert (post.body, thread.title) == ("New **text**", "New title")
    assert list(PostRevision.objects.values_list("body", flat=True)) == ["Old text"]
    assert _json(client, "patch", url, {"body": "   "}).status_code == 400
    assert _json(client, "patch", url, {"body": "y" * 20001}).status_code == 400
    post.refresh_from_db()
    assert post.body == "New **text**"


def test_a_moderator_edits_any_post_and_it_is_logged(client, people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community)
    reply = services.create_reply(thread, people["member"], "Rude words")
    login(client, people["moderator"])
    response = _json(client, "patch", f"{API}/posts/{reply.pk}/", {"body": "[removed]"})
    assert response.status_code == 200
    assert ModerationLog.objects.filter(action="edit", post=reply).exists()


def test_an_author_cannot_edit_a_hidden_post_nor_after_leaving(
    client, people, make_community, make_thread
):
    community = make_community("members")
    thread = make_thread(community)
    reply = services.create_reply(thread, people["member"], "Mine")
    services.set_post_hidden(reply, people["moderator"], True, "spam")
    login(client, people["member"])
    assert _json(client, "patch", f"{API}/posts/{reply.pk}/", {"body": "x"}).status_code == 403
    other = services.create_reply(thread, people["member"], "Also mine")
    services.leave(people["member"], community)
    assert _json(client, "patch", f"{API}/posts/{other.pk}/", {"body": "x"}).status_code == 403
    assert Post.objects.get(pk=other.pk).body == "Also mine"


def test_editing_in_a_private_community_is_404_to_outsiders(
    client, people, make_community, make_thread
):
    community = make_community("private")
    post = make_thread(community).posts.get()
    login(client, people["nonmember"])
    assert _json(client, "patch", f"{API}/posts/{post.pk}/", {"body": "x"}).status_code == 404
    assert _json(client, "patch", f"{API}/posts/999999/", {"body": "x"}).status_code == 404


def test_editing_is_rate_limited_with_posting(
    client, people, make_community, make_thread, settings
):
    settings.COMMUNITIES_POST_RATE = "2/m"
    community = make_community("public")
    post = make_thread(community, author=people["member"]).posts.get()
    login(client, people["member"])
    codes = [
        _json(client, "patch", f"{API}/posts/{post.pk}/", {"body": f"v{i}"}).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_read_token_may_not_edit(client, people, make_community, make_thread):
    community = make_community("public")
    post = make_thread(community, author=people["member"]).posts.get()
    _token, key = ApiToken.issue(people["member"], "r", ApiToken.READ)
    response = _json(
        client,
        "patch",
        f"{API}/posts/{post.pk}/",
        {"body": "x"},
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 403 and response.json()["code"] == "insufficient_scope"


# --- flags ----------------------------------------------------------------------------------------


def test_flagging_once(client, people, make_community, make_thread):
    community = make_community("public")
    post = make_thread(community).posts.get()
    url = f"{API}/posts/{post.pk}/flag/"
    assert _json(client, "post", url, {"reason": "spam"}).status_code == 401
    login(client, people["nonmember"])  # anyone signed in who reads a public community
    response = _json(client, "post", url, {"reason": "spam", "detail": "An advert"})
    assert response.status_code == 201
    assert response.json()["reason"] == "spam" and response.json()["detail"] == "An advert"
    again = _json(client, "post", url, {"reason": "abuse"})
    assert again.status_code == 409 and again.json()["code"] == "already_flagged"
    assert Flag.objects.get().reason == "spam"
    services.resolve_flags(post, people["moderator"])
    assert _json(client, "post", url, {"reason": "abuse"}).status_code == 201  # opened again
    flag = Flag.objects.get()
    assert (flag.reason, flag.resolved_at) == ("abuse", None)


def test_flag_refusals(client, people, make_community, make_thread):
    community = make_community("members")
    post = make_thread(community).posts.get()
    url = f"{API}/posts/{post.pk}/flag/"
    login(client, people["author"])  # one's own post
    assert _json(client, "post", url, {"reason": "spam"}).status_code == 403
    login(client, people["nonmember"])  # may not read it
    assert _json(client, "post", url, {"reason": "spam"}).status_code == 403
    login(client, people["member"])
    assert _json(client, "post", url, {"reason": "bogus"}).status_code == 400
    assert _json(client, "post", url, {"reason": "spam", "detail": "d" * 501}).status_code == 400
    assert not Flag.objects.exists()


# --- attachments ----------------------------------------------------------------------------------


def test_upload_then_attach_to_a_reply(client, people, make_community, make_thread):
    community = make_community("members")
    thread = make_thread(community)
    login(client, people["member"])
    response = _upload(client, community, "table.png", PNG)
    assert response.status_code == 201, response.content
    uploaded = response.json()
    assert (uploaded["name"], uploaded["kind"], uploaded["content_type"]) == (
        "table.png",
        "image",
        "image/png",
    )
    attachment = Attachment.objects.get(pk=uploaded["id"])
    assert attachment.post is None and attachment.uploaded_by == people["member"]
    # Before it is on a post, it is its uploader's alone.
    assert client.get(uploaded["url"]).status_code == 200
    login(client, people["moderator"])
    assert client.get(uploaded["url"]).status_code == 404
    # Nobody else may attach it.
    response = _json(
        client,
        "post",
        f"{API}/threads/{thread.pk}/replies/",
        {"body": "Mine now", "attachments": [attachment.pk]},
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid_attachment"
    assert thread.posts.count() == 1
    login(client, people["member"])
    response = _json(
        client,
        "post",
        f"{API}/threads/{thread.pk}/replies/",
        {"body": "See the table", "attachments": [attachment.pk]},
    )
    assert response.status_code == 201
    assert response.json()["attachments"] == [attachment.get_absolute_url()]
    attachment.refresh_from_db()
    assert attachment.post_id == response.json()["id"]
    # Used once: a second post cannot carry it.
    response = _json(
        client,
        "post",
        f"{API}/{community.slug}/threads/",
        {"title": "Again", "body": "b", "attachments": [attachment.pk]},
    )
    assert response.status_code == 400


def test_thread_with_an_attachment(client, people, make_community):
    community = make_community("public")
    login(client, people["member"])
    pdf = _upload(client, community, "notes.pdf", b"%PDF-1.4\n%%EOF").json()
    response = _json(
        client,
        "post",
        f"{API}/{community.slug}/threads/",
        {"title": "Notes", "body": "Attached", "attachments": [pdf["id"]]},
    )
    assert response.status_code == 201
    detail = client.get(f"{API}/threads/{response.json()['id']}/").json()
    assert detail["posts"]["results"][0]["attachments"] == [pdf["url"]]
    client.logout()  # a public community's attachment: anyone downloads it
    download = client.get(pdf["url"])
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>"),  # HTML named .pdf
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("run.exe", b"MZ\x90\x00"),
        ("empty.png", b""),
    ],
)
def test_uploads_are_checked_like_the_form(client, people, make_community, name, content):
    community = make_community("public")
    login(client, people["member"])
    response = _upload(client, community, name, content)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_file"
    assert not Attachment.objects.exists()


def test_upload_size_limit(client, people, make_community, settings):
    settings.COMMUNITIES_ATTACHMENT_MAX_SIZE = 1024
    community = make_community("public")
    login(client, people["member"])
    response = _upload(client, community, "big.png", PNG + b"\0" * 2048)
    assert response.status_code == 400 and "too large" in response.json()["error"]
    assert not Attachment.objects.exists()


def test_upload_refusals(client, people, make_community, settings):
    public = make_community("public")
    private = make_community("private", slug="c-private")
    assert _upload(client, public, "a.png", PNG).status_code == 401
    login(client, people["nonmember"])
    assert _upload(client, public, "a.png", PNG).status_code == 403  # not a member
    assert _upload(client, private, "a.png", PNG).status_code == 404
    login(client, people["member"])
    response = client.post(f"{API}/{public.slug}/attachments/", {})
    assert response.status_code == 400 and response.json()["code"] == "invalid_file"
    settings.COMMUNITIES_UPLOAD_RATE = "1/m"
    assert _upload(client, public, "a.png", PNG).status_code == 201
    assert _upload(client, public, "b.png", PNG).status_code == 429
    assert Attachment.objects.count() == 1
    _token, key = ApiToken.issue(people["member"], "r", ApiToken.READ)
    response = _upload(client, public, "c.png", PNG, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 403
