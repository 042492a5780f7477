"""In Chromium, under the site's Content-Security-Policy: public pages, the API docs and the
Wagtail admin (log in, page editor, snippet, reports, editors' picks) run without a single CSP
violation or script error, and no page asks any host but the portal for anything."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        [event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber].join(" ")
    );
});
"""
PUBLIC_PAGES = [
    "/en/",
    "/ar/",
    "/en/resources/",
    "/en/resources/model-overtime-policy/",
    "/km/countries/cambodia/",
    "/en/search/?q=safety",
    "/en/communities/",
    "/en/compliance/",
    "/fr/accounts/login/",
    "/en/accounts/signup/",
]


class Watch:
    """Everything a page did that the policy forbids or that left the portal's origin."""

    def __init__(self, context, base_url):
        self.origin = urlsplit(base_url).netloc
        self.problems = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.on("request", self._request)

    def attach(self, page):
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        return page

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != self.origin:
            self.problems.append(f"third-party request: {request.url}")

    def _console(self, message):
        if message.type != "error":
            return
        if message.location.get("url", "").endswith("/favicon.ico"):
            return  # the portal has no favicon; Chromium asks for one anyway
        self.problems.append(f"console: {message.text}")

    def visit(self, page, url):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        self.check(page, url)

    def check(self, page, where):
        violations = page.evaluate("window.__cspViolations")
        found = [f"CSP: {v}" for v in violations] + self.problems
        self.problems = []
        assert not found, f"{where}: {found}"


@pytest.fixture
def watched(browser, portal_server):
    context = browser.new_context()
    watch = Watch(context, portal_server)
    page = watch.attach(context.new_page())
    yield page, watch
    context.close()


def log_in_to_admin(page, watch, base):
    watch.visit(page, f"{base}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "betterwork-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.wait_for_load_state("networkidle")
    watch.check(page, "admin dashboard")


def first_edit_link(page, watch, url):
    watch.visit(page, url)
    return page.locator("main a[href*='/edit/']").first.get_attribute("href")


def test_public_pages_keep_to_the_policy_and_the_portal(watched, portal_server):
    page, watch = watched
    for path in PUBLIC_PAGES:
        watch.visit(page, portal_server + path)


def test_api_docs_render_from_the_portal_under_the_policy(watched, portal_server):
    page, watch = watched
    watch.visit(page, f"{portal_server}/api/v2/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 5
    assert "/api/v2/search/" in page.locator("#swagger-ui").inner_text()
    watch.check(page, "API docs")


def test_wagtail_admin_works_under_the_policy(watched, portal_server):
    page, watch = watched
    base = portal_server
    log_in_to_admin(page, watch, base)

    # Page editor of a resource with an inline panel, date field and document chooser.
    editor = first_edit_link(page, watch, f"{base}/admin/pages/search/?q=anti-harassment")
    watch.visit(page, base + editor)
    assert page.locator("form#page-edit-form").count() == 1
    total = page.locator("#id_knowledge_materials-TOTAL_FORMS")
    before = int(total.input_value())
    page.click("#id_knowledge_materials-ADD")
    page.wait_for_timeout(500)
    assert int(total.input_value()) == before + 1
    watch.check(page, "page editor, inline form added")

    # A snippet, a translated snippet (wagtail-localize's editor) and the reports.
    watch.visit(page, base + first_edit_link(page, watch, f"{base}/admin/snippets/portal/country/"))
    watch.visit(page, f"{base}/admin/snippets/portal/country/?locale=fr")
    translated = page.locator("main a[href*='/edit/']").first.get_attribute("href")
    watch.visit(page, base + translated)
    for report in (
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/search-analytics/",
    ):
        watch.visit(page, base + report)

    # Editors' picks: the formset and the search-term chooser come from a static script now.
    watch.visit(page, f"{base}/admin/searchpicks/add/")
    page.click("#id_editors_picks-ADD")
    page.click("#id_query_string-chooser")
    page.locator(".modal").first.wait_for()
    watch.check(page, "editors' picks")

    # The public site with the editor's userbar.
    watch.visit(page, f"{base}/en/about/")
