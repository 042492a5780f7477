""" "Discuss this resource": the thread about a portal page. Reading it is a GET; starting it
is a POST from a confirmation page (a link or a crawler never creates anything)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import services
from ..models import Thread
from .guards import login_url


def discuss(request):
    raw = request.GET.get("page", "")
    if not raw.isdigit():
        return HttpResponse(
            _("Give the page to discuss as ?page=<id>."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    page = Page.objects.live().public().filter(pk=int(raw), depth__gt=1).first()
    if page is None:
        raise Http404
    community = services.default_discussion_community()
    thread = Thread.objects.filter(community=community, subject_page=page).first()
    if thread is not None:
        return redirect(thread)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    if request.method != "POST":
        return render(request, "communities/discuss_confirm.html", {"subject": page})
    community = services.default_discussion_community(create=True)
    if community is None:
        raise Http404
    specific = page.specific
    thread = services.discussion_about(
        community, request.user, specific, specific.get_full_url(request) or ""
    )
    return redirect(thread)
