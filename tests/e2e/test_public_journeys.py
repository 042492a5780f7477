"""Journeys of DESIGN.md's people ("Who uses it") in a browser, each in English and in Arabic
or Khmer, on a phone (390 px) and a desktop (1280 px), with every page they see audited
(tests/e2e/audit.py: accessibility, sideways scrolling, script errors, other hosts, a
screenshot).

Words come from the portal's own catalogues (support.tr), everything else is found by id, input
name and value, or href, so the same test reads the page in any language. Filters are ticked
with support.tick, which opens folded filter panels as a person would.

The demo content comes from `seed_demo --demo-accounts`. The buyer's journey revokes and then
restores the demo grant through the factory user's pages, so journeys pass in any order."""

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .support import (
    Journey,
    apply_filters,
    follow_link,
    log_in,
    number_in,
    tick,
    tr,
    widths,
)

pytestmark = pytest.mark.e2e


def in_languages(*langs):
    return pytest.mark.parametrize("lang", langs)


# Journey 1 — a trainer looks for a training module in the language of the interface: for
# Haitian footwear factories in English, for Cambodian apparel factories in Khmer (the demo's
# country modules are written in the country's language).
TRAINER_FILTERS = {
    "en": [("country", "haiti"), ("industry", "footwear")],
    "km": [("country", "cambodia"), ("industry", "apparel")],
}


def _trainer_filters(lang):
    return [*TRAINER_FILTERS[lang], ("language", lang)]


def _library_count(page):
    return number_in(page.locator(".result-count").first.inner_text())


@in_languages("en", "km")
@widths
def test_trainer_finds_a_module_and_downloads_its_materials(journey, lang):
    page, base = journey.page, journey.base_url
    page.goto(f"{base}/{lang}/")
    journey.check("home")
    follow_link(page, f"/{lang}/resources/")
    expect(page).to_have_url(f"{base}/{lang}/resources/")
    journey.check("library")
    before = _library_count(page)

    filters = _trainer_filters(lang)
    for facet, value in filters:
        tick(page, facet, value)
    tick(page, "type", "training-module")
    apply_filters(page, lang)
    for facet, value in filters:
        expect(page).to_have_url(re.compile(rf"[?&]{facet}={value}(&|$)"))
    journey.check("library, filtered")
    after = _library_count(page)
    assert 0 < after < before
    for facet, value in filters:  # the form remembers the choice
        expect(
            page.locator(f"input[type=checkbox][name='{facet}'][value='{value}']")
        ).to_be_checked()
    cards = page.locator(".library-results .resource-card")
    expect(cards).to_have_count(min(after, 12))  # 12 a page

    cards.first.locator("h3 a").click()
    expect(page.locator("article.resource-training-module")).to_be_visible()
    journey.check("training module")

    materials = page.locator("section.materials")
    links = materials.locator("ul > li > a[download]")  # not the "Also in" other languages
    assert links.count() >= 1
    with page.expect_download() as download_info:
        links.first.click()
    download = download_info.value
    assert download.failure() is None
    body = Path(download.path()).read_bytes()
    assert len(body) > 0
    if download.suggested_filename.endswith(".pdf"):
        assert body.startswith(b"%PDF")

    with page.expect_download() as bundle_info:
        materials.locator("a[href$='/bundle/']").click()
    bundle = bundle_info.value
    assert bundle.failure() is None
    assert bundle.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(bundle.path()) as archive:
        assert archive.testzip() is None
        names = [n for n in archive.namelist() if not n.endswith("/")]
    # The module's own materials, each in the archive, not empty.
    assert len(names) >= links.count()
    with zipfile.ZipFile(bundle.path()) as archive:
        assert all(archive.getinfo(n).file_size > 0 for n in names)
    assert body in [zipfile.ZipFile(bundle.path()).read(n) for n in names]
    journey.auditor.assert_clean()


# Journey 5 — a buyer reads what a factory shares, until the factory takes it back.
SHARED = "KH-00001"  # ims_bridge/demo.py: the factory user's factory, granted to "buyer"
BUYER_NAME = "Bea Buyer"  # portal/demo/seed.py


def _factory_links(page):
    return page.locator("main table tbody th a[href*='/compliance/factories/']")


def _revoke_buyer(page, lang):
    """On the factory's "Buyer access" page: revoke every active grant of the demo buyer."""
    rows = page.locator("main table tbody tr").filter(has=page.locator("th", has_text=BUYER_NAME))
    revoke = rows.locator("button[name=revoke]")
    assert revoke.count() >= 1, "the demo buyer has no active grant"
    while revoke.count():
        revoke.first.click()
        expect(page.locator("main [role=status]")).to_have_text(tr(lang, "Access revoked."))


def _grant_buyer(page, lang):
    page.locator("input#buyer").fill("buyer")
    page.get_by_role("button", name=tr(lang, "Grant access")).click()
    expect(page.locator("main [role=status]")).to_have_text(tr(lang, "Access granted."))


