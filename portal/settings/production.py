"""Production settings: the base is already production-safe; this adds what only a deployed
site needs (manifest static files, long-lived connections)."""

from .base import *  # noqa: F403

# HTML (and JSON, CSV) compressed on the fly for clients that accept gzip: a page is a third to
# a fifth of its size on the wire (issue "Low bandwidth"; tests/e2e/test_bandwidth.py). Right
# after whitenoise, which answers static files itself, already compressed (.gz next to each
# hashed file), before this middleware would see them; above everything that writes a body.
# BREACH (secrets guessed from compressed sizes): since Django 4.2 GZipMiddleware pads each
# response with random bytes ("Heal The Breach"), and the CSRF token is masked per response.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "django.middleware.gzip.GZipMiddleware",
)
