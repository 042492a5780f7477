"""User journeys through the portal, one test each, as the people in DESIGN.md ("Who uses it")
do them in a browser: what they click, what they see, what they download. The main public
journeys (trainer, buyer, compliance comparison, search as you type) run in two languages at two
widths in test_public_journeys.py; these are the ones that need no second language.

The demo content comes from `seed_demo --demo-accounts` (portal/demo, knowledge/demo.py,
communities/demo.py, ims_bridge/demo.py). Tests that write (community threads) use unique
titles, so the tests pass in any order and against a database that other runs have used."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from .support import apply_filters, open_details_around, tick

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
    tick(page, "country", "bangladesh")
    tick(page, "type", "training-module")
    apply_filters(page, "en")
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


def test_library_filters_work_the_same_without_javascript(browser, page, portal_server):
    """The filter form is an ordinary GET form (the trainer's journey, with JavaScript, is in
    test_public_journeys.py)."""
    no_js = browser.new_context(java_script_enabled=False)
    try:
        plain = no_js.new_page()
        plain_before, plain_after = _filter_library(plain, portal_server)
        assert 0 < plain_after < plain_before
        expect(plain.locator(".resource-card .meta").first).to_have_text("Training module")
    finally:
        no_js.close()
    assert _filter_library(page, portal_server) == (plain_before, plain_after)


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
    # Beyond the six most used countries: under "Show all" (hidden, so found by its value).
    ethiopia_box = page.locator("input[type=checkbox][name=country][value=ethiopia]")
    open_details_around(ethiopia_box)
    expect(ethiopia).to_be_visible()
    haiti.check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?.*q=guide.*&country=haiti"))
    after = _result_count(page)
    assert 0 < after < before
    expect(countries.get_by_role("checkbox", name=re.compile(r"^Haiti\b"))).to_be_checked()
    # Disjunctive facet: the other countries are still on offer, with counts.
    open_details_around(ethiopia_box)
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
    box.fill("migrnt")
    box.press("Enter")
    page.locator(".did-you-mean").get_by_role("link", name="migrant").click()
    expect(page).to_have_url(re.compile(r"q=migrant.*country=haiti"))
    expect(page.locator("#no-results").get_by_role("status")).to_have_text(
        "No results for “migrant”."
    )
    # The reader must see the filter that empties the list, and be able to untick it.
    haiti = page.get_by_role("group", name="Country").get_by_role(
        "checkbox", name=re.compile(r"^Haiti\b")
    )
    expect(haiti).to_be_checked(timeout=2000)
    haiti.uncheck()
    page.get_by_role("button", name="Apply filters").click()
    assert _result_count(page) > 0


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_anonymous_reader_of_a_factory_report_is_sent_to_log_in_in_their_language(
    page, portal_server, lang
):
    """The signed-in buyer's journey is in test_public_journeys.py."""
    report = f"/{lang}/compliance/factories/KH-00001/"
    page.goto(portal_server + report)
    expect(page).to_have_url(re.compile(rf"/{lang}/accounts/login/\?next={report}$"))
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator("main form input[name=password]")).to_be_visible()
    expect(page.get_by_role("heading", name="Star Footwear KH1")).to_have_count(0)


def test_practitioner_starts_and_answers_a_discussion(browser, page, portal_server):
    title = f"Delivering the module to night shifts {uuid.uuid4().hex[:8]}"
    opening = f"How do you schedule sessions for the night shift? ({title})"
    answer = f"We run them at shift change, twenty minutes each. ({uuid.uuid4().hex[:8]})"

    _log_in(page, portal_server, "trainer")
    page.goto(f"{portal_server}/en/communities/")
    page.get_by_role("link", name="Trainers' network", exact=True).click()
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
        "link", name="Trainers' network", exact=True
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
