from django.http import Http404

from ims_bridge import access as factory_access

from ... import access


def factory_and_role(request, star_id, action, data, change=False):
    """(factory, role) after the access check: 404 unseen factory, 403 data not allowed.

    A read is logged like every read of factory data. A write is not logged here: a refused
    write must leave every table as it was, and a write records its author itself."""
    if not change:
        factory, role = access.enterprise_factory(request.user, star_id, action)
        access.require(role, data, factory)
        return factory, role
    factory = factory_access.visible_factories(request.user).filter(star_id=star_id).first()
    if factory is None:
        raise Http404
    role = access.role_for(request.user, factory)
    access.require(role, data, factory, change=True)
    return factory, role
