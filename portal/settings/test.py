"""Fast, isolated settings for the test suite. DATABASE_URL still decides the database, so CI
runs the same suite on PostgreSQL."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL", "0")
os.environ["REDIS_URL"] = ""
os.environ["ELASTICSEARCH_URL"] = ""

from search.backend_settings import database_backends  # noqa: E402

from .base import *  # noqa: E402,F403
from .base import DATABASES, STORAGES  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite writes through the API far faster than anyone would; the throttling tests lower
# these with override_settings (tests/portal/test_api_throttling.py).
API_WRITE_RATE_PER_TOKEN = "100000/h"
API_WRITE_RATE_PER_IP = "100000/h"
# Search tests turn auto-update back on (override_settings) where they need the index.
WAGTAILSEARCH_BACKENDS = database_backends(DATABASES["default"]["ENGINE"])
WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file (not in-memory) test database, so `pytest --reuse-db` can keep it between runs.
    DATABASES["default"]["TEST"] = {"NAME": f"{DATABASES['default']['NAME']}.test"}
# Off for the suite, where tests change rows behind the signals' back (querysets' update(),
# fixtures) between two requests; tests/portal/test_page_cache.py turns it on, and
# TEST_PAGE_CACHE_SECONDS=600 runs any part of the suite with it (the permission matrix: no
# cell may get another role's page from the cache).
PAGE_CACHE_SECONDS = int(os.environ.get("TEST_PAGE_CACHE_SECONDS", "0"))
# Each search is written at once, so a test reads its statistics on the next line
# (tests/search/test_analytics.py turns the per-process counting on).
SEARCH_STATS_FLUSH_SECONDS = 0
# Every bump in the suite is made in this process, which replaces its copy of the token at once
# (and each test starts without one): a copy expiring mid-test would only add a query to the
# query budgets, depending on the machine's speed.
CACHE_VERSIONS_LOCAL_SECONDS = 3600.0
