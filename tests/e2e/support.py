"""What the browser journeys share: the portal's own words in any language, signing in, ticking a
filter as a person would, and reading a count in any script.

Selectors do not depend on the interface language: words are looked up in the test process with
Django's gettext (the compiled .mo files the server uses), and otherwise the tests rely on ids,
input names and values, and hrefs."""

import re

import pytest
from playwright.sync_api import expect

from .audit import DESKTOP, PHONE, Auditor, new_context
from .i18n import tr

PASSWORD = "betterwork-demo"  # the public password of every demo account (README.md)
WIDTH_IDS = {PHONE: "phone", DESKTOP: "desktop"}


def exactly(text):
    """A regular expression for an accessible name that is `text` exactly (trimmed)."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def number_in(text):
    """The number in a text such as "12 resources" or "١٢ نتيجة" (any script's digits)."""
    digits = "".join(str(int(ch)) for ch in text if ch.isdigit())
    assert digits, f"no number in {text!r}"
    return int(digits)


def log_in(page, base_url, lang, username):
    """Sign in through the login form, in the reader's language."""
    page.goto(f"{base_url}/{lang}/accounts/login/")
    form = page.locator("main form[action$='/accounts/login/']")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(PASSWORD)
    form.get_by_role("button", name=tr(lang, "Log in")).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def open_details_around(locator):
    """Open every closed <details> that holds `locator`, outermost first, by clicking its
    <summary> as a person would (filters fold away on phones; long facets under "Show all")."""
    closed = locator.locator("xpath=ancestor::details[not(@open)]")
    for _attempt in range(10):
        if closed.count() == 0 or locator.is_visible():
            return  # (a wide screen shows a closed filter panel's content without its summary)
        summaries = [closed.nth(i).locator(":scope > summary") for i in range(closed.count())]
        visible = [summary for summary in summaries if summary.is_visible()]
        if not visible:
            break
        visible[0].scroll_into_view_if_needed()
        visible[0].click()
    raise AssertionError("could not open the panels around the element")


def tick(page, facet_name, value):
    """Tick the filter `facet_name` = `value` (input[name][value]), opening closed panels."""
    box = page.locator(f"input[type=checkbox][name='{facet_name}'][value='{value}']")
    expect(box).to_have_count(1)
    open_details_around(box)
    box.check()
    expect(box).to_be_checked()
    return box


def follow_link(page, href):
    """Click the first link to `href`, opening the header menu first if it is folded (phones)."""
    link = page.locator(f"a[href='{href}']").first
    open_details_around(link)
    link.click()


def apply_filters(page, lang):
    """Press "Apply filters" (opening its panel first if it has folded away)."""
    button = page.get_by_role("button", name=tr(lang, "Apply filters"))
    if button.count() == 0:  # inside a closed <details>: not in the accessibility tree
        button = page.locator("button[type=submit]").filter(has_text=tr(lang, "Apply filters"))
    open_details_around(button)
    button.click()


class Journey:
    """One browser context of a width, audited from its creation."""

    def __init__(self, browser, base_url, width, **options):
        self.base_url = base_url
        self.context = new_context(browser, width, **options)
        self.auditor = Auditor(self.context, base_url)
        self.page = self.context.new_page()

    def check(self, name, page=None):
        self.auditor.check(page or self.page, name)

    def close(self):
        self.context.close()


widths = pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=WIDTH_IDS.get)


# Every public page type: (name, address under /<lang>, link to follow from there or None).
# Pages whose address depends on the demo content (a resource, a thread, a country report) are
# reached by following the first link of their kind, as a reader would.
PAGE_TYPES = [
    ("home", "/", None),
    ("library", "/resources/", None),
    ("resource page", "/resources/", ".library-results .resource-card h3 a"),
    ("country page", "/countries/cambodia/", None),
    ("search results", "/search/?q=safety", None),
    ("communities list", "/communities/", None),
    ("community", "/communities/trainers-network/", None),
    ("thread", "/communities/trainers-network/", ".thread-list li a[href*='/t/']"),
    ("compliance index", "/compliance/", None),
    ("country compliance report", "/compliance/", "main a[href*='/compliance/countries/']"),
    ("login", "/accounts/login/", None),
    ("sign-up", "/accounts/signup/", None),
    ("not found", "/no-such-page-anywhere/", None),
]
CHART_PAGE_TYPES = {"compliance index", "country compliance report"}


def visit_page_type(page, base_url, lang, address, follow):
    """Open a page type in `lang`: its address, then the first `follow` link if any. Returns
    the main document's response."""
    response = page.goto(f"{base_url}/{lang}{address}")
    if follow:
        link = page.locator(follow).first
        href = link.get_attribute("href")
        assert href, f"no link {follow} on {page.url}"
        response = page.goto(base_url + href if href.startswith("/") else href)
    return response
