"""Readers find the language versions of what they read: a page not yet translated says so and
links to the languages it exists in; every page lists its versions as hreflang alternates;
one sitemap per language lists the public pages with their alternates."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _home(code):
    return HomePage.objects.get(locale__language_code=code)


def _only_in(code, slug, title, **kwargs):
    page = _home(code).add_child(instance=StandardPage(title=title, slug=slug, **kwargs))
    page.save_revision().publish()
    return page


def _alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in _soup(response).select('head link[rel="alternate"][hreflang]')
    }


# --- a page not yet translated -------------------------------------------------------------------


def test_an_english_only_page_in_khmer_says_so_and_links_to_english(client):
    _only_in("en", "only-english", "Only in English")
    response = client.get("/km/only-english/")
    assert response.status_code == 404
    soup = _soup(response)
    assert soup.html["lang"] == "km"
    heading = soup.select_one("h1").get_text(strip=True)
    assert "Khmer" not in heading and heading != "Not available in Khmer yet"  # translated
    link = soup.select_one('main a[hreflang="en"]')
    assert link["href"] == "/en/only-english/" and link["lang"] == "en"
    assert "Only in English" in link.get_text()
    assert client.get(link["href"]).status_code == 200
    assert soup.select('head link[rel="alternate"]') == []  # no alternates on an error page


def test_a_french_only_page_for_an_english_reader(client):
    _only_in("fr", "seulement-en-francais", "Seulement en français")
    response = client.get("/en/seulement-en-francais/")
    assert response.status_code == 404
    soup = _soup(response)
    assert soup.select_one("h1").get_text(strip=True) == "Not available in English yet"
    assert soup.select_one("title").get_text().startswith("Not available in English yet")
    link = soup.select_one('main a[hreflang="fr"]')
    assert link["href"] == "/fr/seulement-en-francais/"
    assert link.find_parent("li")["dir"] == "ltr"


def test_a_page_translated_under_another_slug_is_reached(client):
    english = _only_in("en", "slug-en", "Slug")
    khmer = english.copy_for_translation(Locale.objects.get(language_code="km"))
    khmer.slug = "slug-km"
    khmer.save_revision().publish()
    response = client.get("/km/slug-en/")
    assert response.status_code == 302 and response["Location"] == "/km/slug-km/"


def test_restricted_unpublished_and_unknown_pages_are_plain_404s(client):
    members = _only_in("en", "members-only", "Members only")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    draft = _only_in("en", "draft-only", "Draft")
    draft.unpublish()
    for path in ["/km/members-only/", "/km/draft-only/", "/km/no-such-page/"]:
        response = client.get(path)
        assert response.status_code == 404, path
        soup = _soup(response)
        assert soup.select_one("main a[hreflang]") is None, path
        assert "Members only" not in response.content.decode()


def test_api_and_bad_input_stay_plain(client):
    _only_in("en", "only-english", "Only in English")
    assert client.get("/api/only-english/").json()["code"] == "not_found"
    assert client.post("/km/only-english/").status_code in (404, 405)
    assert client.get("/km/only-english/%00/").status_code in (400, 404)
    unknown_language = client.get("/en/xx/only-english/")
    assert unknown_language.status_code == 404
    assert _soup(unknown_language).select_one("main a[hreflang]") is None


# --- hreflang alternates ------------------------------------------------------------------------

PAGE_PATHS = ["/en/", "/en/about/", "/en/countries/", "/en/countries/cambodia/"]
APP_PATHS = ["/en/communities/", "/en/search/?q=safety", "/en/accounts/login/"]


@pytest.mark.parametrize("path", PAGE_PATHS + APP_PATHS)
def test_every_page_has_absolute_alternates_that_answer(client, path):
    alternates = _alternates(client.get(path))
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["en"]
    for code, url in alternates.items():
        parts = urlsplit(url)
        assert parts.scheme == "http" and parts.netloc == "localhost", url
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if code != "x-default":
            assert target.startswith(f"/{code}/")
        assert client.get(target).status_code == 200, url


def test_alternates_list_only_the_languages_a_page_exists_in(client):
    english = _only_in("en", "two-languages", "Two")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    alternates = _alternates(client.get("/fr/two-languages/"))
    assert alternates == {
        "en": "http://localhost/en/two-languages/",
        "fr": "http://localhost/fr/two-languages/",
        "x-default": "http://localhost/en/two-languages/",
    }


def test_a_restricted_translation_is_not_an_alternate(client):
    english = _only_in("en", "half-open", "Half open")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
    assert set(_alternates(client.get("/en/half-open/"))) == {"en", "x-default"}


def test_the_switcher_and_the_alternates_agree(client):
    response = client.get("/fr/countries/cambodia/")
    html = response.content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    links = dict(re.findall(r'href="([^"]+)" hreflang="([^"]+)"', switcher))
    alternates = _alternates(response)
    assert {f"http://localhost{url}": code for url, code in links.items()} == {
        url: code for code, url in alternates.items() if code != "x-default"
    }


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/en/", "/en/countries/cambodia/", "/en/communities/"])
def test_alternates_cost_at_most_one_query(client, path, monkeypatch):
    from portal.templatetags import portal_tags

    client.get(path)  # warm caches (site root paths, settings)
    with_alternates = _count(client, path)
    monkeypatch.setattr(portal_tags, "hreflang_alternates", lambda request, page=None: [])
    without = _count(client, path)
    assert with_alternates <= without + 1


# --- sitemaps ---------------------------------------------------------------------------------


def _xml(response):
    from xml.etree import ElementTree

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def _sitemap(client, code):
    root = _xml(client.get(f"/sitemap-{code}.xml"))
    entries = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
    return entries


def test_the_index_lists_one_sitemap_per_language(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        root = _xml(client.get("/sitemap.xml"))
    locations = [loc.text for loc in root.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert locations == [f"http://localhost/sitemap-{code}.xml" for code in LANGUAGES]


def test_a_french_page_is_in_the_french_sitemap_with_its_alternates(client):
    english = _only_in("en", "in-two", "In two")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    entries = _sitemap(client, "fr")
    assert entries["http://localhost/fr/in-two/"] == {
        "en": "http://localhost/en/in-two/",
        "fr": "http://localhost/fr/in-two/",
        "x-default": "http://localhost/en/in-two/",
    }
    assert "http://localhost/fr/countries/cambodia/" in entries
    assert "http://localhost/fr/communities/" in entries  # the app listing
    assert all(urlsplit(loc).path.startswith("/fr/") for loc in entries)
    assert "http://localhost/en/in-two/" in _sitemap(client, "en")
    assert "http://localhost/km/in-two/" not in _sitemap(client, "km")


def test_private_restricted_and_unpublished_pages_never_appear(client):
    members = _only_in("en", "members", "Members")
    below = members.add_child(instance=StandardPage(title="Below", slug="below"))
    below.save_revision().publish()
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    secret = _only_in("en", "secret", "Secret")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = _only_in("en", "draft", "Draft")
    draft.unpublish()
    xml = "".join(client.get(f"/sitemap-{code}.xml").content.decode() for code in LANGUAGES)
    for slug in ["members", "below", "secret", "draft"]:
        assert f"/{slug}/" not in xml
    assert "/search/" not in xml


def test_sitemap_queries_do_not_grow_with_pages(client):
    few = _count(client, "/sitemap-en.xml")
    for number in range(10):
        _only_in("en", f"extra-{number}", f"Extra {number}")
    assert _count(client, "/sitemap-en.xml") <= few


def test_an_unknown_sitemap_is_a_404(client):
    assert client.get("/sitemap-xx.xml").status_code == 404
    assert client.get("/sitemap-en.xml?p=99").status_code == 404
    assert client.get("/sitemap-en.xml?p=abc").status_code == 404


def test_the_root_page_is_not_in_a_sitemap(client):
    root = Page.objects.get(depth=1)
    assert all(str(root.title) not in loc for loc in _sitemap(client, "en"))


# --- English fallback text on portal pages -------------------------------------------------------


@pytest.fixture
def translated_to_khmer(django_capture_on_commit_callbacks):
    """wagtail-localize publishes a translation on commit: translate inside a capture."""
    from tests.factories import translate

    def make(page):
        khmer = Locale.objects.get(language_code="km")
        with django_capture_on_commit_callbacks(execute=True):
            translate(Page.objects.get(pk=page.pk).specific, [khmer])
        return page.get_translation(khmer)

    return make


def test_untranslated_standard_page_fields_carry_english_lang_and_a_note(
    client, translated_to_khmer
):
    english = _only_in(
        "en",
        "untranslated",
        "Untranslated page",
        intro="An English introduction.",
        body=[("paragraph", "<p>English body text.</p>")],
    )
    khmer = translated_to_khmer(english)
    soup = _soup(client.get(khmer.url))
    assert soup.html["lang"] == "km"
    h1 = soup.select_one("main h1")
    assert h1["lang"] == "en" and h1["dir"] == "auto"
    assert soup.select_one("main p.lead")["lang"] == "en"
    body = soup.find(string=lambda text: "English body text." in text).find_parent(
        attrs={"lang": True}
    )
    assert body["lang"] == "en" and body.name == "div"
    note = soup.select_one(".fallback-note")
    assert note.find_parent(attrs={"lang": "en"}) is None
    assert "មិនទាន់មានជាភាសារបស់អ្នកនៅឡើយទេ។" in note.get_text()
    link = note.select_one('a[hreflang="en"]')
    assert link["href"] == english.url and link["lang"] == "en"
    # The English original has no marks and no note.
    soup = _soup(client.get(english.url))
    assert soup.select_one(".fallback-note") is None
    assert not soup.select_one("main h1").has_attr("lang")


def test_translated_fields_of_a_portal_page_lose_their_marks(client, translated_to_khmer):
    english = _only_in("en", "half-done", "Half done", intro="English intro.")
    khmer = translated_to_khmer(english)
    khmer.title = "ទំព័រ"
    khmer.intro = "សេចក្តីផ្តើម"
    khmer.save_revision().publish()
    soup = _soup(client.get(khmer.url))
    assert not soup.select_one("main h1").has_attr("lang")
    assert not soup.select_one("main p.lead").has_attr("lang")
    assert soup.select_one(".fallback-note") is None


@pytest.mark.parametrize(
    "path", ["/km/", "/km/about/", "/km/countries/", "/km/countries/cambodia/"]
)
def test_seeded_portal_pages_mark_whatever_is_still_english(client, path):
    """The seeded translations: every field marked "en" is indeed the English text."""
    response = client.get(path)
    assert response.status_code == 200
    page = response.context["page"]
    fallback = response.context["fallback"]
    for name in fallback.fields:
        source = page.get_translation(Locale.objects.get(language_code="en"))
        assert getattr(page, name) == getattr(source, name)
