"""Every portal page type renders in every language, in the right direction, with a language
switcher that leads to the same page in the other languages."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from portal.models import CountryIndexPage, CountryPage, HomePage, StandardPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_PATHS = {
    "home": "/{lang}/",
    "standard": "/{lang}/about/",
    "country index": "/{lang}/countries/",
    "country": "/{lang}/countries/cambodia/",
}

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_PATHS)
def test_every_page_type_renders_in_every_language(client, lang, kind):
    response = client.get(PAGE_PATHS[kind].format(lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    # The page served is the translation in that language, not the English source.
    assert response.context["page"].locale.language_code == lang


def test_every_page_type_is_covered():
    seeded_types = {type(p.specific) for p in Page.objects.filter(depth__gte=2)}
    assert {HomePage, StandardPage, CountryIndexPage, CountryPage} <= seeded_types


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_links_to_the_translated_page(client, lang):
    html = client.get(f"/{lang}/countries/cambodia/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    links = dict(re.findall(r'href="([^"]+)" hreflang="([^"]+)"', switcher))
    assert sorted(links.values()) == sorted(LANGUAGES)
    for url, code in links.items():
        assert url == f"/{code}/countries/cambodia/"
    assert re.search(rf'hreflang="{lang}"[^>]*aria-current="true"', switcher)


def test_switcher_targets_are_live_translations(client):
    for url in ["/km/countries/cambodia/", "/bn/countries/bangladesh/", "/ar/countries/jordan/"]:
        response = client.get(url)
        assert response.status_code == 200


def test_seeded_translations_come_from_wagtail_localize():
    from wagtail_localize.models import Translation

    home = HomePage.objects.get(locale=Locale.get_default())
    translated_codes = set(
        Translation.objects.filter(source__object_id=home.translation_key).values_list(
            "target_locale__language_code", flat=True
        )
    )
    assert translated_codes == set(LANGUAGES) - {"en"}


def test_country_page_shows_programme_facts(client):
    html = client.get("/en/countries/cambodia/").content.decode()
    assert "Programme facts" in html
    assert "(KH)" in html


def test_country_translation_points_at_translated_country():
    french = Locale.objects.get(language_code="fr")
    page = CountryPage.objects.get(locale=french, slug="cambodia")
    assert page.country.locale == french
    assert page.country.slug == "cambodia"


def test_text_page_is_light(client):
    """HTML plus every stylesheet and script it links stays under 100 KB (images aside)."""
    from django.contrib.staticfiles import finders

    html = client.get("/en/about/").content.decode()
    total = len(html.encode())
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(asset), "rb") as handle:
            total += len(handle.read())
    assert re.search(r'href="/static/portal/site\.css"', html)
    assert total < 100 * 1024


def test_page_has_landmarks_skip_link_and_labelled_search(client):
    html = client.get("/fr/").content.decode()
    assert 'href="#main"' in html and 'id="main"' in html
    for landmark in ("<header", "<main", "<footer", 'role="search"', "<nav"):
        assert landmark in html
    assert re.search(r'<label for="site-search"', html)
    assert 'id="site-search"' in html


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_titles_name_the_portal_once(client, lang):
    home = re.search(r"<title>(.*?)</title>", client.get(f"/{lang}/").content.decode()).group(1)
    about = re.search(
        r"<title>(.*?)</title>", client.get(f"/{lang}/about/").content.decode()
    ).group(1)
    assert " · " not in home  # the home page's title is the portal's name
    page_title, _sep, site = about.rpartition(" · ")
    assert page_title and site and page_title != site


def test_favicon(client):
    html = client.get("/en/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon
    assert icon.endswith(".svg")
