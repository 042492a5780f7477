"""Every public page type in English and Arabic, on a phone (390 px) and a desktop (1280 px):
each is audited (tests/e2e/audit.py) and leaves a screenshot in test-artifacts/screenshots/
(`<page type>-<lang>-<width>.png`) for a reviewer to look at."""

import pytest

from .support import PAGE_TYPES, visit_page_type, widths

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["en", "ar"])
@widths
def test_every_public_page_type_passes_the_audit(journey, lang):
    page = journey.page
    for name, address, follow in PAGE_TYPES:
        response = visit_page_type(page, journey.base_url, lang, address, follow)
        expected = 404 if name == "not found" else 200
        assert response.status == expected, (name, page.url, response.status)
        assert page.locator("html").get_attribute("lang") == lang, (name, page.url)
        journey.check(name)
    assert len(journey.auditor.pages_checked) == len(PAGE_TYPES)
    journey.auditor.assert_clean()
