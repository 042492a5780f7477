"""Preview on a headless front end (portal/headless.py, /api/v2/page_preview/): with
HEADLESS_PREVIEW_URL the admin's preview sends the editor to the front end with a signed token,
and the token reads the draft as JSON; a missing, tampered, foreign or expired token reads
nothing. Without the setting, Wagtail's own preview is unchanged."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_headless_preview.models import PagePreview

pytestmark = pytest.mark.django_db

FRONT = "https://front.example/preview"
PREVIEW_API = "/api/v2/page_preview/"


def preview(client, page, title):
    """What the admin's preview panel does: post the edit form, then load the preview."""
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("heading", {"text": "Draft heading"})]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    posted = client.post(url, data)
    assert posted.status_code == 200, posted.content[:500]
    assert posted.json()["is_valid"], posted.json()
    return client.get(url)


@override_settings(HEADLESS_PREVIEW_URL=FRONT)
def test_preview_goes_to_the_front_end_and_the_token_reads_the_draft(editor_client, about, client):
    response = preview(editor_client, about, "Unpublished draft title")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == FRONT
    query = parse_qs(location.query)
    content_type, token = query["content_type"][0], query["token"][0]
    assert content_type == "portal.standardpage"

    editor_client.logout()  # the front end calls the API without any session
    response = editor_client.get(PREVIEW_API, {"content_type": content_type, "token": token})
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert body["title"] == "Unpublished draft title"
    assert body["id"] == about.pk
    assert body["body"][0]["value"]["text"] == "Draft heading"
    # The live page is unchanged.
    live = editor_client.get(f"/api/v2/pages/{about.pk}/").json()
    assert live["title"] == about.title


@override_settings(HEADLESS_PREVIEW_URL=FRONT)
def test_bad_tokens_read_nothing(editor_client, about, client):
    response = preview(editor_client, about, "Secret draft title")
    query = parse_qs(urlsplit(response["Location"]).query)
    content_type, token = query["content_type"][0], query["token"][0]
    editor_client.logout()

    def ask(params, status):
        answer = client.get(PREVIEW_API, params)
        assert answer.status_code == status, (params, answer.content[:300])
        assert answer["Content-Type"].startswith("application/json")
        assert "Secret draft" not in answer.content.decode()
        return answer.json()

    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert ask({"content_type": content_type, "token": tampered}, 404)["code"] == "not_found"
    ask({"content_type": content_type, "token": token + "x"}, 404)
    ask({"content_type": "portal.homepage", "token": token}, 404)  # another type's token
    ask({"content_type": "auth.user", "token": token}, 404)
    ask({"content_type": "nonsense", "token": token}, 404)
    assert ask({"content_type": content_type}, 400)["code"] == "bad_request"
    ask({"token": token}, 400)
    ask({}, 400)
    with override_settings(HEADLESS_PREVIEW_MAX_AGE=-1):  # every token has expired
        ask({"content_type": content_type, "token": token}, 404)
    # A token whose stored preview is gone reads nothing either.
    PagePreview.objects.filter(token=token).delete()
    ask({"content_type": content_type, "token": token}, 404)


def test_without_the_setting_wagtail_previews_as_before(editor_client, about):
    response = preview(editor_client, about, "Local preview title")
    assert response.status_code == 200
    assert "Local preview title" in response.content.decode()
    assert not PagePreview.objects.exists()


@override_settings(HEADLESS_PREVIEW_URL=FRONT)
def test_only_editors_can_make_a_preview(client, about, django_user_model):
    response = client.get(f"/admin/pages/{about.pk}/edit/preview/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    client.force_login(django_user_model.objects.create_user("plain", password="x"))
    response = client.post(f"/admin/pages/{about.pk}/edit/preview/", {"title": "x"})
    assert response.status_code in (302, 403)
    assert not PagePreview.objects.exists()
