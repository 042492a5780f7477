"""The same settings and middleware, with one URL: a view that renders nothing. What a page
costs above this is the portal's own work."""

from .settings import *  # noqa: F403

ROOT_URLCONF = "bench.load.minimal_urls"
