"""The security suite's world is built once per test module inside a transaction that is
rolled back at the module's end; each test runs in a savepoint inside it (pytest-django's
``db``), so a test may write freely."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        translation.activate(settings.LANGUAGE_CODE)
        yield built
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_state():
    """Rate-limit counters live in the cache; a request to /fr/ leaves French active."""
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
