""" "Discuss this resource": the thread about a portal page."""

from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import services
from ..models import Thread
from .guards import login_url


def discuss(request):
    """Find (or, for a signed-in reader, create) the thread about a portal page."""
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
    community = services.default_discussion_community(create=True)
    if community is None:
        raise Http404
    thread = Thread.objects.filter(community=community, subject_page=page).first()
    if thread is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url())
        specific = page.specific
        url = specific.get_full_url(request) or ""
        body = _("Discussion about [%(title)s](%(url)s).") % {
            "title": specific.title.replace("]", ""),
            "url": url,
        }
        try:
            thread = services.create_thread(
                community, request.user, specific.title[:200], body, subject_page=page
            )
        except IntegrityError:
            thread = Thread.objects.get(community=community, subject_page=page)
    return redirect(thread)