@in_languages("en", "ar")
@widths
def test_buyer_sees_only_granted_factories_until_access_is_revoked(
    journey, browser, portal_server, lang, width
):
    page, base = journey.page, journey.base_url
    dashboard = f"{base}/{lang}/compliance/dashboard/"
    report = f"{base}/{lang}/compliance/factories/{SHARED}/"
    log_in(page, base, lang, "buyer")
    page.goto(dashboard)
    journey.check("factory reports (buyer)")
    links = _factory_links(page)
    expect(links).to_have_count(1)  # only the granted factory
    expect(links.first).to_have_attribute("href", f"/{lang}/compliance/factories/{SHARED}/")
    factory_name = links.first.inner_text()
    links.first.click()
    expect(page).to_have_url(report)
    expect(page.locator("h1")).to_have_text(factory_name)
    journey.check("factory report (buyer)")
    # A buyer reads; only the factory manages access.
    expect(page.locator("main a[href$='/access/']")).to_have_count(0)

    with page.expect_download() as pdf_info:
        page.locator(f"main a[href$='/factories/{SHARED}/pdf/']").click()
    assert pdf_info.value.suggested_filename == f"factory-{SHARED}.pdf"
    assert Path(pdf_info.value.path()).read_bytes().startswith(b"%PDF")
    csv_link = page.locator(f"main a[href$='/factories/{SHARED}/csv/']")
    with page.expect_download() as csv_info:
        csv_link.click()
    assert csv_info.value.suggested_filename == f"factory-{SHARED}.csv"
    lines = list(csv.reader(io.StringIO(Path(csv_info.value.path()).read_text("utf-8"))))
    assert lines[0][:3] == ["assessment", "start_date", "cycle"]
    assert len(lines) > 1
    # A factory that has not shared its reports with this buyer is not admitted to exist.
    refused = page.goto(report.replace(SHARED, "KH-00002"))
    assert refused.status == 404
    journey.check("not found (factory not shared)")

    factory = Journey(browser, portal_server, width)
    try:
        log_in(factory.page, base, lang, "factory")
        factory.page.goto(report)
        factory.check("factory report (factory user)")
        factory.page.locator("main a[href$='/access/']").click()
        expect(factory.page).to_have_url(report + "access/")
        factory.check("buyer access")
        _revoke_buyer(factory.page, lang)
        factory.check("buyer access, revoked")
        try:
            page.goto(dashboard)
            expect(_factory_links(page)).to_have_count(0)
            expect(page.locator("main")).to_contain_text(
                tr(lang, "No factory has shared its reports with you yet.")
            )
            journey.check("factory reports (buyer), none shared")
            assert page.goto(report).status == 404
            assert page.request.get(report + "csv/").status == 404
        finally:
            _grant_buyer(factory.page, lang)  # the demo as it was, for the other journeys
        factory.check("buyer access, granted")
        factory.auditor.assert_clean()
    finally:
        factory.close()
    page.goto(dashboard)
    expect(_factory_links(page)).to_have_count(1)
    journey.auditor.assert_clean()


# Journey 6 — anyone compares countries on a compliance indicator: chart, table, CSV.
INDICATOR = "cluster:child-labour"


def _table_rows(table):
    return [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]


