"""Community names and descriptions in the reader's language (CommunityTranslation): the pages,
the API, the admin's inline panel (validation, permission) and the demo."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from communities import services
from communities.models import Community, CommunityTranslation, EmailMode, Profile

from .conftest import login

pytestmark = pytest.mark.django_db

FR_NAME = "Réseau des formateurs"
FR_DESCRIPTION = "Un endroit pour discuter."


@pytest.fixture
def translated(make_community):
    community = make_community("public")
    CommunityTranslation.objects.create(
        community=community, language="fr", name=FR_NAME, description=FR_DESCRIPTION
    )
    return community


def _html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_french_list_and_detail_show_the_french_name(client, translated):
    for url in ("/fr/communities/", f"/fr/communities/{translated.slug}/"):
        html = _html(client.get(url))
        assert FR_NAME in html
        assert FR_DESCRIPTION in html
        assert translated.name not in html
        assert 'lang="en"' not in html.split("<main", 1)[-1]


def test_language_without_translation_shows_the_original_with_its_lang(client, translated):
    html = _html(client.get(f"/km/communities/{translated.slug}/"))
    assert re.search(r'<h1 lang="en" dir="auto">public community</h1>', html)
    assert re.search(r'<p class="lead" lang="en" dir="auto">A place to talk.</p>', html)
    assert FR_NAME not in html
    listing = _html(client.get("/km/communities/"))
    assert re.search(r'lang="en" dir="auto">public community</a>', listing)


def test_original_language_shows_no_lang_attribute(client, translated):
    html = _html(client.get(f"/en/communities/{translated.slug}/"))
    assert '<h1 dir="auto">public community</h1>' in html


def test_community_written_in_khmer_is_marked_khmer_on_other_languages(client, make_community):
    community = make_community("public", slug="kh")
    Community.objects.filter(pk=community.pk).update(name="បណ្តាញគ្រូ", language="km")
    CommunityTranslation.objects.create(community=community, language="en", name="Trainers")
    html = _html(client.get("/en/communities/kh/"))
    assert '<h1 dir="auto">Trainers</h1>' in html
    # no English description: the original one, marked with its language
    assert '<p class="lead" lang="km" dir="auto">A place to talk.</p>' in html
    assert '<h1 lang="km" dir="auto">បណ្តាញគ្រូ</h1>' in _html(client.get("/fr/communities/kh/"))
    assert '<h1 dir="auto">បណ្តាញគ្រូ</h1>' in _html(client.get("/km/communities/kh/"))


def test_thread_page_breadcrumb_and_header_in_french(client, translated, make_thread):
    thread = make_thread(translated)
    html = _html(client.get(f"/fr/communities/{translated.slug}/t/{thread.pk}/"))
    assert html.count(f">{FR_NAME}</a>") >= 2  # breadcrumb and the thread's header
    html = _html(client.get(f"/vi/communities/{translated.slug}/t/{thread.pk}/"))
    assert '<span lang="en" dir="auto">public community</span>' in html


def test_new_thread_heading_in_french(client, translated, people):
    login(client, people["member"])
    html = _html(client.get(f"/fr/communities/{translated.slug}/new/"))
    assert FR_NAME in html


def test_notification_email_names_the_community_in_the_readers_language(
    translated, make_thread, people, django_capture_on_commit_callbacks
):
    reader = people["member"]
    Profile.objects.update_or_create(
        user=reader, defaults={"languages": "fr", "email_mode": EmailMode.IMMEDIATE}
    )
    services.follow(reader, community=translated)
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(translated)
    sent = [m for m in mail.outbox if reader.email in m.to]
    assert sent
    assert sent[0].subject.startswith(f"[{FR_NAME}]")
    assert FR_NAME in sent[0].body


# --- API ---------------------------------------------------------------------------------------


def test_api_lang_gives_the_translation_or_the_original(client, translated):
    detail = client.get(f"/api/v2/communities/{translated.slug}/?lang=fr").json()
    assert (detail["name"], detail["description"]) == (FR_NAME, FR_DESCRIPTION)
    assert (detail["language"], detail["name_language"]) == ("en", "fr")
    listed = client.get("/api/v2/communities/?lang=fr").json()
    assert [c["name"] for c in listed["results"] if c["slug"] == translated.slug] == [FR_NAME]
    khmer = client.get(f"/api/v2/communities/{translated.slug}/?lang=km").json()
    assert (khmer["name"], khmer["name_language"]) == ("public community", "en")
    original = client.get(f"/api/v2/communities/{translated.slug}/").json()
    assert original["name"] == "public community"


def test_api_unknown_lang_is_a_400(client, translated):
    for url in (
        "/api/v2/communities/?lang=xx",
        f"/api/v2/communities/{translated.slug}/?lang=klingon",
    ):
        response = client.get(url)
        assert response.status_code == 400
        assert "Unknown language" in str(response.json())


@pytest.mark.parametrize("count", [2, 8])
def test_api_and_list_query_budget(client, make_community, count, django_assert_max_num_queries):
    for i in range(count):
        community = make_community("public", slug=f"c{i}")
        for language in ("fr", "km", "ar"):
            CommunityTranslation.objects.create(
                community=community, language=language, name=f"{language} {i}"
            )
    # the same budget for 2 and 8 communities: translations come in one prefetch
    with django_assert_max_num_queries(4):
        listed = client.get("/api/v2/communities/?lang=fr").json()
    assert {c["name"] for c in listed["results"]} == {f"fr {i}" for i in range(count)}
    with django_assert_max_num_queries(24):
        html = _html(client.get("/fr/communities/"))
    assert f"fr {count - 1}" in html


# --- the admin ---------------------------------------------------------------------------------


@pytest.fixture
def admin_editor(make_user):
    user = make_user("admin-editor")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="communities",
            codename__in=["add_community", "change_community", "view_community"],
        ),
    )
    return user


def _form(community, rows, initial=0):
    data = {
        "name": community.name,
        "slug": community.slug,
        "description": community.description,
        "language": community.language,
        "visibility": community.visibility,
        "translations-TOTAL_FORMS": str(len(rows)),
        "translations-INITIAL_FORMS": str(initial),
        "translations-MIN_NUM_FORMS": "0",
        "translations-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"translations-{i}-{key}"] = value
    return data


def _edit_url(community):
    return f"/admin/snippets/communities/community/edit/{community.pk}/"


def test_editor_saves_a_translation_in_the_admin(client, admin_editor, make_community):
    community = make_community("public")
    client.force_login(admin_editor)
    assert _html(client.get(_edit_url(community))).count("translations-TOTAL_FORMS")
    rows = [{"language": "fr", "name": FR_NAME, "description": FR_DESCRIPTION}]
    response = client.post(_edit_url(community), _form(community, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    translation = CommunityTranslation.objects.get(community=community)
    assert (translation.language, translation.name) == ("fr", FR_NAME)
    assert FR_NAME in _html(client.get(f"/fr/communities/{community.slug}/"))


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{"language": "fr", "name": "x" * 161}], "at most 160 characters"),
        ([{"language": "tlh", "name": "Klingon"}], "Select a valid choice"),
        ([{"language": "en", "name": "Same"}], "already written in this language"),
        (
            [{"language": "fr", "name": "Un"}, {"language": "fr", "name": "Deux"}],
            "Please correct the duplicate data",
        ),
    ],
    ids=["too-long", "unknown-language", "own-language", "duplicate-language"],
)
def test_bad_translations_are_form_errors(client, admin_editor, make_community, rows, message):
    community = make_community("public")
    client.force_login(admin_editor)
    response = client.post(_edit_url(community), _form(community, rows))
    html = _html(response)
    assert message in html
    assert not CommunityTranslation.objects.exists()
    community.refresh_from_db()
    assert community.name == "public community"


def test_duplicate_of_a_saved_translation_is_a_form_error(client, admin_editor, translated):
    client.force_login(admin_editor)
    saved = translated.translations.get()
    rows = [
        {"id": str(saved.pk), "language": "fr", "name": FR_NAME},
        {"language": "fr", "name": "Autre nom"},
    ]
    html = _html(client.post(_edit_url(translated), _form(translated, rows, initial=1)))
    assert "Please correct the duplicate data" in html
    assert list(CommunityTranslation.objects.values_list("name", flat=True)) == [FR_NAME]


@pytest.mark.parametrize("who", ["anonymous", "moderator", "viewer"])
def test_only_community_editors_edit_translations(client, make_community, people, make_user, who):
    community = make_community("public")
    if who == "moderator":  # moderates the community on the site, but edits nothing in the admin
        client.force_login(people["moderator"])
    elif who == "viewer":
        viewer = make_user("viewer")
        viewer.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_community"),
        )
        client.force_login(viewer)
    rows = [{"language": "fr", "name": FR_NAME}]
    response = client.post(_edit_url(community), _form(community, rows))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"] or response["Location"].startswith("/admin/")
    assert not CommunityTranslation.objects.exists()


# --- the demo ----------------------------------------------------------------------------------


def test_demo_communities_are_translated_into_every_other_language(
    django_capture_on_commit_callbacks,
):
    from .test_discuss_and_demo import _seed

    with django_capture_on_commit_callbacks(execute=True):
        _seed()
    all_languages = {"en", "fr", "es", "ar", "vi", "km", "id", "bn"}
    for community in Community.objects.prefetch_related("translations"):
        translations = {t.language: t for t in community.translations.all()}
        assert set(translations) == all_languages - {community.language}, community.slug
        for t in translations.values():
            assert t.name != community.name and t.description != community.description
    khmer = Community.objects.get(slug="cambodia-trainers")
    assert khmer.language == "km"
    assert khmer.localized("en").name == "Cambodia master trainers' network"
