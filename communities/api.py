"""Communities API (mounted at /api/v2/communities/): read public (or, signed in, readable)
communities and threads; post threads and replies with a session (CSRF checked) or a personal
bearer token; read your notifications. Every decision goes through communities.permissions,
like the HTML views."""

from datetime import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from portal.api_auth import reader, signed_in

from . import permissions, services
from .models import Community, Post, Thread
from .ratelimits import posting_limited

router = Router(tags=["communities"])


class CommunityOut(Schema):
    slug: str
    name: str
    description: str
    language: str = Field(description="The language the community was written in.")
    name_language: str = Field(description="The language `name` is in.")
    description_language: str = Field(description="The language `description` is in.")
    visibility: str
    languages: list[str]
    url: str


class AuthorOut(Schema):
    username: str
    display_name: str


class ThreadSummaryOut(Schema):
    id: int
    title: str
    community: str
    author: AuthorOut | None
    created_at: datetime
    last_activity_at: datetime
    reply_count: int
    pinned: bool
    locked: bool
    url: str


class PostOut(Schema):
    id: int
    author: AuthorOut | None
    html: str = Field(description="Sanitised HTML rendering of the Markdown body.")
    created_at: datetime
    edited: bool
    attachments: list[str]


class ThreadOut(ThreadSummaryOut):
    posts: list[PostOut]


class NotificationOut(Schema):
    id: int
    kind: str
    title: str = Field(description="The thread's title, or the community's name.")
    url: str
    created_at: datetime
    read: bool


class InboxOut(Schema):
    unread: int
    notifications: list[NotificationOut]


class ThreadIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20000)


class ReplyIn(Schema):
    body: str = Field(min_length=1, max_length=20000)


def _author(user):
    if user is None:
        return None
    profile = getattr(user, "community_profile", None)
    name = (profile.display_name if profile else "") or user.get_full_name() or user.get_username()
    return {"username": user.get_username(), "display_name": name}


def _reader_language(lang):
    """`?lang=`, the reader's language, as in the resources API; None: the original text."""
    if lang is None:
        return None
    if lang not in dict(settings.LANGUAGES):
        raise HttpError(400, f"Unknown language '{lang[:20]}'.")
    return lang


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


MAX_OFFSET = 1_000_000


def _window(limit, offset):
    """A slice within what a database accepts, whatever numbers the client sent."""
    start = max(0, min(offset, MAX_OFFSET))
    return start, start + max(1, min(limit, 100))


def _readable_community(user, slug):
    community = get_object_or_404(Community, slug=slug)
    if not permissions.can_read(user, community):
        if not permissions.can_see_exists(user, community):
            raise Http404
        raise HttpError(403, _("Only members can read this community."))
    return community


def _thread(user, thread_id, select):
    """The thread if the user may read it; 404 when it is hidden from them, as if unknown."""
    thread = get_object_or_404(Thread.objects.select_related(*select), pk=thread_id)
    _readable_community(user, thread.community.slug)
    if not permissions.can_read_thread(user, thread):
        raise Http404
    return thread


@router.get(
    "/notifications/",
    response=InboxOut,
    auth=signed_in,
    summary="Your notifications about what you may read now, newest first",
)
def list_notifications(request, limit: int = 50, offset: int = 0):
    notes = permissions.readable_notifications(request.auth).select_related(
        "community", "thread__community", "post__thread__community"
    )
    start, end = _window(limit, offset)
    return {
        "unread": notes.filter(read_at__isnull=True).count(),
        "notifications": [
            {
                "id": n.pk,
                "kind": n.kind,
                "title": n.thread.title if n.thread else n.community.name,
                "url": n.get_absolute_url(),
                "created_at": n.created_at,
                "read": n.read_at is not None,
            }
            for n in notes[start:end]
        ],
    }


LANG_HELP = (
    "`lang` is the reader's language: name and description in that language where the "
    "community has a translation, otherwise in the community's own language (`name_language`, "
    "`description_language` say which). Without `lang`, the original text."
)


@router.get(
    "/",
    response=list[CommunityOut],
    summary="Communities the reader may see",
    description=LANG_HELP,
)
def list_communities(request, lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    qs = (
        permissions.visible_communities(user)
        .prefetch_related("languages", "translations")
        .order_by("name")
    )
    return [_community_out(c, language) for c in qs]


@router.get("/{slug}/", response=CommunityOut, summary="One community", description=LANG_HELP)
def get_community(request, slug: str, lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    community = get_object_or_404(
        Community.objects.prefetch_related("languages", "translations"), slug=slug
    )
    if not permissions.can_see_exists(user, community):
        raise Http404
    return _community_out(community, language)


@router.get(
    "/{slug}/threads/",
    response=list[ThreadSummaryOut],
    summary="Threads of a community the reader may read",
)
def list_threads(request, slug: str, limit: int = 30, offset: int = 0):
    user = reader(request)
    community = _readable_community(user, slug)
    start, end = _window(limit, offset)
    threads = community.threads.readable_by(user).select_related(
        "author__community_profile", "community"
    )
    return [_thread_summary(t) for t in threads[start:end]]


@router.get("/threads/{thread_id}/", response=ThreadOut, summary="A thread with its posts")
def get_thread(request, thread_id: int):
    user = reader(request)
    thread = _thread(user, thread_id, select=("community", "author"))
    posts = (
        permissions.visible_posts(user, thread)
        .select_related("author__community_profile")
        .prefetch_related("attachments")
    )
    data = _thread_summary(thread)
    data["posts"] = [
        {
            "id": p.pk,
            "author": _author(p.author),
            "html": p.html,
            "created_at": p.created_at,
            "edited": p.is_edited,
            "attachments": [a.get_absolute_url() for a in p.attachments.all()],
        }
        for p in posts[:500]
    ]
    return data


def _writer(request, community):
    user = request.auth
    if posting_limited(request):
        raise HttpError(429, _("You are posting too quickly. Please wait a few minutes."))
    return user


@router.post(
    "/{slug}/threads/",
    response={201: ThreadSummaryOut},
    auth=signed_in,
    summary="Start a thread (members)",
)
def create_thread(request, slug: str, payload: ThreadIn):
    user = request.auth
    community = _readable_community(user, slug)
    if not permissions.can_post(user, community):
        raise HttpError(403, _("Only members can start threads here."))
    _writer(request, community)
    title, body = payload.title.strip(), payload.body.strip()
    if not title or not body:
        raise HttpError(400, _("Title and body must not be blank."))
    thread = services.create_thread(community, user, title, body)
    return 201, _thread_summary(thread)


@router.post(
    "/threads/{thread_id}/replies/",
    response={201: PostOut},
    auth=signed_in,
    summary="Reply to a thread (members)",
)
def create_reply(request, thread_id: int, payload: ReplyIn):
    user = request.auth
    thread = _thread(user, thread_id, select=("community",))
    if not permissions.can_reply(user, thread):
        raise HttpError(403, _("You cannot reply to this thread."))
    _writer(request, thread.community)
    body = payload.body.strip()
    if not body:
        raise HttpError(400, _("The reply must not be blank."))
    post: Post = services.create_reply(thread, user, body)
    return 201, {
        "id": post.pk,
        "author": _author(user),
        "html": post.html,
        "created_at": post.created_at,
        "edited": False,
        "attachments": [],
    }
