"""What every page a browser journey visits must satisfy, checked in one call.

`Auditor(context, base_url)` watches a browser context from its creation: requests to any host
but the portal, console errors and script errors. `auditor.check(page, name)` then runs axe-core
(no serious or critical violation), measures sideways overflow at phone widths
(`scrollWidth <= innerWidth`), and writes a screenshot to SCREENSHOTS (named in README.md) so a
reviewer can look at every page type. Problems are collected and reported together at the end
(`auditor.assert_clean()`), so one run shows everything that is wrong rather than the first.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "test-artifacts" / "screenshots")
PHONE, DESKTOP = 390, 1280
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
BLOCKING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "best-practice"]}

_axe = Axe()


def new_context(browser, width, **options):
    """A browser context of the given width (a phone is taller than it is wide)."""
    height = 844 if width <= PHONE else 900
    return browser.new_context(viewport={"width": width, "height": height}, **options)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


class Auditor:
    def __init__(self, context, base_url):
        self.origin = urlsplit(base_url).netloc
        self.problems = []
        self.pages_checked = []
        context.on("request", self._request)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def watch(self, page):
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self._script_error(page, error))

    def _script_error(self, page, error):
        self.problems.append(f"{page.url}: script error {error}")

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.origin:
            self.problems.append(f"request to another host: {request.url}")

    def _console(self, page, message):
        if message.type != "error":
            return
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url") == page.url
        ):
            # Chromium's note on the document's own status (a 404 page that a journey asks
            # for on purpose, and checks). A sub-resource that fails is still reported.
            return
        self.problems.append(f"{page.url}: console error {message.text}")

    def check(self, page, name, axe=True):
        """Audit the page as it is now; `name` says which page type this is (for the file).
        `axe=False` for pages whose markup is not ours (the Wagtail admin): console errors,
        requests to other hosts and sideways overflow are still checked."""
        page.wait_for_load_state("load")
        width = page.viewport_size["width"]
        lang = page.locator("html").get_attribute("lang") or "xx"
        where = f"{name} [{lang}, {width}px] {page.url}"
        self.pages_checked.append(where)
        results = _axe.run(page, options=AXE_OPTIONS).response if axe else {"violations": []}
        for violation in results["violations"]:
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = [node["target"] for node in violation["nodes"][:5]]
                self.problems.append(
                    f"{where}: axe {violation['impact']} {violation['id']}: "
                    f"{violation['help']} at {targets}"
                )
        if width <= PHONE:
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            if overflow > 0:
                self.problems.append(f"{where}: scrolls sideways by {overflow}px")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{slug(name)}-{lang}-{width}.png", full_page=True)

    def assert_clean(self):
        assert self.pages_checked, "the journey audited no page"
        problems, self.problems = self.problems, []
        assert not problems, "\n".join(problems)
