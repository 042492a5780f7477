"""A community's threads and their posts: read them, start a thread, reply (posting is
rate-limited like the site)."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from portal.api_auth import reader, signed_in
from portal.api_pagination import Paged, PageParams, page_of

from .. import permissions, services
from ..models import Post, Subscription, Thread
from ..paging import LongListPaginator
from .common import (
    POSTING_ERRORS,
    _not_limited,
    _own_attachments,
    _posts_out,
    _readable_community,
    _refuse,
    _thread,
    _thread_summary,
)
from .schemas import (
    POSTS_HELP,
    PostOut,
    ReplyIn,
    ThreadIn,
    ThreadOut,
    ThreadSummaryOut,
)

router = Router()


# --- reading ------------------------------------------------------------------------------------


@router.get(
    "/{slug}/threads/",
    response=Paged[ThreadSummaryOut],
    summary="Threads of a community the reader may read (paged; pinned first, then by activity)",
)
def list_threads(request, slug: str, params: Query[PageParams]):
    user = reader(request)
    community = _readable_community(user, slug)
    threads = (
        permissions.community_threads(user, community)
        .select_related("author__community_profile", "community")
        .order_by(*Thread.LIST_ORDER)
    )
    return page_of(
        request,
        threads,
        params,
        lambda ts: [_thread_summary(t) for t in ts],
        paginator_class=LongListPaginator,
    )


def _visible_posts(user, thread):
    return (
        permissions.visible_posts(user, thread)
        .select_related("author__community_profile")
        .prefetch_related("attachments")
    )


def _paged_posts(request, user, thread, params):
    return page_of(
        request,
        _visible_posts(user, thread),
        params,
        lambda ps: _posts_out(user, thread, ps),
        paginator_class=LongListPaginator,
    )


@router.get(
    "/threads/{thread_id}/",
    response=ThreadOut,
    summary="A thread with the first page of its posts",
    description=POSTS_HELP,
)
def get_thread(
    request,
    thread_id: int,
    page_size: int = Query(20, ge=1, le=100, description="Posts in the first page."),  # noqa: B008
):
    user = reader(request)
    thread = _thread(user, thread_id, select=("community", "author__community_profile"))
    posts = _paged_posts(request, user, thread, PageParams(page=1, page_size=page_size))
    if posts["next"]:
        posts_url = request.build_absolute_uri(f"{request.path}posts/")
        posts["next"] = f"{posts_url}?page=2&page_size={page_size}"
    following = user.is_authenticated and (
        Subscription.objects.filter(user=user, thread=thread, community=None).exists()
    )
    return {
        **_thread_summary(thread),
        "following": following,
        "can_reply": permissions.can_reply(user, thread),
        "can_moderate": permissions.can_moderate(user, thread.community),
        "posts": posts,
    }


@router.get(
    "/threads/{thread_id}/posts/",
    response=Paged[PostOut],
    summary="A thread's posts the reader may see (paged, oldest first)",
)
def list_posts(request, thread_id: int, params: Query[PageParams]):
    user = reader(request)
    thread = _thread(user, thread_id)
    return _paged_posts(request, user, thread, params)


@router.post(
    "/{slug}/threads/",
    response={201: ThreadSummaryOut, **POSTING_ERRORS},
    auth=signed_in,
    summary="Start a thread (members)",
    description="Rate-limited with replies and edits (429). `attachments`: ids from "
    "`POST /{slug}/attachments/` (400 `invalid_attachment` for any other).",
)
def create_thread(request, slug: str, payload: ThreadIn):
    user = request.auth
    community = _readable_community(user, slug)
    if not permissions.can_post(user, community):
        _refuse(user, community, _("Only members can start threads here."))
    _not_limited(request)
    title, body = payload.title.strip(), payload.body.strip()
    if not title or not body:
        raise HttpError(400, _("Title and body must not be blank."))
    files = _own_attachments(user, payload.attachments)
    thread = services.create_thread(community, user, title, body, attachments=files)
    return 201, _thread_summary(thread)


@router.post(
    "/threads/{thread_id}/replies/",
    response={201: PostOut, **POSTING_ERRORS},
    auth=signed_in,
    summary="Reply to a thread (members; moderators also in a locked thread)",
    description="Rate-limited with threads and edits (429). `attachments`: ids from "
    "`POST /{slug}/attachments/` (400 `invalid_attachment` for any other).",
)
def create_reply(request, thread_id: int, payload: ReplyIn):
    user = request.auth
    thread = _thread(user, thread_id)
    if not permissions.can_reply(user, thread):
        _refuse(user, thread.community, _("You cannot reply to this thread."), thread=thread)
    _not_limited(request)
    body = payload.body.strip()
    if not body:
        raise HttpError(400, _("The reply must not be blank."))
    files = _own_attachments(user, payload.attachments)
    post: Post = services.create_reply(thread, user, body, attachments=files)
    post.author = user
    return 201, _posts_out(user, thread, [post])[0]
