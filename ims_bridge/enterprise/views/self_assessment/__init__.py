"""Self-assessment pages of a factory (see urls.py)."""

from ... import access, results
from ...models import SelfAssessmentStatus
from ...self_assessment_service import in_progress, progress


def dashboard_section(request, factory, role):
    """The latest readable result (non-compliant points) and the one in progress."""
    if not access.may_read(role, access.Data.SELF_ASSESSMENT, factory):
        return {}
    readable = access.self_assessments(request.user, factory, role)
    submitted = readable.filter(status=SelfAssessmentStatus.SUBMITTED)
    latest = submitted.order_by("-submitted_at").first()
    if latest is None and role == access.Role.BUYER:
        return {}
    section = {"factory": factory, "latest": latest, "may_start": role == access.Role.MEMBER}
    if latest is not None:
        point_results = results.self_assessment_results(latest)
        section["noncompliant"] = len(results.noncompliant_points(point_results))
        section["assessed"] = len(point_results)
    if role in (access.Role.MEMBER, access.Role.STAFF):
        current = in_progress(factory)
        section["current"] = current
        if current is not None:
            section["answered"], section["total"] = progress(current)
    return section
