"""Wagtail admin registrations of the enterprise features (one module per feature)."""

from . import snippets_capacity, snippets_self_assessment, snippets_staff  # noqa: F401
