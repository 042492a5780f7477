"""A self-guided tool's step marked done or not done, kept in the reader's session only.

Its own URL outside the page, so the page carries no CSRF token and a reader without a
session is served it from the page cache like any other page. The POST is checked by its
origin instead of a token: its ``Origin`` header (else its ``Referer``) must be this site or
one of ``CSRF_TRUSTED_ORIGINS``, as every current browser sends on a form's POST, and the
session cookie is ``SameSite=Lax``, so another site can neither forge the request nor send it
with the reader's session. The worst a forged request could do is tick a box in a session."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import PageViewRestriction
from wagtail.wagtail_hooks import require_wagtail_login

from .models import SelfGuidedToolPage


def same_origin(request):
    """Whether the POST comes from a page of this site (or of a trusted origin)."""
    origin = request.META.get("HTTP_ORIGIN")
    if not origin:
        parts = urlsplit(request.META.get("HTTP_REFERER", ""))
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    if not origin or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or origin in set(
        settings.CSRF_TRUSTED_ORIGINS
    )


@csrf_exempt  # checked by its origin (above): the page that posts here is cached for everyone
@require_POST
def tool_progress(request, page_id):
    if not same_origin(request):
        raise PermissionDenied("This form was sent from another site.")
    tool = get_object_or_404(SelfGuidedToolPage.objects.live(), pk=page_id)
    for restriction in tool.get_view_restrictions():
        if not restriction.accept_request(request):
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                raise PermissionDenied("This tool's password is asked on its page.")
            return require_wagtail_login(next=tool.get_url(request))  # back to the tool after
    try:
        step = int(request.POST.get("step", ""))
    except ValueError as exc:
        raise Http404("Unknown step.") from exc
    if not 0 <= step < len(tool.steps):
        raise Http404("Unknown step.")
    tool.mark_step(request, step, done=request.POST.get("done") == "1")
    return HttpResponseRedirect(f"{tool.get_url(request)}#step-{step}")
