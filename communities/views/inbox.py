"""In-app notifications and the e-mail footer's unsubscribe link."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from .. import permissions, services
from ..notifications import user_from_unsubscribe_token


@login_required
def notification_list(request):
    notes = (
        permissions.readable_notifications(request.user)
        .select_related("actor", "community", "thread__community", "post__thread__community")
        .prefetch_related("community__translations")
    )
    if request.method == "POST":
        services.mark_read(notes)
        return redirect("communities:notifications")
    page = Paginator(notes, 50).get_page(request.GET.get("page"))
    return render(request, "communities/notifications.html", {"notifications": page})


def unsubscribe(request, token):
    user = user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "communities/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.unsubscribe_everything(user)
        return render(request, "communities/unsubscribe.html", {"done": True})
    return render(request, "communities/unsubscribe.html", {"token": token})
