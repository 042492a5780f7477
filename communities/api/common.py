"""What the communities API's operations share: loading what a reader may see (404 for what
they may not know exists), refusals and output helpers."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import page_of
from portal.api_params import reader_language

from .. import permissions, services
from ..models import Community, Post, Thread, member_name
from ..ratelimits import posting_limited

# --- helpers ------------------------------------------------------------------------------------


def _author(user):
    if user is None:
        return None
    return {"username": user.get_username(), "display_name": member_name(user)}


def _reader_language(lang):
    """`?lang=`, the reader's language (400 ``unknown_language``); None: the original text."""
    return None if lang is None else reader_language(lang)


def _community_out(c, lang=None):
    local = c.localized(lang or c.language)
    return {
        "slug": c.slug,
        "name": local.name,
        "description": local.description,
        "language": c.language,
        "name_language": local.name_language,
        "description_language": local.description_language,
        "visibility": c.visibility,
        "languages": [lc.language_code for lc in c.languages.all()],
        "url": c.get_absolute_url(),
    }


def _thread_summary(t):
    return {
        "id": t.pk,
        "title": t.title,
        "community": t.community.slug,
        "author": _author(t.author),
        "created_at": t.created_at,
        "last_activity_at": t.last_activity_at,
        "reply_count": t.reply_count,
        "pinned": t.pinned,
        "locked": t.locked,
        "url": t.get_absolute_url(),
    }


def _posts_out(user, thread, posts):
    """PostOut dicts for one page of a thread's posts, in a constant number of queries."""
    roles = permissions.author_roles(thread.community, {p.author_id for p in posts})
    out = []
    for p in posts:
        p.thread = thread  # one thread object: its per-reader permission answers are shared
        out.append(_post_out(user, p, roles.get(p.author_id)))
    return out


def _post_out(user, p, role=None):
    return {
        "id": p.pk,
        "author": _author(p.author),
        "author_role": role,
        "html": p.html,
        "created_at": p.created_at,
        "edited": p.is_edited,
        "hidden": p.hidden,
        "attachments": [a.get_absolute_url() for a in p.attachments.all()],
        "can_edit": permissions.can_edit_post(user, p),
        "can_flag": permissions.can_flag(user, p),
    }


def _refuse(user, community, message, code=None, thread=None):
    """The API's ``guards.deny``: a community the reader may not know exists, or a thread
    hidden from them, is not found; anything else is forbidden."""
    if not permissions.can_see_exists(user, community):
        raise Http404
    if thread is not None and permissions.thread_hidden_from(user, thread):
        raise Http404
    raise ApiError(403, message, code=code)


def _community(slug, *prefetch):
    qs = Community.objects.prefetch_related(*prefetch) if prefetch else Community.objects
    return get_object_or_404(qs, slug=slug)


def _readable_community(user, slug):
    community = _community(slug)
    if not permissions.can_read(user, community):
        _refuse(user, community, _("Only members can read this community."))
    return community


def _thread(user, thread_id, select=("community",)):
    """The thread if the user may read it; 404 when it is hidden from them, as if unknown."""
    threads = permissions.with_opening_hidden(Thread.objects.select_related(*select))
    thread = get_object_or_404(threads, pk=thread_id)
    if not permissions.can_read(user, thread.community):
        _refuse(user, thread.community, _("Only members can read this community."))
    if not permissions.can_read_thread(user, thread):
        raise Http404
    return thread


def _post(post_id):
    return get_object_or_404(
        Post.objects.select_related("thread__community", "author__community_profile"), pk=post_id
    )


def _not_limited(request):
    if posting_limited(request):
        raise HttpError(429, _("You are posting too quickly. Please wait a few minutes."))


def _own_attachments(user, ids):
    """The files of ``ids``: each uploaded by ``user`` and on no post yet, or a 400."""
    if not ids:
        return []
    found = services.unattached_uploads(user, ids)
    if len(found) != len(set(ids)):
        raise ApiError(
            400,
            _("Attach only files you uploaded and have not attached to a post yet."),
            code="invalid_attachment",
        )
    return found


def _page(request, items, params, convert=None):
    return page_of(request, items, params, convert=convert)


POSTING_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 429: ErrorOut}
