from django import template

from .. import permissions

register = template.Library()


def _unread(user):
    """Unread notifications about what the reader may read now (see readable_notifications):
    one COUNT query (a user without the editor flag loads their permissions once per request,
    as any ``has_perm`` does)."""
    return permissions.readable_notifications(user).filter(read_at__isnull=True).count()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return _unread(user)


@register.inclusion_tag("communities/includes/notification_badge.html", takes_context=True)
def notification_badge(context):
    """The header's link to the reader's notifications with their unread count; nothing (and
    no query) for an anonymous reader. Rendered per request, never cached: the count is the
    reader's own."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": _unread(user)}
