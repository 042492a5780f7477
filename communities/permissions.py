"""The one place that decides who may do what in a community. Views, the API and the
notification fan-out all ask these functions; nothing else checks roles itself.

Roles, from least to most: anonymous, signed-in non-member, member, moderator, owner; editors
(superusers or anyone with the ``communities.change_community`` permission) act as moderators
everywhere. Pending and suspended memberships count as no membership for reading and writing.
"""

import unicodedata

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Subquery, When

from .models import (
    Community,
    JoinRequest,
    Membership,
    Notification,
    Post,
    Profile,
    Role,
    Status,
    Thread,
    Visibility,
)

_CACHE_ATTR = "_community_membership_cache"


def is_editor(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("communities.change_community"))
    )


def membership(user, community):
    """The user's Membership in the community (any status), or None; cached per user object."""
    if not user.is_authenticated:
        return None
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if community.pk not in cache:
        cache[community.pk] = Membership.objects.filter(user=user, community=community).first()
    return cache[community.pk]


def forget(user):
    """Drop cached memberships after a change (join, suspension…)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def active_role(user, community):
    m = membership(user, community)
    if m is not None and m.status == Status.ACTIVE:
        return m.role
    return None


def is_member(user, community):
    return active_role(user, community) is not None


def is_suspended(user, community):
    m = membership(user, community)
    return m is not None and m.status == Status.SUSPENDED


def can_see_exists(user, community):
    """Whether the community may appear in lists and its landing page may be shown."""
    if community.visibility != Visibility.PRIVATE:
        return True
    if is_editor(user):
        return True
    return is_member(user, community)


def can_read(user, community):
    if community.visibility == Visibility.PUBLIC:
        return True
    return is_editor(user) or is_member(user, community)


MODERATING = (Role.MODERATOR, Role.OWNER)


def can_moderate(user, community):
    return is_editor(user) or active_role(user, community) in MODERATING


def can_post(user, community):
    """Start a new thread."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_editor(user) or is_member(user, community)


def can_reply(user, thread):
    community = thread.community
    if not can_post(user, community) or not can_read_thread(user, thread):
        return False
    return not thread.locked or can_moderate(user, community)


def can_edit_post(user, post):
    community = post.thread.community
    if not user.is_authenticated:
        return False
    if can_moderate(user, community):
        return True
    return (
        post.author_id == user.pk
        and can_post(user, community)
        and not post.hidden
        and can_read_thread(user, post.thread)
    )


def can_read_thread(user, thread):
    """The community is readable and the thread is not hidden from the user (a hidden opening
    post hides its thread from everyone but moderators): ``readable_threads`` for one thread,
    remembered on the thread object per user."""
    if not can_read(user, thread.community):
        return False
    cache = thread.__dict__.setdefault("_readable_by", {})
    if user.pk not in cache:
        hidden = getattr(thread, "opening_hidden", None)  # see with_opening_hidden
        if hidden is not None:  # readable_threads, answered from what the thread knows
            cache[user.pk] = not hidden or can_moderate(user, thread.community)
        else:
            cache[user.pk] = readable_threads(user, Thread.objects.filter(pk=thread.pk)).exists()
    return cache[user.pk]


def with_opening_hidden(threads):
    """Threads annotated with whether their opening post is hidden, so that ``can_read_thread``
    decides without a query of its own."""
    return threads.annotate(opening_hidden=_opening_hidden())


def thread_hidden_from(user, thread):
    """Whether a reader of the community may not know this thread exists (answer 404)."""
    return can_read(user, thread.community) and not can_read_thread(user, thread)


def can_see_post(user, post):
    if not can_read_thread(user, post.thread):
        return False
    return not post.hidden or post.author_id == user.pk or can_moderate(user, post.thread.community)


def visible_posts(user, thread):
    """The thread's posts the user may see: moderators all, others the visible ones and their
    own hidden ones (so an author knows what happened to theirs)."""
    posts = thread.posts.all()
    if can_moderate(user, thread.community):
        return posts
    if user.is_authenticated:
        return posts.filter(Q(hidden=False) | Q(author_id=user.pk))
    return posts.filter(hidden=False)


def can_flag(user, post):
    return (
        user.is_authenticated
        and post.author_id != user.pk
        and can_see_post(user, post)
        and not is_suspended(user, post.thread.community)
    )


def can_see_attachment(user, attachment):
    """An attachment not yet on a post is its uploader's; otherwise it goes with its post."""
    if attachment.post is None:
        return user.is_authenticated and attachment.uploaded_by_id == user.pk
    return can_see_post(user, attachment.post)


class JoinRefusal:
    SUSPENDED = "suspended"
    ALREADY_MEMBER = "already_member"
    INVITATION_ONLY = "invitation_only"


def join_refusal(user, community):
    """Why this signed-in user may not join (or ask to join) the community, or None if they
    may: a suspended member stays out, a member (or a pending membership) is one already, and
    a private community takes members by invitation only."""
    m = membership(user, community)
    if m is not None:
        return JoinRefusal.SUSPENDED if m.status == Status.SUSPENDED else JoinRefusal.ALREADY_MEMBER
    if community.visibility == Visibility.PRIVATE:
        return JoinRefusal.INVITATION_ONLY
    return None