def _chart(page):
    """The labels and values of the bar chart that charts.js drew from the table (Chart.js)."""
    return page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector('.ims-chart canvas'));
            return {labels: chart.data.labels, values: chart.data.datasets[0].data,
                    name: chart.canvas.getAttribute('aria-label')};
        }"""
    )


def _table_values(table):
    return [
        float(v) if v else None
        for v in table.locator("tbody tr").evaluate_all(
            "rows => rows.map(row => row.dataset.value)"
        )
    ]


@in_languages("en", "ar")
@widths
def test_public_compares_countries_by_indicator_in_chart_table_and_csv(journey, lang):
    page, base = journey.page, journey.base_url
    page.goto(f"{base}/{lang}/")
    follow_link(page, f"/{lang}/compliance/")
    expect(page).to_have_url(f"{base}/{lang}/compliance/")
    table = page.locator("figure.ims-figure table.data-table")
    caption = table.locator("caption")
    canvas = page.locator("figure.ims-figure .ims-chart canvas")
    expect(canvas).to_be_visible()
    journey.check("compliance index")
    expect(table.locator("thead th")).to_have_text(
        [tr(lang, "Country"), tr(lang, "Factories assessed"), tr(lang, "Non-compliance rate")]
    )
    overall_caption = caption.inner_text()
    overall = _table_rows(table)
    assert len(overall) >= 2, overall
    chart = _chart(page)
    assert chart["labels"] == [row[0] for row in overall]
    assert chart["values"] == _table_values(table)
    assert chart["name"] == overall_caption

    page.locator("select#indicator").select_option(INDICATOR)
    page.locator("form.filter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]indicator=cluster(%3A|:)child-labour"))
    expect(page.locator("select#indicator")).to_have_value(INDICATOR)
    expect(caption).not_to_have_text(overall_caption)
    expect(canvas).to_be_visible()
    journey.check("compliance index, other indicator")
    child_labour = _table_rows(table)
    assert child_labour != overall
    assert [row[0] for row in child_labour] == [row[0] for row in overall]
    chart = _chart(page)
    assert chart["name"] == caption.inner_text()
    assert chart["labels"] == [row[0] for row in child_labour]
    assert chart["values"] == _table_values(table)

    csv_link = page.locator("figure.ims-figure figcaption a[download]")
    expect(csv_link).to_have_attribute("href", re.compile(r"indicator=cluster:child-labour"))
    with page.expect_download() as download_info:
        csv_link.click()
    download = download_info.value
    assert download.suggested_filename == "compliance-cluster-child-labour.csv"
    lines = list(csv.reader(io.StringIO(Path(download.path()).read_text("utf-8"))))
    assert lines[0] == [
        tr(lang, "Country"),
        tr(lang, "Factories assessed"),
        tr(lang, "Non-compliance rate (%)"),
    ]
    # The data behind the chart is the table's.
    assert [(r[0], r[1]) for r in lines[1:]] == [(r[0], r[1]) for r in child_labour]
    for csv_row, value in zip(lines[1:], _table_values(table), strict=True):
        if value is not None:
            assert float(csv_row[2]) == value
    journey.auditor.assert_clean()


# Journey 7 — search as you type: suggestions, choose one, facets narrow the results. In the
# demo, the page "Countries" (every language) is found with the home page, which names it.
SEARCH_PREFIX = {"en": "cou", "km": "ប្រទ"}
FACET_NAMES = ("type", "language", "country", "industry", "topic")


def _search_count(page):
    return number_in(page.locator("main [role=status]").first.inner_text())


def _facet_options(page):
    """[(name, value, count)] of every facet option on the page, count read from its label."""
    selector = ", ".join(f"input[type=checkbox][name={name}]" for name in FACET_NAMES)
    options = page.locator(selector).evaluate_all(
        """boxes => boxes.map(box => {
            const count = box.closest('label').textContent.match(/\\((\\p{Nd}+)\\)\\s*$/u);
            return [box.name, box.value, count ? count[1] : null];
        })"""
    )  # counts are in the reader's digits (Khmer ០-៩ in km)
    return [[name, value, count and number_in(count)] for name, value, count in options]


@in_languages("en", "km")
@widths
def test_search_suggests_as_you_type_and_facets_narrow_the_results(journey, lang):
    page, base = journey.page, journey.base_url
    page.goto(f"{base}/{lang}/search/")
    journey.check("search")
    box = page.locator("#search-page-q")
    prefix = SEARCH_PREFIX[lang]
    box.press_sequentially(prefix, delay=50)
    suggestions = page.locator("datalist#search-page-q-suggestions option")
    expect(suggestions.first).to_be_attached()
    titles = suggestions.evaluate_all("options => options.map(o => o.value)")
    assert titles and all(prefix.casefold() in t.casefold() for t in titles), titles
    # Choosing a suggestion of the browser's own list (which headless Chromium does not draw)
    # puts its title in the box; then the reader searches.
    chosen = titles[0]
    box.fill(chosen)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(box).to_have_value(chosen)
    journey.check("search results")
    before = _search_count(page)
    expect(
        page.locator("#search-results li a.hit-title").filter(has_text=chosen)
    ).not_to_have_count(0)

    narrower = [o for o in _facet_options(page) if o[2] is not None and 0 < o[2] < before]
    assert narrower, f"no facet narrows {before} results: {_facet_options(page)}"
    facet, value, expected = narrower[0]
    tick(page, facet, value)
    apply_filters(page, lang)
    expect(page).to_have_url(re.compile(rf"[?&]{facet}={value}(&|$)"))
    journey.check("search results, filtered")
    assert _search_count(page) == expected  # what the facet promised
    expect(page.locator(f"input[type=checkbox][name='{facet}'][value='{value}']")).to_be_checked()
    expect(box).to_have_value(chosen)
    journey.auditor.assert_clean()


# Journey 5 — an enterprise follows a self-guided tool without an account: ticking a step
# posts to the tool's progress URL from the browser (its Origin header is the check: the page,
# cached for anonymous readers, carries no form token) and the page shows it ticked.
@in_languages("en", "km")
@widths
def test_enterprise_ticks_the_steps_of_a_self_guided_tool(journey, lang):
    page, base = journey.page, journey.base_url
    page.goto(f"{base}/{lang}/resources/?type=self-guided-tool")
    href = page.locator(".library-results .resource-card h3 a").first.get_attribute("href")
    page.goto(base + href)
    journey.check("self-guided tool")
    first_step = page.locator(".tool-steps li").first
    expect(first_step.locator("input[name=done]")).to_have_value("1")  # "mark as done"
    first_step.locator("button").click()
    expect(page).to_have_url(re.compile(r"#step-0$"))
    first_step = page.locator(".tool-steps li").first
    expect(first_step.locator("input[name=done]")).to_have_value("0")  # now "mark as not done"
    journey.check("self-guided tool, a step done")
    first_step.locator("button").click()
    expect(page.locator(".tool-steps li").first.locator("input[name=done]")).to_have_value("1")
    journey.auditor.assert_clean()
