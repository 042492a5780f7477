"""Matches are marked in titles and excerpts, on escaped text only; a search that finds nothing
suggests a spelling and links to the library with the same filters."""

import pytest

from knowledge.models import GoodPracticeGuidePage
from portal.models import CountryPage, StandardPage
from search.highlight import excerpt, highlight

from .conftest import PUBLIC, index, result_count

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & okapi'


@pytest.fixture
def hostile_page():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    page = StandardPage(title=f"Okapi {HOSTILE}", slug="hostile", intro=f"Intro: {HOSTILE}")
    about.add_child(instance=page)
    index(page)
    return page


def test_title_and_excerpt_mark_the_match(client, make_resource):
    page = make_resource(
        GoodPracticeGuidePage,
        "Fire safety for trainers",
        summary="How supervisors run a fire drill. " * 3 + "Trainers keep a log.",
    )
    html = client.get("/en/search/", {"q": "fire trainers"}).content.decode()
    item = html[html.index(f'href="{page.url}"') :]
    item = item[: item.index("</li>")]
    assert "<mark>Fire</mark> safety for <mark>trainers</mark>" in item
    assert '<p class="excerpt" dir="auto">' in item and "<mark>fire</mark> drill" in item


def test_everything_user_written_is_escaped(client, hostile_page):
    html = client.get("/en/search/", {"q": "okapi alert"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)" in html
    assert "&amp; <mark>okapi</mark>" in html
    data = client.get("/api/v2/search/", {"q": "okapi"}).json()
    result = data["results"][0]
    assert "<script>" not in result["title_html"] + result["excerpt"]
    assert result["title_html"].startswith("<mark>Okapi</mark> &lt;script&gt;")


def test_discussion_excerpt_is_the_matching_visible_post(client, make_community, make_thread):
    make_thread(
        make_community(PUBLIC),
        "Evacuation drills",
        body="We drill every month.",
        replies=['<b onmouseover="x">Night shift</b> drills need torches', "Thanks"],
    )
    html = client.get("/en/search/", {"q": "torches"}).content.decode()
    assert "<mark>torches</mark>" in html
    assert "onmouseover" not in html.replace("&lt;b onmouseover", "")
    assert '<b onmouseover="x">' not in html


def test_vietnamese_without_diacritics_marks_the_accented_word(client):
    page = CountryPage.objects.get(slug="vietnam", locale__language_code="vi")
    index(page)
    html = client.get("/vi/search/", {"q": "viet nam"}).content.decode()
    assert "<mark>Việt</mark> <mark>Nam</mark>" in html


def test_highlight_helpers():
    assert highlight("a < b okapi", "okapi") == "a &lt; b <mark>okapi</mark>"
    assert (
        highlight("<mark>x</mark>", "mark")
        == "&lt;<mark>mark</mark>&gt;x&lt;/<mark>mark</mark>&gt;"
    )
    assert highlight("ប្រទេសកម្ពុជា", "កម្ពុជា") == "ប្រទេស<mark>កម្ពុជា</mark>"
    assert highlight("Nothing here", '"AND OR (') == "Nothing here"
    long = "word " * 100 + "okapi " + "word " * 100
    short = excerpt(["", long], "okapi", length=100)
    assert short.startswith("… ") and short.endswith(" …") and "<mark>okapi</mark>" in short
    assert len(short) < 140
    assert excerpt(["", None], "okapi") is None


def test_no_results_suggests_a_spelling_that_finds_something(client):
    index(*CountryPage.objects.filter(locale__language_code__in=["en", "fr"]))
    html = client.get("/en/search/", {"q": "Cambodai"}).content.decode()
    assert "No results" in html
    assert 'class="did-you-mean"' in html
    assert "q=cambodia" in html and ">cambodia</a>" in html
    found = client.get("/en/search/", {"q": "cambodia"}).content.decode()
    assert result_count(found) >= 1
    french = client.get("/fr/search/", {"q": "Cambodje"}).content.decode()
    assert ">cambodge</a>" in french
    data = client.get("/api/v2/search/", {"q": "Jordna", "language": "en"}).json()
    assert data["count"] == 0 and data["suggestion"] == "jordan"


def test_no_suggestion_when_nothing_is_close(client):
    html = client.get("/en/search/", {"q": "zzzqqqxxy"}).content.decode()
    assert "No results" in html and "did-you-mean" not in html


def test_no_results_links_to_the_library_with_the_same_filters(client):
    html = client.get(
        "/en/search/", {"q": "zzzqqqxxy", "country": "cambodia", "topic": "gender-equality"}
    ).content.decode()
    link = 'class="library-link" href="/en/resources/?country=cambodia&amp;topic=gender-equality"'
    assert link in html
    plain = client.get("/ar/search/", {"q": "zzzqqqxxy"}).content.decode()
    assert 'class="library-link" href="/ar/resources/"' in plain
    assert "all=1" in plain


@pytest.mark.parametrize(
    "query", ['"', "AND OR", "x" * 10_000, "<b onmouseover=x>", "\x00", "((", "NEAR("]
)
def test_hostile_queries_with_facets_give_a_normal_page(client, query):
    params = {"q": query, "country": "cambodia", "type": "discussion", "topic": "<x>"}
    response = client.get("/en/search/", params)
    # A NUL is refused before any view runs (portal.middleware): the 400 page, never a 500.
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<b onmouseover=x>" not in response.content.decode()
    api = client.get("/api/v2/search/", params)
    assert api.status_code in (200, 400)


def test_a_lone_surrogate_is_the_400_page(client):
    # A UTF-8-encoded lone surrogate (invalid UTF-8), as a hostile client would send it, is
    # refused before any view runs (portal.middleware).
    raw = "q=a%ED%A0%80b&country=%ED%A0%80&industry=apparel"
    assert client.get(f"/en/search/?{raw}").status_code == 400
    assert client.get(f"/api/v2/search/?{raw}").status_code == 400
