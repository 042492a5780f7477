"""Posting rate limit (django-ratelimit, cache-backed; the rate comes from settings so tests and
busy sites can tune it). Login, password reset and sign-up are throttled by django-axes
(portal/throttling), which counts failed attempts; posting is a rate of successful actions,
which axes does not model."""

from django.conf import settings
from django_ratelimit import UNSAFE
from django_ratelimit.core import get_usage, is_ratelimited


def post_rate(group, request):
    return getattr(settings, "COMMUNITIES_POST_RATE", "30/h")


def posting_limited(request):
    """Posting, replying and editing (POST on the site; POST and PATCH in the API)."""
    return is_ratelimited(
        request, group="communities.post", key="user", rate=post_rate, method=UNSAFE, increment=True
    )


def preview_limited(request):
    """A preview is refused when the next post would be (the posting budget is spent), so a
    limited writer learns it before writing more; previews themselves spend their own, larger
    budget (``COMMUNITIES_PREVIEW_RATE``, default 120/h) rather than the posting one."""
    usage = get_usage(request, group="communities.post", key="user", rate=post_rate, method=UNSAFE)
    if usage is not None and usage["count"] >= usage["limit"]:
        return True
    return _user_limited(request, "communities.preview", "COMMUNITIES_PREVIEW_RATE", "120/h")


def upload_limited(request):
    """API attachment uploads (a file for the next post): ``COMMUNITIES_UPLOAD_RATE`` (default
    60/h per user), apart from the posting budget that the post itself spends."""
    return _user_limited(request, "communities.upload", "COMMUNITIES_UPLOAD_RATE", "60/h")


def confirmation_mail_limited(request):
    """Confirmation links sent on request (an invitee confirming their address): a few an hour."""
    return _user_limited(
        request, "communities.confirmation-mail", "COMMUNITIES_CONFIRMATION_RATE", "5/h"
    )


def _user_limited(request, group, setting, default):
    """Count this POST against the user's budget for `group` (rate from `setting`)."""
    return is_ratelimited(
        request,
        group=group,
        key="user",
        rate=lambda g, r: getattr(settings, setting, default),
        method="POST",
        increment=True,
    )
