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
from .newsletter import Frequency, NewsletterDigest, NewsletterSubscription
from .notifications import Notification, Subscription

__all__ = [
    "ApiToken",
    "Attachment",
    "Community",
    "CommunityTranslation",
    "EmailMode",
    "Flag",
    "Frequency",
    "Invitation",
    "JoinRequest",
    "Membership",
    "ModerationLog",
    "NewsletterDigest",
    "NewsletterSubscription",
    "Notification",
    "Post",
    "PostRevision",
    "Profile",
    "member_name",
    "Role",
    "Status",
    "Subscription",
    "Thread",
    "Visibility",
]
