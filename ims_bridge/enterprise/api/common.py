"""What every enterprise API operation shares."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from .. import access


def factory_for(request, star_id, action, data=None, change=False):
    """(factory, role) for an API operation: 404 for a factory the user cannot see, 403 for
    data their role may not read or change."""
    factory, role = access.enterprise_factory(request.user, star_id, f"api:{action}")
    if data is None:
        allowed = role not in (None, access.Role.INSPECTOR)
    elif change:
        allowed = access.may_change(role, data)
    else:
        allowed = access.may_read(role, data, factory)
    if not allowed:
        raise HttpError(403, _("You may not do this for this factory."))
    return factory, role


def checked(request, star_id, data=None, change=False, roles=None):
    """(factory, role) with nothing logged (``access.checked_factory``): 404 for a factory the
    user cannot see, 403 as JSON for a role that may not. Reads log once their object is
    found (``access.log_read``)."""
    try:
        return access.checked_factory(request.user, star_id, data, change, roles)
    except PermissionDenied:
        raise HttpError(403, _("You may not do this for this factory.")) from None


def form_errors(form):
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
