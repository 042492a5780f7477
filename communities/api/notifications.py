"""The signed-in reader's notifications."""

from django.http import Http404
from ninja import Query, Router

from portal.api_auth import signed_in
from portal.api_errors import ErrorOut
from portal.api_pagination import PageParams, page_of

from .. import permissions, services
from .schemas import InboxOut, MarkedOut

router = Router()


# --- notifications --------------------------------------------------------------------------------


def _notifications(user):
    return permissions.readable_notifications(user)


@router.get(
    "/notifications/",
    response=InboxOut,
    auth=signed_in,
    summary="Your notifications about what you may read now (paged, newest first)",
)
def list_notifications(request, params: Query[PageParams]):
    notes = _notifications(request.auth).select_related(
        "community", "thread__community", "post__thread__community"
    )

    def convert(items):
        return [
            {
                "id": n.pk,
                "kind": n.kind,
                "title": n.thread.title if n.thread else n.community.name,
                "url": n.get_absolute_url(),
                "created_at": n.created_at,
                "read": n.read_at is not None,
            }
            for n in items
        ]

    data = page_of(request, notes, params, convert)
    data["unread"] = _notifications(request.auth).filter(read_at__isnull=True).count()
    return data


@router.post(
    "/notifications/read/",
    response=MarkedOut,
    auth=signed_in,
    summary="Mark all your notifications read",
)
def mark_all_notifications_read(request):
    marked = services.mark_read(_notifications(request.auth))
    return {"marked": marked, "unread": 0}


@router.post(
    "/notifications/{notification_id}/read/",
    response={204: None, 404: ErrorOut},
    auth=signed_in,
    summary="Mark one of your notifications read",
    description="404 for a notification that is not yours or is about something you may no "
    "longer read.",
)
def mark_notification_read(request, notification_id: int):
    notes = _notifications(request.auth).filter(pk=notification_id)
    if not notes.exists():
        raise Http404
    services.mark_read(notes)
    return 204, None