def can_join(user, community):
    """One-click join (public) or join request (members-only). Private: invitation only."""
    return join_refusal(user, community) is None


def joins_at_once(community):
    """A public community takes a member at once; a members-only one through a request that a
    moderator decides."""
    return community.visibility == Visibility.PUBLIC


def can_cancel_join_request(user, join_request):
    """Only the one who asked withdraws a request, and only while it waits."""
    return (
        user.is_authenticated
        and join_request.user_id == user.pk
        and join_request.status == JoinRequest.Decision.PENDING
    )


def can_follow(user, community):
    """Following a community (new threads): signed in and able to read it."""
    return user.is_authenticated and can_read(user, community)


def can_follow_thread(user, thread):
    """Following a thread (replies): signed in and able to read the thread."""
    return user.is_authenticated and can_read_thread(user, thread)


def can_leave(user, community):
    """Members and moderators may leave; an owner hands the community over first."""
    return active_role(user, community) in (Role.MEMBER, Role.MODERATOR)


def can_invite(user, community):
    return can_moderate(user, community)


def normalised_address(address):
    """An e-mail address for comparison: surrounding spaces dropped, Unicode composed (NFC),
    ASCII letters lower-cased. No compatibility or case folding beyond ASCII, so look-alike
    characters (full-width letters, ß/ss…) stay different addresses."""
    composed = unicodedata.normalize("NFC", (address or "").strip())
    return "".join(c.lower() if c.isascii() else c for c in composed)


def same_address(a, b):
    return bool(normalised_address(a)) and normalised_address(a) == normalised_address(b)


def has_verified_address(user):
    """The account's current address is the one a confirmation link was opened for (sign-up
    does this; an account made by an administrator, or whose address changed, has not)."""
    profile = Profile.objects.filter(user=user).only("verified_email").first()
    return profile is not None and same_address(profile.verified_email, user.email)


class InvitationRefusal:
    SOMEONE_ELSE = "someone_else"
    UNCONFIRMED = "unconfirmed"


def invitation_refusal(user, invitation):
    """Why this signed-in user may not accept the invitation, or None if they may: it is for
    the account whose confirmed address is the invited one, not for whoever holds the link."""
    if not user.is_active or not same_address(user.email, invitation.email):
        return InvitationRefusal.SOMEONE_ELSE
    if not has_verified_address(user):
        return InvitationRefusal.UNCONFIRMED
    return None


def can_accept_invitation(user, invitation):
    return (
        user.is_authenticated
        and invitation.is_usable()
        and invitation_refusal(user, invitation) is None
    )


def can_suspend(user, membership):
    """Moderators suspend (and reinstate) others; nobody suspends themselves, and an owner is
    never suspended by a moderator: only editors (staff) suspend or reinstate owners. The HTML
    view and the API both ask this."""
    if not can_moderate(user, membership.community) or membership.user_id == user.pk:
        return False
    return membership.role != Role.OWNER or is_editor(user)


def readable_communities(user, queryset=None):
    """Communities whose content the user may read."""
    qs = queryset if queryset is not None else Community.objects.all()
    if is_editor(user):
        return qs
    condition = Q(visibility=Visibility.PUBLIC)
    if user.is_authenticated:
        condition |= Q(pk__in=_active_community_ids(user))
    return qs.filter(condition).distinct()


def _active_community_ids(user):
    # A subquery, not a join: joining the memberships reads every member of a big community.
    return Membership.objects.filter(user=user, status=Status.ACTIVE).values("community_id")


def _moderated_community_ids(user):
    return Membership.objects.filter(user=user, status=Status.ACTIVE, role__in=MODERATING).values(
        "community_id"
    )


def readable_threads(user, queryset=None):
    """Threads the user may read: in a community they may read, and, unless they moderate it,
    not hidden (a thread is hidden when a moderator hid its opening post). Every list of
    threads (pages, API, search, home-page blocks, notifications) goes through this."""
    qs = queryset if queryset is not None else Thread.objects.all()
    qs = qs.filter(community_id__in=readable_communities(user).values("pk"))
    if is_editor(user):
        return qs
    # Field lookups only (id, community_id): site search filters its index with this queryset.
    return qs.exclude(pk__in=_hidden_thread_ids(user))


def _opening_hidden():
    """Whether a thread's opening post is hidden, as a condition on threads (NOT EXISTS: an
    anti-join that keeps the order of ``thread_community_list``, where NOT IN would not)."""
    return Exists(Post.objects.filter(thread=OuterRef("pk"), is_opening=True, hidden=True))


def community_threads(user, community):
    """``readable_threads(user, community.threads.all())`` for one community, without asking
    again, row by row, which communities the reader may read: the community's page and its
    API list (the same answer, a query the planner can serve from ``thread_community_list``)."""
    threads = community.threads.all()
    if not can_read(user, community):
        return threads.none()
    if can_moderate(user, community):
        return threads
    return threads.filter(~_opening_hidden())


