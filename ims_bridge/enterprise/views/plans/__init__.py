"""Improvement plan pages of a factory (see urls.py); the work is in ../../plans_*.py."""

from .dashboard import dashboard_section

__all__ = ["dashboard_section"]
