"""The plan's access path: ``access`` roles, with the read logged only once it is allowed
and its objects found, so that a refused or misaddressed write leaves no row behind."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ims_bridge import access as factory_access
from ims_bridge.models import FactoryAccessLog

from . import access


def plan_factory(user, star_id, data=None, change=False, roles=None):
    """(factory, role): Http404 for a factory the user cannot see, PermissionDenied when the
    role may not read/change ``data`` (or is not one of ``roles``). Nothing is logged yet."""
    factory = factory_access.visible_factories(user).filter(star_id=star_id).first()
    if factory is None:
        raise Http404
    role = access.role_for(user, factory)
    if roles is not None:
        if role not in roles:
            raise PermissionDenied
    else:
        access.require(role, data, factory, change=change)
    return factory, role


def log_read(user, factory, action):
    FactoryAccessLog.objects.create(user=user, factory=factory, action=action[:32])
