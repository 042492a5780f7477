"""Wagtail admin registrations of the enterprise features (one module per feature)."""

from . import snippets_capacity  # noqa: F401
