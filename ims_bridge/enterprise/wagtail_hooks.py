"""Admin registrations of the enterprise features (one module per feature)."""

from . import snippets_self_assessment  # noqa: F401
