"""The communities API's request and response schemas."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from portal.api_pagination import Paged

from ..models import Flag

# --- schemas ------------------------------------------------------------------------------------


MAX_ATTACHMENTS = 5

LANG_HELP = (
    "`lang` is the reader's language: name and description in that language where the "
    "community has a translation, otherwise in the community's own language (`name_language`, "
    "`description_language` say which). Without `lang`, the original text."
)


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


class ViewerOut(Schema):
    """What the signed-in reader is and may do in the community (null for anonymous readers)."""

    role: str | None = Field(description="member, moderator or owner; null if none.")
    status: str | None = Field(description="active, pending or suspended; null if no membership.")
    pending_request: bool = Field(description="A join request of theirs waits for a moderator.")
    following: bool
    can_read: bool
    can_post: bool
    can_join: bool
    can_leave: bool
    can_moderate: bool


class CommunityDetailOut(CommunityOut):
    viewer: ViewerOut | None


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
    author_role: str | None = Field(
        None, description="owner or moderator of the community, or staff; null otherwise."
    )
    html: str = Field(description="Sanitised HTML rendering of the Markdown body.")
    created_at: datetime
    edited: bool
    hidden: bool = Field(
        False,
        description="Hidden by a moderator (only its author and the moderators still see it).",
    )
    attachments: list[str] = Field(description="Download URLs (permission-checked).")
    can_edit: bool = Field(False, description="The reader may edit this post.")
    can_flag: bool = Field(False, description="The reader may flag this post.")


POSTS_HELP = (
    "`posts` is the first page of the posts the reader may see (oldest first, `page_size` per "
    "page, 20 by default); `posts.next` is the URL of the next page of "
    "`GET /threads/{thread_id}/posts/`."
)


class ThreadOut(ThreadSummaryOut):
    following: bool = Field(description="The signed-in reader follows the thread.")
    can_reply: bool
    can_moderate: bool
    posts: Paged[PostOut]


class NotificationOut(Schema):
    id: int
    kind: str
    title: str = Field(description="The thread's title, or the community's name.")
    url: str
    created_at: datetime
    read: bool


class InboxOut(Paged[NotificationOut]):
    unread: int = Field(description="Unread notifications in all pages.")


class MarkedOut(Schema):
    marked: int = Field(description="Notifications that were unread and are read now.")
    unread: int


class AttachmentOut(Schema):
    id: int = Field(description="Give it in `attachments` when starting a thread or replying.")
    name: str
    size: int
    content_type: str
    kind: str
    url: str


class ThreadIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20000)
    attachments: list[int] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS,
        description="Ids of files you uploaded with `POST /{slug}/attachments/` and not yet "
        "attached to a post.",
    )


class ReplyIn(Schema):
    body: str = Field(min_length=1, max_length=20000)
    attachments: list[int] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS,
        description=ThreadIn.model_fields["attachments"].description,
    )


class EditIn(Schema):
    body: str | None = Field(None, min_length=1, max_length=20000)
    title: str | None = Field(
        None, max_length=200, description="The thread's new title (opening post only)."
    )


class JoinIn(Schema):
    message: str = Field(
        "", max_length=1000, description="For the moderators of a members-only community."
    )


class JoinOut(Schema):
    state: Literal["member", "requested"] = Field(
        description="member: joined now (public community); requested: a join request waits "
        "for a moderator (members-only community)."
    )
    role: str | None


class FollowOut(Schema):
    following: bool


class FlagIn(Schema):
    reason: Flag.Reason
    detail: str = Field("", max_length=500)


class FlagOut(Schema):
    id: int
    reason: str
    detail: str
    created_at: datetime


class FlagQueueOut(FlagOut):
    flagged_by: AuthorOut
    post: PostOut
    thread_id: int
    thread_title: str


class HideIn(Schema):
    reason: str = Field("", max_length=300)


class ThreadModerationIn(Schema):
    action: Literal["pin", "unpin", "lock", "unlock"]


class JoinRequestOut(Schema):
    id: int
    user: AuthorOut
    message: str
    status: str
    created_at: datetime


class DecisionIn(Schema):
    decision: Literal["approve", "decline"]


class MemberOut(Schema):
    user: AuthorOut
    user_id: int
    role: str
    status: str
    joined_at: datetime


class LogOut(Schema):
    action: str
    actor: AuthorOut | None
    target_user: AuthorOut | None
    thread_id: int | None
    post_id: int | None
    detail: str
    created_at: datetime


class RevisionOut(Schema):
    body: str = Field(description="The Markdown the post had before this edit.")
    edited_by: AuthorOut | None
    created_at: datetime


class MoveIn(Schema):
    community: str = Field(max_length=80, description="The slug of the community to move to.")


class InvitationIn(Schema):
    email: str = Field(max_length=254)


class InvitationOut(Schema):
    email: str
    expires_at: datetime
