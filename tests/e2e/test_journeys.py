"""User journeys through the portal, one test each, as the people in DESIGN.md ("Who uses it")
do them in a browser: what they click, what they see, what they download.

The demo content comes from `seed_demo --demo-accounts` (portal/demo, knowledge/demo.py,
communities/demo.py, ims_bridge/demo.py). Tests that write (community threads) use unique
titles, so the tests pass in any order and against a database that other runs have used."""

import csv
import io
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "betterwork-demo"  # the public password of every demo account (README.md)


def _log_in(page, base_url, username):
    """Log in through the accounts login form, as a person does."""
    page.goto(f"{base_url}/en/accounts/login/")
    expect(page.get_by_role("heading", name="Log in", level=1)).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _count(text, pattern):
    match = re.search(pattern, text)
    assert match, f"no count in {text!r}"
    return int(match.group(1))


def _library_count(page):
    heading = page.locator("#results-heading")
    expect(heading).to_have_text(re.compile(r"^\d+ resources?$"))
    return _count(heading.inner_text(), r"^(\d+)")


def _filter_library(page, base_url):
    """Open the library, tick a country and a type, apply; returns (before, after) counts."""
    page.goto(f"{base_url}/en/resources/")
    expect(page.get_by_role("heading", name="Resources", level=1)).to_be_visible()
    before = _library_count(page)
    filters = page.get_by_role("form", name="Filter resources")
    filters.get_by_role("group", name="Country").get_by_role(
        "checkbox", name=re.compile(r"^Bangladesh\b")
    ).check()
    filters.get_by_role("group", name="Type").get_by_role(
        "checkbox", name=re.compile(r"^training module\b")
    ).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/en/resources/\?.*country=bangladesh"))
    expect(page).to_have_url(re.compile(r"[?&]type=training-module(&|$)"))
    # The form remembers the choice.
    expect(
        filters.get_by_role("group", name="Country").get_by_role(
            "checkbox", name=re.compile(r"^Bangladesh\b")
        )
    ).to_be_checked()
    after = _library_count(page)
    return before, after


def test_trainer_finds_a_training_module_and_downloads_its_materials(browser, page, portal_server):
    # Without JavaScript the filter form is an ordinary GET form and gives the same result.
    no_js = browser.new_context(java_script_enabled=False)
    try:
        plain = no_js.new_page()
        plain_before, plain_after = _filter_library(plain, portal_server)
        assert 0 < plain_after < plain_before
        expect(plain.locator(".resource-card .meta").first).to_have_text("training module")
    finally:
        no_js.close()

    before, after = _filter_library(page, portal_server)
    assert 0 < after < before
    assert (before, after) == (plain_before, plain_after)
    cards = page.locator(".library-results .resource-card")
    expect(cards).to_have_count(min(after, 12))  # 12 a page
    for card in cards.all():
        expect(card.locator("p.meta").first).to_have_text("training module")

    first = cards.first.get_by_role("heading").get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    facts = page.get_by_role("region", name="About this resource")
    expect(facts).to_contain_text("Bangladesh")
    expect(page.locator("article.resource > p.meta")).to_have_text("training module")

    materials = page.get_by_role("region", name="Materials")
    material = materials.get_by_role("link", name=re.compile(r"Trainer guide$"))
    href = material.get_attribute("href")
    assert href and re.search(r"/download/\d+/$", href)
    with page.expect_download() as download_info:
        material.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
    # The same link fetched with the browser's cookies: the HTTP response itself.
    response = page.request.get(portal_server + href)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body().startswith(b"%PDF")

    # "Download all": a ready ZIP (200) or the "being prepared" page (202).
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    bundle = materials.get_by_role("link", name="Download all materials (ZIP)")
    with page.expect_response(lambda r: r.url.endswith("/bundle/")) as bundle_info:
        bundle.click()
    bundle_response = bundle_info.value
    assert bundle_response.status in (200, 202), bundle_response.status
    if bundle_response.status == 200:
        assert bundle_response.headers["content-type"].startswith("application/zip")
        zipped = downloads[0] if downloads else page.wait_for_event("download")
        assert zipped.suggested_filename.endswith(".zip")
        assert Path(zipped.path()).read_bytes().startswith(b"PK\x03\x04")
    else:
        expect(page.get_by_role("heading", name="Your download is being prepared")).to_be_visible()
        expect(page.get_by_role("link", name="Back to the resource")).to_be_visible()


