"""Fixtures of the browser journeys (the browser and the server: browser_fixtures.py)."""

import pytest

from .support import Journey


@pytest.fixture
def journey(browser, portal_server, width):
    """An audited context at the test's `width` (parametrize `width` with PHONE, DESKTOP)."""
    opened = Journey(browser, portal_server, width, accept_downloads=True)
    yield opened
    opened.close()
