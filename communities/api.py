"""Communities API (mounted at /api/communities/): read public (or, signed in, readable)
communities and threads; post threads and replies with a session (CSRF checked) or a personal
bearer token. Every decision goes through communities.permissions, like the HTML views."""

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from . import permissions, services
from .models import ApiToken, Community, Post, Thread
from .ratelimits import posting_limited


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


def token_user(key):
    if not key:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def reader(request):
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = token_user(header[7:].strip())
        if user is None:
            raise HttpError(401, _("Invalid token."))
        return user
    return getattr(request, "user", None) or AnonymousUser()


write_auth = [TokenAuth(), SessionAuth()]

router = Router(tags=["communities"])
MAX_OFFSET = 2**31


class CommunityOut(Schema):
    slug: str
    name: str
    description: str
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


def _community_out(c):
    return {
        "slug": c.slug,
        "name": c.name,
        "description": c.description,
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


def _readable_community(user, slug):
    community = get_object_or_404(Community, slug=slug)
    if not permissions.can_read(user, community):
        if not permissions.can_see_exists(user, community):
            raise Http404
        raise HttpError(403, _("Only members can read this community."))
    return community


@router.get("/", response=list[CommunityOut], summary="Communities the reader may see")
def list_communities(request):
    user = reader(request)
    qs = permissions.visible_communities(user).prefetch_related("languages").order_by("name")
    return [_community_out(c) for c in qs]


@router.get("/{slug}/", response=CommunityOut, summary="One community")
def get_community(request, slug: str):
    user = reader(request)
    community = get_object_or_404(Community.objects.prefetch_related("languages"), slug=slug)
    if not permissions.can_see_exists(user, community):
        raise Http404
    return _community_out(community)


@router.get(
    "/{slug}/threads/",
    response=list[ThreadSummaryOut],
    summary="Threads of a community the reader may read",
)
def list_threads(request, slug: str, limit: int = 30, offset: int = 0):
    user = reader(request)
    community = _readable_community(user, slug)
    limit = max(1, min(limit, 100))
    # A larger offset is past every thread anyway, and past the database's integer range.
    offset = max(0, min(offset, MAX_OFFSET))
    threads = community.threads.select_related("author__community_profile", "community")
    return [_thread_summary(t) for t in threads[offset : offset + limit]]


@router.get("/threads/{thread_id}/", response=ThreadOut, summary="A thread with its posts")
def get_thread(request, thread_id: int):
    user = reader(request)
    thread = get_object_or_404(Thread.objects.select_related("community", "author"), pk=thread_id)
    _readable_community(user, thread.community.slug)
    posts = thread.posts.select_related("author__community_profile").prefetch_related("attachments")
    if not permissions.can_moderate(user, thread.community):
        posts = posts.filter(Q(hidden=False) | Q(author_id=user.pk or 0))
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
    auth=write_auth,
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
    auth=write_auth,
    summary="Reply to a thread (members)",
)
def create_reply(request, thread_id: int, payload: ReplyIn):
    user = request.auth
    thread = get_object_or_404(Thread.objects.select_related("community"), pk=thread_id)
    _readable_community(user, thread.community.slug)
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
