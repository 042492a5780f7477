"""What every enterprise API operation shares."""

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
