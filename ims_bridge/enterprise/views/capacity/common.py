from ... import access


def factory_and_role(request, star_id, action, data, change=False):
    """(factory, role) after the access check: 404 unseen factory, 403 data not allowed.

    A read is logged like every read of factory data. A write is not logged here: a refused
    write must leave every table as it was, and a write records its author itself."""
    if not change:
        factory, role = access.enterprise_factory(request.user, star_id, action)
        access.require(role, data, factory)
        return factory, role
    return access.checked_factory(request.user, star_id, data, change=True)
