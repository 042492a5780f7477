"""Glossary terms marked where they first appear in a resource body: through the public page
(and the marker itself for the HTML edge cases)."""

import json
import re

import pytest

from knowledge.glossary import Entry
from knowledge.glossary_marking import Marker
from knowledge.models import GoodPracticeGuidePage
from tests.factories import translate
from tests.knowledge.conftest import make_resource
from tests.knowledge.glossary_helpers import glossary_page, locale, make_term, translate_term

MARK = re.compile(r'<a class="glossary-term" href="([^"]+)" title="([^"]*)"[^>]*>(.*?)</a>')


def entry(term, definition="Its meaning.", slug=None, abbreviation="", synonyms=()):
    return Entry(
        slug=slug or term.lower().replace(" ", "-"),
        term=term,
        abbreviation=abbreviation,
        synonyms=tuple(synonyms),
        definition=definition,
        language="en",
        fallback=False,
    )


def mark(html, *entries, language="en"):
    return Marker(entries, language, "/en/glossary/").mark(html)


def body(*paragraphs):
    return json.dumps([{"type": "paragraph", "value": paragraph} for paragraph in paragraphs])


def test_first_occurrence_only_and_not_inside_links_headings_or_code():
    html = (
        "<h2>Minimum wage</h2>"
        '<p><a href="/x/">minimum wage</a> and <code>minimum wage</code></p>'
        "<pre>minimum wage</pre>"
        "<p>The minimum wage applies. The minimum wage again.</p>"
    )
    out = mark(html, entry("Minimum wage"))
    marks = MARK.findall(out)
    assert len(marks) == 1
    href, title, shown = marks[0]
    assert href == "/en/glossary/#term-minimum-wage"
    assert shown == "minimum wage"  # the text as written, not the term's spelling
    assert title == "Minimum wage: Its meaning."
    assert out.startswith('<h2>Minimum wage</h2><p><a href="/x/">minimum wage</a>')
    assert "<pre>minimum wage</pre>" in out
    assert out.endswith("The minimum wage again.</p>")


def test_word_boundaries_and_longest_form():
    out = mark(
        "<p>Overtimes and overtime wages; overtime.</p>",
        entry("Overtime"),
        entry("Overtime wages"),
    )
    assert [shown for _h, _t, shown in MARK.findall(out)] == ["overtime wages", "overtime"]
    assert out.startswith("<p>Overtimes and ")


def test_markup_in_a_term_or_definition_arrives_as_text():
    evil = entry('<b onmouseover="x()">PPE</b>', definition='"><script>alert(1)</script>')
    html = '<p>Wear &lt;b onmouseover="x()"&gt;PPE&lt;/b&gt; &amp; gloves.</p>'
    out = mark(html, evil)
    assert "<script>" not in out and "<b " not in out
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&amp; gloves." in out


def test_abbreviation_is_wrapped_in_abbr_and_existing_markers_are_left():
    osh = entry("Occupational safety and health", abbreviation="OSH", slug="osh")
    out = mark('<p><abbr title="x">OSH</abbr> then OSH.</p>', osh)
    assert '<abbr title="x">OSH</abbr> then <a class="glossary-term"' in out
    assert '<abbr title="Occupational safety and health">OSH</abbr></a>.' in out


def test_khmer_terms_are_found_on_icu_word_boundaries():
    foa = Entry("foa", "សេរីភាពក្នុងការបង្កើតសមាគម", "", (), "និយមន័យ", "km", False)
    part = Entry("part", "ការ", "", (), "ពាក្យ", "km", False)
    text = "<p>កម្មករមានសិទ្ធិសេរីភាពក្នុងការបង្កើតសមាគម។</p>"
    out = Marker([foa, part], "km", "/km/glossary/").mark(text)
    assert [shown for _h, _t, shown in MARK.findall(out)] == ["សេរីភាពក្នុងការបង្កើតសមាគម"]
    assert out.startswith("<p>កម្មករមានសិទ្ធិ<a ")
    # "ការ" is not a word on its own inside "ការបង្កើត" (ICU's dictionary says so).
    alone = Marker([part], "km", "/km/glossary/").mark(text)
    assert MARK.findall(alone) == []


@pytest.mark.django_db
def test_resource_page_marks_terms_in_its_language(library, client):
    glossary_page("en")
    glossary_page("km")
    make_term("Bipartite committee", "A committee of managers and workers.")
    source = make_term("Minimum wage", "The lowest pay the law allows.")
    translate_term(source, "km", "ប្រាក់ឈ្នួលអប្បបរមា", "ប្រាក់ឈ្នួលទាបបំផុត។")
    page = make_resource(
        library,
        GoodPracticeGuidePage,
        "Wages guide",
        body=body(
            "<p>Discuss the minimum wage in the bipartite committee.</p>",
            "<p>The minimum wage is reviewed yearly.</p>",
        ),
    )
    html = client.get(page.url).content.decode()
    marks = MARK.findall(html)
    assert [(href, shown) for href, _t, shown in marks] == [
        ("/en/glossary/#term-minimum-wage", "minimum wage"),
        ("/en/glossary/#term-bipartite-committee", "bipartite committee"),
    ]
    assert "knowledge/glossary.css" in html

    khmer_body = body("<p>កម្មករទទួលបានប្រាក់ឈ្នួលអប្បបរមា។ minimum wage</p>")
    translate(GoodPracticeGuidePage.objects.get(pk=page.pk), [locale("km")])
    km = GoodPracticeGuidePage.objects.get(
        translation_key=page.translation_key, locale=locale("km")
    )
    km.body = khmer_body
    km.save_revision().publish()
    html = client.get(km.url).content.decode()
    marks = MARK.findall(html)
    assert [(href, shown) for href, _t, shown in marks] == [
        ("/km/glossary/#term-minimum-wage", "ប្រាក់ឈ្នួលអប្បបរមា")
    ]


@pytest.mark.django_db
def test_a_new_term_shows_on_the_next_request(library, client):
    glossary_page("en")
    page = make_resource(
        library, GoodPracticeGuidePage, "Leave guide", body=body("<p>Paid leave rules.</p>")
    )
    assert MARK.findall(client.get(page.url).content.decode()) == []
    make_term("Paid leave", "Leave with full pay.")
    assert len(MARK.findall(client.get(page.url).content.decode())) == 1


@pytest.mark.django_db
def test_without_a_glossary_page_nothing_is_marked(library, client):
    make_term("Paid leave", "Leave with full pay.")
    page = make_resource(
        library, GoodPracticeGuidePage, "Leave guide", body=body("<p>Paid leave rules.</p>")
    )
    assert MARK.findall(client.get(page.url).content.decode()) == []


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_marking_adds_no_query_per_term_or_paragraph(
    library, client, django_assert_max_num_queries
):
    glossary_page("en")
    make_term("Term number 0", "Definition 0.")
    paragraphs = [f"<p>Term number {n} appears here.</p>" for n in range(20)]
    page = make_resource(library, GoodPracticeGuidePage, "Long guide", body=body(*paragraphs))
    _queries(client, page.url)  # warm the cached fragments
    one_term = _queries(client, page.url)
    for n in range(1, 20):
        make_term(f"Term number {n}", f"Definition {n}.")
    _queries(client, page.url)  # the glossary changed: its fragment is read again once
    with django_assert_max_num_queries(one_term):
        html = client.get(page.url).content.decode()
    assert len(MARK.findall(html)) == 20
