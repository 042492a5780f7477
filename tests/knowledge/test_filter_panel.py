"""The library's filter panel as a reader on a phone gets it: a "Filters" toggle that says how many
filters are chosen, the most used options first with the rest behind "Show all", and every chosen
filter as a chip that removes just that filter. All of it plain HTML (no JavaScript needed)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from knowledge.models import GoodPracticeGuidePage

from .conftest import make_resource

pytestmark = pytest.mark.django_db

COUNTRIES = [
    "bangladesh",
    "cambodia",
    "egypt",
    "ethiopia",
    "haiti",
    "indonesia",
    "jordan",
    "pakistan",
]


@pytest.fixture
def eight_countries(library, django_capture_on_commit_callbacks):
    """Cambodia has three resources, Bangladesh two, the six others one each."""
    with django_capture_on_commit_callbacks(execute=True):
        for index, country in enumerate(COUNTRIES):
            copies = {"cambodia": 3, "bangladesh": 2}.get(country, 1)
            for copy in range(copies):
                make_resource(
                    library,
                    GoodPracticeGuidePage,
                    f"Guide {index} {copy}",
                    countries=[country],
                    industries=["apparel"],
                )
    return library


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def country_values(element):
    return [box["value"] for box in element.select("input[name=country]")]


def test_the_most_used_options_come_first_and_the_rest_behind_show_all(client, eight_countries):
    page = soup(client.get("/en/resources/"))
    fieldset = page.select_one("#facet-country")
    shown = fieldset.select_one(":scope > ul")
    more = fieldset.select_one("details.facet-more")
    assert "cambodia" in country_values(shown) and "bangladesh" in country_values(shown)
    assert len(country_values(shown)) == 6
    assert len(country_values(more)) == 2
    assert set(country_values(shown)) | set(country_values(more)) == set(COUNTRIES)
    assert more.summary.get_text(strip=True) == "Show all (8)"
    # Facets with few options have nothing to hide.
    assert page.select_one("#facet-industry details") is None


def test_a_chosen_option_is_always_shown_even_if_rarely_used(client, eight_countries):
    hidden = country_values(
        soup(client.get("/en/resources/")).select_one("#facet-country details.facet-more")
    )[0]
    page = soup(client.get(f"/en/resources/?country={hidden}"))
    shown = page.select_one("#facet-country > ul")
    box = shown.select_one(f"input[value={hidden}]")
    assert box is not None and box.has_attr("checked")


def test_chosen_filters_are_counted_and_each_chip_removes_only_itself(client, eight_countries):
    response = client.get("/en/resources/?country=cambodia&country=haiti&industry=apparel&page=1")
    page = soup(response)
    summary = page.select_one("details.filter-panel > summary")
    assert summary.select_one(".badge-count").get_text(strip=True) == "3"
    assert "3 filters chosen" in summary.get_text(" ", strip=True)
    chips = {
        re.sub(r"\s+", " ", chip.get_text(" ", strip=True)): chip["href"]
        for chip in page.select("a.chip")
    }
    assert len(chips) == 3
    haiti = next(href for text, href in chips.items() if "Haiti" in text)
    query = parse_qs(urlsplit(haiti).query)
    assert query == {"country": ["cambodia"], "industry": ["apparel"]}  # page reset too
    followed = client.get("/en/resources/" + haiti)
    assert followed.context["result_count"] == 3
    assert page.select_one("a.chips-clear")["href"] == "/en/resources/"


def test_without_filters_there_are_no_chips_and_no_count(client, eight_countries):
    page = soup(client.get("/en/resources/"))
    assert page.select("a.chip") == []
    assert page.select_one("details.filter-panel > summary .badge-count") is None
    # The panel is a closed <details> (open on wide screens through CSS): no JavaScript needed.
    panel = page.select_one("details.filter-panel")
    assert panel.has_attr("data-open-wide") and not panel.has_attr("open")
    assert panel.select_one("form input[name=country]") is not None


def test_a_filter_value_that_was_not_recognised_opens_the_panel_with_the_reason(
    client, eight_countries
):
    page = soup(client.get("/en/resources/?country=atlantis"))
    panel = page.select_one("details.filter-panel")
    assert panel.has_attr("open")
    assert panel.select_one("[role=alert]") is not None


def test_facet_labels_in_the_default_language_carry_its_lang(
    client, dataset, library, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from knowledge.models import WorkbookPage
    from portal.models import Topic

    Topic.objects.create(
        name="Only English topic", slug="only-english-topic", locale=Locale.get_default()
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_resource(library, WorkbookPage, "Workbook Z", topics=["only-english-topic"])
    soup = BeautifulSoup(client.get("/km/resources/").content, "html.parser")
    english = soup.select_one('input[value="only-english-topic"]').find_next_sibling("span")
    assert english.get_text(strip=True) == "Only English topic"
    assert english["lang"] == "en" and english["dir"] == "auto"
    khmer = soup.select_one('input[value="gender-equality"]').find_next_sibling("span")
    assert not khmer.has_attr("lang")
    soup = BeautifulSoup(client.get("/en/resources/").content, "html.parser")
    assert soup.select(".option-label[lang]") == []
