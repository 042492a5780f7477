"""Communities of practice: spaces, people, discussions, moderation and notifications."""

from .accounts import ApiToken, EmailMode, Profile, member_name
from .community import (
    Community,
    CommunityTranslation,
    Invitation,
    JoinRequest,
    Membership,
    Role,
    Status,
    Visibility,
)
from .discussion import Attachment, Flag, ModerationLog, Post, PostRevision, Thread
from .events import (
    EventIndexPage,
    EventKind,
    EventMaterial,
    EventPage,
    EventRegistration,
    EventRoster,
    RegistrationStatus,
)
from .notifications import Notification, Subscription

__all__ = [
    "ApiToken",
    "Attachment",
    "Community",
    "CommunityTranslation",
    "EmailMode",
    "EventIndexPage",
    "EventKind",
    "EventMaterial",
    "EventPage",
    "EventRegistration",
    "EventRoster",
    "Flag",
    "Invitation",
    "JoinRequest",
    "Membership",
    "ModerationLog",
    "Notification",
    "Post",
    "PostRevision",
    "Profile",
    "RegistrationStatus",
    "member_name",
    "Role",
    "Status",
    "Subscription",
    "Thread",
    "Visibility",
]
