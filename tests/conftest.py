"""Shared fixtures. The portal baseline (languages, taxonomy, page tree in every language) is
seeded once per test session into the test database; every test then runs in a transaction
that is rolled back, so tests may add data freely."""

import io

import pytest

# The browser fixtures (chromium, the gunicorn server) serve tests/e2e and tests/security.
pytest_plugins = ["tests.e2e.browser_fixtures"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from wagtail.models import Page

    from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy

    with django_db_blocker.unblock():
        out = io.StringIO()
        ensure_locales()
        seed_taxonomy(out)
        seed_pages(out)
        Page.fix_tree(fix_paths=False)


@pytest.fixture
def client(client):
    """The HTTP client, speaking to the demo site's hostname."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client