def _result_count(page):
    status = page.locator("main").get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ results?$"))
    return _count(status.inner_text(), r"^(\d+)")


def test_reader_searches_narrows_by_facet_and_gets_help_for_a_misspelling(page, portal_server):
    page.goto(f"{portal_server}/en/search/?q=guide")
    expect(page.get_by_label("Search for")).to_have_value("guide")
    before = _result_count(page)
    results = page.locator("#search-results")
    expect(results.locator("mark").first).to_have_text(re.compile(r"^guide$", re.I))
    expect(results.locator("li a.hit-title mark").first).to_be_visible()

    countries = page.get_by_role("group", name="Country")
    haiti = countries.get_by_role("checkbox", name=re.compile(r"^Haiti\b"))
    ethiopia = countries.get_by_role("checkbox", name=re.compile(r"^Ethiopia\b"))
    expect(ethiopia).to_be_visible()
    haiti.check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?.*q=guide.*&country=haiti"))
    after = _result_count(page)
    assert 0 < after < before
    expect(countries.get_by_role("checkbox", name=re.compile(r"^Haiti\b"))).to_be_checked()
    # Disjunctive facet: the other countries are still on offer, with counts.
    expect(ethiopia).to_be_visible()
    expect(ethiopia).not_to_be_checked()
    expect(countries.locator("label").filter(has_text="Ethiopia")).to_contain_text(
        re.compile(r"\(\d+\)")
    )
    expect(results.locator("mark").first).to_be_visible()

    # A misspelling, typed in the header's search box (a new search, without the facets): no
    # results, a "did you mean" suggestion and a link to the library.
    box = page.get_by_role("banner").get_by_label("Search the portal")
    box.fill("harasment")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=harasment"))
    help_box = page.locator("#no-results")
    expect(help_box.get_by_role("status")).to_have_text("No results for “harasment”.")
    library = help_box.get_by_role(
        "link", name="Browse the resource library by country, industry and topic"
    )
    expect(library).to_have_attribute("href", re.compile(r"^/en/resources/"))
    suggestion = help_box.get_by_role("link", name="harassment", exact=True)
    expect(help_box.locator(".did-you-mean")).to_have_text("Did you mean harassment?")
    suggestion.click()
    expect(page).to_have_url(re.compile(r"q=harassment"))
    assert _result_count(page) > 0
    expect(page.locator("#search-results mark").first).to_have_text(
        re.compile(r"^harassment$", re.I)
    )

    page.go_back()
    expect(page.get_by_label("Search for")).to_have_value("harasment")
    page.locator("#no-results").get_by_role("link", name=re.compile("^Browse the resource")).click()
    expect(page).to_have_url(re.compile(r"/en/resources/$"))
    expect(page.get_by_role("heading", name="Resources", level=1)).to_be_visible()


