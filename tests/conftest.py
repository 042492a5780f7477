"""Shared fixtures. The test baseline (languages, taxonomy, page tree in every language;
tests/baseline.py, built from tests/factories) is made once per test session in the test
database; every test then runs in a transaction that is rolled back, so tests may add data
freely."""

import collections

import pytest

# The browser fixtures (chromium, the gunicorn server) serve tests/e2e and tests/security.
pytest_plugins = ["tests.e2e.browser_fixtures"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under ``pytest -n`` (``make test``), the tests that drive the browser all run on one
    worker: they share one gunicorn server over a seeded demo site, which takes a minute to
    start. The others spread over every worker."""
    for item in items:
        if "portal_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_collection_finish(session):
    """No two tests may share a node id: pytest-xdist's ``--dist loadgroup`` keys its work by
    node id and runs only the first of them (schemathesis' ``schema.parametrize()`` made 216
    such items, and ``make test`` ran 2 of them)."""
    counts = collections.Counter(item.nodeid for item in session.items)
    shared = sorted(nodeid for nodeid, n in counts.items() if n > 1)
    if shared:
        raise pytest.UsageError(f"tests that share a node id: {shared[:5]}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from tests import baseline

    with django_db_blocker.unblock():
        baseline.build()


@pytest.fixture
def client(client):
    """The HTTP client, speaking to the baseline site's hostname."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts and ends in the default language: a request through the test client
    leaves its language active in the thread (LocaleMiddleware activates it, nothing
    deactivates it), and a later test that reads a message would get it in Khmer."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached fragments, reports and counts of an earlier
    test (the locmem cache lives as long as the process) must not change what it sees."""
    from django.core.cache import cache

    from ims_bridge import reports
    from portal import cache_versions
    from search import spelling

    cache.clear()
    # Tokens this process kept from a test whose writes were rolled back.
    cache_versions.forget_local()
    reports._threshold_checked.clear()
    spelling._vocabulary.cache_clear()


@pytest.fixture(autouse=True)
def _cache_versions_bump_at_once(request, monkeypatch):
    """Every test runs in a transaction that is rolled back, so the commit that writes new
    cache-version tokens never comes: write them at once instead, as the commit would, so a
    change shows on the next request. A test about the on-commit timing itself opts out with
    ``@pytest.mark.cache_bumps_on_commit``."""
    if request.node.get_closest_marker("cache_bumps_on_commit"):
        return
    from types import SimpleNamespace

    from portal import cache_versions

    monkeypatch.setattr(
        cache_versions, "transaction", SimpleNamespace(on_commit=lambda function: function())
    )