def _hidden_thread_ids(user):
    """The threads hidden from a reader who is not an editor (a subquery; few rows, read
    through the partial index of hidden posts)."""
    hidden = Post.objects.filter(is_opening=True, hidden=True)
    if user.is_authenticated:
        hidden = hidden.exclude(thread__community_id__in=_moderated_community_ids(user))
    return hidden.values("thread_id")


def readable_notifications(user, queryset=None):
    """The user's notifications about what they may read *now*: a thread moved to a community
    they are not in, hidden since, or a post hidden since, drops out (listing and sending)."""
    qs = queryset if queryset is not None else Notification.objects.all()
    qs = qs.filter(user=user) if user.is_authenticated else qs.none()
    # readable_threads(user), spelt out so that only the user's notifications are looked at
    # (a subquery of every readable thread would read them all).
    about_thread = Q(
        thread__isnull=False,
        thread__community_id__in=readable_communities(user).values("pk"),
    )
    if not is_editor(user):
        about_thread &= ~Q(thread_id__in=_hidden_thread_ids(user))
    about_community = Q(
        thread__isnull=True, community_id__in=visible_communities(user).values("pk")
    )
    qs = qs.filter(about_thread | about_community)
    if is_editor(user):
        return qs
    hidden_posts = Post.objects.filter(hidden=True).exclude(
        thread__community_id__in=_moderated_community_ids(user)
    )
    return qs.exclude(post_id__in=hidden_posts.values("pk"))


def visible_communities(user, queryset=None):
    """Communities the user may know exist (lists)."""
    qs = queryset if queryset is not None else Community.objects.all()
    if is_editor(user):
        return qs
    condition = ~Q(visibility=Visibility.PRIVATE)
    if user.is_authenticated:
        condition |= Q(pk__in=_active_community_ids(user))
    return qs.filter(condition).distinct()


def author_roles(community, user_ids):
    """``{user_id: "owner" | "moderator" | "staff"}`` for the authors shown on a page, in one
    query whatever their number: an active owner or moderator of the community is named by
    that role; otherwise an editor (who moderates everywhere, see ``is_editor``) is staff."""
    ids = {pk for pk in user_ids if pk is not None}
    if not ids:
        return {}
    role = Membership.objects.filter(
        community=community,
        user=OuterRef("pk"),
        status=Status.ACTIVE,
        role__in=MODERATING,
    ).values("role")[:1]
    rows = (
        get_user_model()
        .objects.filter(pk__in=ids)
        .annotate(
            role=Subquery(role),
            editor=Case(
                When(_editor_condition(), then=True), default=False, output_field=BooleanField()
            ),
        )
        .values_list("pk", "role", "editor")
    )
    return {pk: role or "staff" for pk, role, editor in rows if role or editor}


def _editor_condition():
    """``is_editor`` as a condition on users: active, and superusers or holders of
    ``communities.change_community`` (their own or a group's)."""
    User = get_user_model()
    perm = {"codename": "change_community", "content_type__app_label": "communities"}
    own = User.user_permissions.through.objects.filter(
        user_id=OuterRef("pk"), **{f"permission__{k}": v for k, v in perm.items()}
    )
    grouped = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), **{f"group__permissions__{k}": v for k, v in perm.items()}
    )
    return Q(is_active=True) & (Q(is_superuser=True) | Exists(own) | Exists(grouped))


def editor_ids(user_ids):
    """The editors among ``user_ids`` (``is_editor`` for many users, in one query)."""
    return set(
        get_user_model()
        .objects.filter(pk__in=list(user_ids))
        .filter(_editor_condition())
        .values_list("pk", flat=True)
    )


def _memberships(community, user_ids):
    """``{user_id: (status, role)}`` of these users in the community, in one query."""
    rows = Membership.objects.filter(community=community, user_id__in=list(user_ids))
    return {
        uid: (status, role) for uid, status, role in rows.values_list("user_id", "status", "role")
    }


def thread_readers(thread, user_ids, *, post=None, not_suspended=False):
    """The ids among ``user_ids`` (active users) that may read ``thread``: ``can_read_thread``
    for many users in a few queries, whatever their number (the notification fan-out). With
    ``post``, also those who may still be told about it (``readable_notifications``: a hidden
    post only to moderators and editors); with ``not_suspended``, without those suspended from
    the community (who read nothing there)."""
    ids = set(user_ids)
    if not ids:
        return set()
    community = thread.community
    memberships = _memberships(community, ids)
    editors = editor_ids(ids)
    thread_hidden = Post.objects.filter(thread=thread, is_opening=True, hidden=True).exists()
    post_hidden = post is not None and post.hidden
    readers = set()
    for uid in ids:
        status, role = memberships.get(uid, (None, None))
        if not_suspended and status == Status.SUSPENDED:
            continue
        if uid in editors:
            readers.add(uid)
            continue
        active = role if status == Status.ACTIVE else None
        if community.visibility != Visibility.PUBLIC and active is None:
            continue
        if (thread_hidden or post_hidden) and active not in MODERATING:
            continue
        readers.add(uid)
    return readers