def test_reader_can_see_and_remove_a_filter_that_leaves_no_results(page, portal_server):
    page.goto(f"{portal_server}/en/search/?q=guide")
    countries = page.get_by_role("group", name="Country")
    countries.get_by_role("checkbox", name=re.compile(r"^Haiti\b")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=haiti"))
    # Misspell a word that exists, but not in Haiti, and follow the suggestion.
    box = page.get_by_label("Search for")
    box.fill("harasment")
    box.press("Enter")
    page.locator(".did-you-mean").get_by_role("link", name="harassment").click()
    expect(page).to_have_url(re.compile(r"q=harassment.*country=haiti"))
    expect(page.locator("#no-results").get_by_role("status")).to_have_text(
        "No results for “harassment”."
    )
    # The reader must see the filter that empties the list, and be able to untick it.
    haiti = page.get_by_role("group", name="Country").get_by_role(
        "checkbox", name=re.compile(r"^Haiti\b")
    )
    expect(haiti).to_be_checked(timeout=2000)
    haiti.uncheck()
    page.get_by_role("button", name="Apply filters").click()
    assert _result_count(page) > 0


def test_buyer_downloads_a_shared_factory_report(browser, page, portal_server):
    _log_in(page, portal_server, "buyer")
    page.goto(f"{portal_server}/en/compliance/dashboard/")
    expect(page.get_by_role("heading", name="Factory reports", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Factories")
    rows = table.locator("tbody tr")
    expect(rows.first).to_contain_text("Shared with you")
    factory_link = rows.first.get_by_role("rowheader").get_by_role("link")
    factory_name = factory_link.inner_text()
    factory_link.click()
    expect(page).to_have_url(re.compile(r"/en/compliance/factories/[^/]+/$"))
    report_url = page.url
    expect(page.get_by_role("heading", name=factory_name, level=1)).to_be_visible()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Factory reports")

    pdf_link = page.get_by_role("link", name="Download the report (PDF)")
    with page.expect_download() as pdf_info:
        pdf_link.click()
    assert pdf_info.value.suggested_filename.endswith(".pdf")
    assert Path(pdf_info.value.path()).read_bytes().startswith(b"%PDF")
    pdf = page.request.get(portal_server + pdf_link.get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    csv_link = page.get_by_role("link", name="Export all findings (CSV)")
    with page.expect_download() as csv_info:
        csv_link.click()
    assert csv_info.value.suggested_filename.endswith(".csv")
    exported = page.request.get(portal_server + csv_link.get_attribute("href"))
    assert exported.status == 200
    assert exported.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(exported.text())))
    assert lines[0][:3] == ["assessment", "start_date", "cycle"]
    assert len(lines) > 1

    # A factory that has not shared its reports with this buyer is not even admitted to exist.
    # (ims_bridge/demo.py shares the first Cambodian factory, KH-00001, of the eight that the
    # demo export has in Cambodia.)
    assert "/factories/KH-00001/" in report_url
    refused = page.goto(report_url.replace("KH-00001", "KH-00002"))
    assert refused.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()

    # An anonymous visitor at the same address is sent to the login page.
    anonymous = browser.new_context()
    try:
        visitor = anonymous.new_page()
        visitor.goto(report_url)
        expect(visitor).to_have_url(
            re.compile(r"/en/accounts/login/\?next=/en/compliance/factories/")
        )
        expect(visitor.get_by_role("heading", name="Log in", level=1)).to_be_visible()
        expect(visitor.get_by_role("heading", name=factory_name)).to_have_count(0)
    finally:
        anonymous.close()


def test_french_reader_of_a_factory_report_link_logs_in_in_french(page, portal_server):
    page.goto(f"{portal_server}/fr/compliance/factories/KH-00001/")
    expect(page).to_have_url(
        re.compile(r"/fr/accounts/login/\?next=/fr/compliance/factories/KH-00001/$"),
        timeout=2000,
    )
    assert page.locator("html").get_attribute("lang") == "fr"


def test_practitioner_starts_and_answers_a_discussion(browser, page, portal_server):
    title = f"Delivering the module to night shifts {uuid.uuid4().hex[:8]}"
    opening = f"How do you schedule sessions for the night shift? ({title})"
    answer = f"We run them at shift change, twenty minutes each. ({uuid.uuid4().hex[:8]})"

    _log_in(page, portal_server, "trainer")
    page.goto(f"{portal_server}/en/communities/")
    page.get_by_role("link", name="Trainers' network").click()
    expect(page.get_by_role("heading", name="Trainers' network", level=1)).to_be_visible()
    expect(page.locator(".community-header .meta")).to_have_text(re.compile("^Public"))
    page.get_by_role("link", name="Start a new thread").click()
    expect(page.get_by_role("heading", name="New thread in Trainers' network")).to_be_visible()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Message").fill(opening)
    page.get_by_role("button", name="Post thread").click()

    expect(page).to_have_url(re.compile(r"/en/communities/trainers-network/t/\d+/$"))
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    posts = page.locator("article.post")
    expect(posts).to_have_count(1)
    expect(posts.first).to_contain_text(opening)

    page.get_by_label("Message").fill(answer)
    page.get_by_role("button", name="Post reply").click()
    expect(page).to_have_url(re.compile(r"/t/\d+/#post-\d+$"))
    expect(posts).to_have_count(2)
    expect(posts.nth(0)).to_contain_text(opening)
    expect(posts.nth(1)).to_contain_text(answer)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Trainers' network"
    ).click()
    thread_item = page.locator(".thread-list li").filter(has_text=title)
    expect(thread_item).to_contain_text("1 reply")

    # A private community's threads: found through a member (the moderator), then refused to
    # an anonymous reader without revealing they exist (404, not a login redirect).
    member = browser.new_context()
    try:
        moderator = member.new_page()
        _log_in(moderator, portal_server, "moderator")
        moderator.goto(f"{portal_server}/en/communities/osh-working-group/")
        expect(moderator.locator(".community-header .meta")).to_have_text(re.compile("^Private"))
        private_thread = moderator.locator(".thread-list li a").first
        thread_path = private_thread.get_attribute("href")
        assert thread_path and re.search(r"/osh-working-group/t/\d+/$", thread_path)
    finally:
        member.close()
    anonymous = browser.new_context()
    try:
        reader = anonymous.new_page()
        for path in ("/en/communities/osh-working-group/", thread_path):
            response = reader.goto(portal_server + path)
            assert response.status == 404, (path, response.status)
            expect(reader).to_have_url(portal_server + path)
            expect(reader.get_by_role("heading", name="Page not found")).to_be_visible()
        reader.goto(f"{portal_server}/en/communities/")
        expect(reader.get_by_role("link", name=re.compile("OSH working group"))).to_have_count(0)
    finally:
        anonymous.close()


def _table_rows(table):
    return [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]


def _chart_labels(page):
    """The labels of the bar chart that charts.js drew from the table (Chart.js 4)."""
    return page.evaluate(
        "() => Chart.getChart(document.querySelector('.ims-chart canvas')).data.labels"
    )


def test_public_compliance_table_chart_and_csv(page, portal_server):
    page.goto(f"{portal_server}/en/compliance/")
    table = page.get_by_role("table", name=re.compile(r"^Non-compliance by country: "))
    expect(table).to_have_accessible_name("Non-compliance by country: Any compliance point")
    expect(table.locator("thead th")).to_have_text(
        ["Country", "Factories assessed", "Non-compliance rate"]
    )
    overall = _table_rows(table)
    assert len(overall) >= 2, overall
    chart = page.locator("figure.ims-figure .ims-chart canvas")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("aria-label", "Non-compliance by country: Any compliance point")
    assert _chart_labels(page) == [row[0] for row in overall]

    page.get_by_label("Indicator").select_option(label="Child Labour")
    page.get_by_role("button", name="Compare countries").click()
    expect(page).to_have_url(re.compile(r"[?&]indicator=cluster(%3A|:)child-labour"))
    expect(table).to_have_accessible_name("Non-compliance by country: Child Labour")
    expect(page.get_by_label("Indicator")).to_have_value("cluster:child-labour")
    child_labour = _table_rows(table)
    assert child_labour != overall
    assert [row[0] for row in child_labour] == [row[0] for row in overall]
    expect(chart).to_have_attribute("aria-label", "Non-compliance by country: Child Labour")
    assert _chart_labels(page) == [row[0] for row in child_labour]

    csv_link = page.get_by_role("link", name="Download this table (CSV)")
    expect(csv_link).to_have_attribute("href", re.compile(r"indicator=cluster:child-labour"))
    with page.expect_download() as download_info:
        csv_link.click()
    assert download_info.value.suggested_filename.endswith(".csv")
    response = page.request.get(portal_server + csv_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.text())))
    assert lines[0] == ["Country", "Factories assessed", "Non-compliance rate (%)"]
    # The data behind the chart is the table's.
    assert [(r[0], r[1]) for r in lines[1:]] == [(r[0], r[1]) for r in child_labour]
    for csv_row, table_row in zip(lines[1:], child_labour, strict=True):
        if table_row[2].endswith("%"):
            assert csv_row[2] + "%" == table_row[2]


def _chart_layout(page):
    """Whether the first chart's values grow leftwards and where its category labels stand."""
    return page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector('.ims-chart canvas'));
            return {reversed: chart.options.scales.x.reverse,
                    labelsRight: chart.scales.y.left > chart.scales.x.left};
        }"""
    )


def test_the_compliance_chart_is_mirrored_for_arabic(page, portal_server):
    page.goto(f"{portal_server}/ar/compliance/")
    expect(page.locator(".ims-chart canvas").first).to_be_visible()
    assert _chart_layout(page) == {"reversed": True, "labelsRight": True}
    page.goto(f"{portal_server}/en/compliance/")
    expect(page.locator(".ims-chart canvas").first).to_be_visible()
    assert _chart_layout(page) == {"reversed": False, "labelsRight": False}
