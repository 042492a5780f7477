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
from .newsletter import Frequency, NewsletterDigest, NewsletterPending, NewsletterSubscription
from .notifications import Notification, Subscription
from .trainers import Certificate, ProgrammeRecord, ProgrammeStatus, TrainerProfile

__all__ = [
    "ApiToken",
    "Attachment",
    "Certificate",
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
    "Frequency",
    "Invitation",
    "JoinRequest",
    "Membership",
    "ModerationLog",
    "NewsletterDigest",
    "NewsletterPending",
    "NewsletterSubscription",
    "Notification",
    "Post",
    "PostRevision",
    "ProgrammeRecord",
    "ProgrammeStatus",
    "Profile",
    "RegistrationStatus",
    "member_name",
    "Role",
    "Status",
    "Subscription",
    "Thread",
    "TrainerProfile",
    "Visibility",
]
