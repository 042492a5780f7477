from ... import access


def factory_and_role(request, star_id, action, data, change=False):
    """(factory, role) after the access check: 404 unseen factory, 403 data not allowed."""
    factory, role = access.enterprise_factory(request.user, star_id, action)
    access.require(role, data, factory, change=change)
    return factory, role
