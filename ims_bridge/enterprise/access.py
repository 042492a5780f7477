"""Who may read and change a factory's enterprise data.

The factory itself is always looked up through ``Factory.objects.visible_to(user)`` (via
``ims_bridge.access``): a factory the user may not see is a 404, never a hint that it exists.
Within a visible factory, the user's ``Role`` decides what they read and change:

=================  ==========================================================================
role               enterprise data
=================  ==========================================================================
member             (factory user) reads and changes everything of its own factory
staff              (country programme staff, global staff) reads everything for advisory work,
                   changes the improvement plan and trainings
buyer              (active grant) reads the plan and its history, trainings and the progress
                   report; a self-assessment only if the factory shared that result with it;
                   indicators only if the factory shares them
inspector          (labour inspectorate, where the country shares factory results) none: it
                   reads the independent assessment reports, not the factory's own tools
=================  ==========================================================================
"""

import enum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from ims_bridge import access as factory_access
from ims_bridge.models import (
    CountryStaff,
    FactoryAccessGrant,
    FactoryAccessLog,
    FactoryMembership,
    is_global_staff,
)

from .models import FactorySharing, SelfAssessment, SelfAssessmentStatus


class Role(enum.StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    BUYER = "buyer"
    INSPECTOR = "inspector"


class Data(enum.StrEnum):
    SELF_ASSESSMENT = "self_assessment"
    PLAN = "plan"
    EVIDENCE = "evidence"
    TRAINING = "training"
    INDICATORS = "indicators"
    PROGRESS = "progress"
    SHARING = "sharing"


READ = {
    Role.MEMBER: set(Data),
    Role.STAFF: set(Data),
    # Self-assessments and indicators: only what the factory shared (see may_read).
    Role.BUYER: {Data.PLAN, Data.TRAINING, Data.PROGRESS, Data.SELF_ASSESSMENT, Data.INDICATORS},
    Role.INSPECTOR: set(),
}
CHANGE = {
    Role.MEMBER: set(Data) - {Data.PROGRESS},
    Role.STAFF: {Data.PLAN, Data.EVIDENCE, Data.TRAINING},
    Role.BUYER: set(),
    Role.INSPECTOR: set(),
}


def role_for(user, factory):
    """The user's role for a factory they can see (``visible_to``), else None."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if FactoryMembership.objects.filter(user=user, factory=factory).exists():
        return Role.MEMBER
    if (
        is_global_staff(user)
        or CountryStaff.objects.filter(user=user, country_id=factory.country_id).exists()
    ):
        return Role.STAFF
    if FactoryAccessGrant.objects.active().filter(buyer=user, factory=factory).exists():
        return Role.BUYER
    if factory_access.visible_factories(user).filter(pk=factory.pk).exists():
        return Role.INSPECTOR
    return None


def enterprise_factory(user, star_id, action):
    """(factory, role) for a factory the user may see, logging the read; Http404 otherwise."""
    factory = factory_access.get_visible_factory(user, star_id, f"enterprise:{action}"[:32])
    return factory, role_for(user, factory)


def checked_factory(user, star_id, data=None, change=False, roles=None):
    """(factory, role) with nothing logged: Http404 for a factory the user cannot see,
    PermissionDenied when the role may not read (or change) ``data``, or is not one of
    ``roles``. Writes use it so that a refused write leaves every table as it was; reads
    call ``log_read`` once they are allowed and their objects found."""
    factory = factory_access.visible_factories(user).filter(star_id=star_id).first()
    if factory is None:
        raise Http404
    role = role_for(user, factory)
    if roles is not None:
        if role not in roles:
            raise PermissionDenied
    else:
        require(role, data, factory, change=change)
    return factory, role


def log_read(user, factory, action):
    FactoryAccessLog.objects.create(user=user, factory=factory, action=action[:32])


def shares_indicators(factory):
    return FactorySharing.objects.filter(factory=factory, indicators_with_buyers=True).exists()


def may_read(role, data, factory=None):
    if role is None or data not in READ[role]:
        return False
    if role == Role.BUYER and data == Data.INDICATORS:
        return factory is not None and shares_indicators(factory)
    return True


def may_change(role, data):
    return role is not None and data in CHANGE[role]


def require(role, data, factory=None, change=False):
    """PermissionDenied unless the role may read (or change) this kind of data."""
    allowed = may_change(role, data) if change else may_read(role, data, factory)
    if not allowed:
        raise PermissionDenied


def self_assessments(user, factory, role):
    """The self-assessments of a factory this user may read: all of them for members and
    staff; for a buyer, the submitted ones the factory shared through that buyer's active
    grant."""
    qs = SelfAssessment.objects.filter(factory=factory).select_related("cat_version")
    if role in (Role.MEMBER, Role.STAFF):
        return qs
    if role == Role.BUYER:
        grants = FactoryAccessGrant.objects.active().filter(buyer=user, factory=factory)
        return qs.filter(
            Q(status=SelfAssessmentStatus.SUBMITTED) & Q(shared_with__in=grants)
        ).distinct()
    return qs.none()


def enterprise_factories(user):
    """Factories whose enterprise pages the user has any use for (members and staff), for
    the 'my factories' list; buyers find theirs through the factory reports."""
    factories = factory_access.visible_factories(user)
    if is_global_staff(user):
        return factories
    return factories.filter(Q(memberships__user=user) | Q(country__ims_staff__user=user)).distinct()


def follows_some_plan(user):
    """Whether the user is a member, staff or buyer of some factory: the roles that choose
    their plan e-mails (the notifications page is open to them on any factory they see)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return (
        is_global_staff(user)
        or FactoryMembership.objects.filter(user=user).exists()
        or CountryStaff.objects.filter(user=user).exists()
        or FactoryAccessGrant.objects.active().filter(buyer=user).exists()
    )
