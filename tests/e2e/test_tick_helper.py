"""support.tick on the filter markup of today and of the redesign (filters in a <details>
panel, closed on phones; long facets with the rest under a nested "Show all" <details>)."""

import pytest
from playwright.sync_api import expect

from .support import apply_filters, tick

pytestmark = pytest.mark.e2e

TODAY = """<form><fieldset><legend>Country</legend><ul>
<li><label><input type="checkbox" name="country" value="haiti"> Haiti (2)</label></li>
<li><label><input type="checkbox" name="country" value="jordan"> Jordan (1)</label></li>
</ul></fieldset><button type="submit">Apply filters</button></form>"""

REDESIGN = """<form><details><summary>Filters (0)</summary>
<fieldset><legend>Country</legend><ul>
<li><label><input type="checkbox" name="country" value="haiti"> Haiti (2)</label></li>
<li><details><summary>Show all</summary><ul>
<li><label><input type="checkbox" name="country" value="jordan"> Jordan (1)</label></li>
</ul></details></li></ul></fieldset>
<button type="submit">Apply filters</button></details></form>"""


@pytest.mark.parametrize("markup", [TODAY, REDESIGN], ids=["today", "redesign"])
def test_tick_opens_closed_panels_and_ticks_the_box(browser, markup):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        html = f"<!DOCTYPE html><html lang=en><body>{markup}</body></html>"
        submitted = []

        def serve(route):  # no server: the page and the form's answer come from here
            submitted.append(route.request.url)
            body = "<p>sent</p>" if "?" in route.request.url else html
            route.fulfill(body=body, content_type="text/html")

        page.route("http://filters.test/**", serve)
        page.goto("http://filters.test/library/")
        tick(page, "country", "jordan")
        expect(page.locator("input[value=jordan]")).to_be_checked()
        expect(page.locator("input[value=haiti]")).not_to_be_checked()
        assert page.locator("details:not([open])").count() == 0
        tick(page, "country", "haiti")
        apply_filters(page, "en")
        expect(page.locator("p")).to_have_text("sent")
        assert "country=haiti&country=jordan" in submitted[-1]
    finally:
        context.close()
