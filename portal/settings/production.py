"""Production settings: the base is already production-safe; this adds what only a deployed
site needs (manifest static files, long-lived connections)."""

from .base import *  # noqa: F403

# HTML (and JSON, CSV) compressed on the fly for clients that accept gzip: a page is a third to
# a fifth of its size on the wire (issue "Low bandwidth"; tests/e2e/test_bandwidth.py). Placed
# above every middleware that reads or rewrites the body (the first is the admin's CSP nonce
# rewriter), so it compresses their result; whitenoise's static files arrive here already
# compressed (a .gz next to each hashed file, Content-Encoding set) and are passed through.
# BREACH (secrets guessed from compressed sizes): since Django 4.2 GZipMiddleware pads each
# response with random bytes ("Heal The Breach"), and the CSRF token is masked per response.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.admin_csp.WagtailAdminCSPMiddleware"),
    "django.middleware.gzip.GZipMiddleware",
)
