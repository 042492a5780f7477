"""self assessment pages of a factory (see ../../urls.py)."""


def dashboard_section(request, factory, role):
    """Context for this feature's box on the factory dashboard; empty = no box."""
    return {}
