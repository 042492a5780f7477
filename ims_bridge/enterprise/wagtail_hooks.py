"""Admin registrations of the enterprise features (one module per feature)."""

from . import snippets_staff  # noqa: F401
