"""Wagtail admin tools for translators: taxonomy choosers in the edited object's language, the
translation dashboard, and safe PO file upload (single and batch)."""
