from django import template

from .. import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """Unread notifications about what the reader may read now (see readable_notifications)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return permissions.readable_notifications(user).filter(read_at__isnull=True).count()
