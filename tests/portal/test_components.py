"""The shared components in templates/includes/: every app's cards, file lists and pagination
come from them, and they escape what they are given."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.template import Template
from django.template.loader import render_to_string
from django.utils import translation

from portal.components import Card, Download, LanguageLink

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / "templates" / "includes"
APPS = ("portal", "knowledge", "communities", "ims_bridge", "search")

# What only a shared component may write: a card, a file list, the pagination bar.
COMPONENT_MARKUP = {
    "card_list.html": re.compile(r'<li class="card[ "{]'),
    "download_list.html": re.compile(r'class="download-list'),
    "pagination.html": re.compile(r'class="pagination'),
}


def _app_templates():
    for app in APPS:
        yield from (ROOT / app).rglob("templates/**/*.html")


@pytest.mark.parametrize("component", sorted(COMPONENT_MARKUP))
def test_only_the_shared_component_writes_its_markup(component):
    assert (SHARED / component).exists()
    assert COMPONENT_MARKUP[component].search((SHARED / component).read_text())
    copies = [
        str(path.relative_to(ROOT))
        for path in _app_templates()
        if COMPONENT_MARKUP[component].search(path.read_text())
    ]
    assert copies == [], f"include templates/includes/{component} instead"


def _cards(**context):
    with translation.override("km"):
        return BeautifulSoup(render_to_string("includes/card_list.html", context), "html.parser")


def test_a_card_escapes_its_text_and_marks_another_language():
    card = Card(
        title="<script>alert(1)</script>",
        url="/en/x/",
        summary="one two three four",
        language="en",
        meta=["<b>bold</b>"],
        versions=[LanguageLink("en", "English", "/en/x/", current=True)],
        badges=["<i>new</i>"],
    )
    soup = _cards(cards=[card], heading="h3", words=2)
    item = soup.select_one("li.card")
    link = item.select_one("h3 a")
    assert link.get_text() == "<script>alert(1)</script>" and not soup.select("script")
    assert link["lang"] == "en"
    assert item.select_one("p[dir=auto]").get_text().startswith("one two …")
    assert item.select(".not-translated")
    assert item.select_one(".languages a[aria-current]")["hreflang"] == "en"
    assert not soup.select("b") and not soup.select("i")


def test_a_card_in_the_readers_language_has_no_note_and_an_empty_list_says_so():
    soup = _cards(cards=[Card(title="ក", url="/km/x/", language="km")])
    assert not soup.select(".not-translated") and not soup.select("[lang]")
    soup = _cards(cards=[], empty_text="Nothing yet")
    assert soup.select_one("li.empty").get_text() == "Nothing yet"
    assert _cards(cards=[]).get_text().strip() == ""


def test_a_download_escapes_its_label_and_lists_its_facts():
    html = render_to_string(
        "includes/download_list.html",
        {
            "downloads": [
                Download(
                    url="/f/1/",
                    label='"><img src=x onerror=alert(1)>.pdf',
                    label_language="en",
                    file_format="pdf",
                    facts=[("Size", "1 KB")],
                    also=[LanguageLink("km", "ខ្មែរ", "/km/f/2/")],
                )
            ],
            "list_class": "attachments",
        },
    )
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("img")
    link = soup.select_one("ul.download-list.attachments a.download-link")
    assert link.has_attr("download") and link["href"] == "/f/1/"
    assert soup.select_one(".download-label")["lang"] == "en"
    assert [dd.get_text() for dd in soup.select(".download-facts dd")] == ["1 KB"]
    assert soup.select_one('.download-also a[hreflang="km"]')["href"] == "/km/f/2/"


def test_cards_whose_order_means_something_are_an_ordered_list():
    soup = _cards(cards=[Card(title="1", url="/1/"), Card(title="2", url="/2/")], ordered=True)
    assert [a.get_text() for a in soup.select("ol.card-list > li.card a")] == ["1", "2"]
    assert not soup.select("ul")


def test_a_card_with_chips_in_an_ordered_list_closes_each_list_with_its_own_tag():
    soup = _cards(cards=[Card(title="1", url="/1/", chips=["a", "b"])], ordered=True)
    assert [li.get_text() for li in soup.select("ol.card-list > li.card ul.chips > li")] == [
        "a",
        "b",
    ]


def test_a_card_body_template_replaces_the_inside_of_the_card():
    soup = _cards(
        cards=[
            Card(
                title="",
                url="",
                anchor="trainer-7",
                css="trainer-card",
                data={"name": "<b>Sok</b>"},
            )
        ],
        body=Template("<h2>{{ card.data.name }}</h2>"),
    )
    card = soup.select_one("li.card.trainer-card#trainer-7")
    assert card.select_one("h2").get_text() == "<b>Sok</b>" and not card.select("a")
