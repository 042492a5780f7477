"""Settings come from the environment only. Each case runs Django in a subprocess with a clean
environment, as a deployment would."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DEBUG": "0",
    "SECRET_KEY": "q8#vZ2!mL0x@pR7s$Tn4&wK9^yB1*eH6(uJ3)cF5-dG8_aQ2+iO7=lM4",
    "ALLOWED_HOSTS": "portal.example.org",
    "SITE_BASE_URL": "https://portal.example.org",
    "DATABASE_URL": "sqlite:////tmp/portal-deploy-check.sqlite3",
}


def run_django(code, **env):
    base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "VIRTUAL_ENV")}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_as_json(expression, **env):
    result = run_django(
        f"from django.conf import settings as s; import json; print(json.dumps({expression}))",
        **{**PRODUCTION_ENV, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_django("", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_database_url_selects_postgresql():
    db = settings_as_json(
        "s.DATABASES['default']",
        DATABASE_URL="postgres://portal:s3cret@db.internal:6543/knowledge",
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["HOST"], db["PORT"], db["USER"]) == (
        "knowledge",
        "db.internal",
        6543,
        "portal",
    )


def test_default_database_is_sqlite():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    db = settings_as_json("s.DATABASES['default']['ENGINE']", **env)
    assert db == "django.db.backends.sqlite3"


def test_redis_url_switches_the_cache():
    assert settings_as_json("s.CACHES['default']['BACKEND']") == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
    cache = settings_as_json("s.CACHES['default']", REDIS_URL="redis://127.0.0.1:6379/3")
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_elasticsearch_url_switches_the_search_backend():
    assert settings_as_json("s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']") == (
        "wagtail.search.backends.database"
    )
    backend = settings_as_json(
        "s.WAGTAILSEARCH_BACKENDS['default']", ELASTICSEARCH_URL="http://es.internal:9200"
    )
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://es.internal:9200"]


def test_email_and_media_from_environment():
    values = settings_as_json(
        "[s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, str(s.MEDIA_ROOT)]",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example.org:587",
        MEDIA_ROOT="/srv/portal-media",
    )
    assert values == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        587,
        "/srv/portal-media",
    ]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="only meaningful when the suite runs on PostgreSQL (CI sets DATABASE_URL)",
)
def test_suite_runs_on_the_database_named_by_database_url(db):
    from django.db import connection

    assert connection.vendor == "postgresql"


def test_production_gzips_what_the_middlewares_below_it_wrote():
    """Compression comes last on the way out: above every middleware that reads or rewrites the
    body (the admin's CSP rewriter decodes the HTML), whitenoise included (its static files
    are already compressed). tests/e2e/test_bandwidth.py measures the result."""
    middleware = settings_as_json("s.MIDDLEWARE")
    gzip = middleware.index("django.middleware.gzip.GZipMiddleware")
    assert middleware.count("django.middleware.gzip.GZipMiddleware") == 1
    for body_reader in (
        "portal.admin_csp.WagtailAdminCSPMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "portal.csv_safety.SpreadsheetFormulaMiddleware",
    ):
        assert gzip < middleware.index(body_reader), body_reader
