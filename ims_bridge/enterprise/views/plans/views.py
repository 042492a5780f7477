"""The improvement plan pages: list, timeline, one action, edit/add, actions from results,
evidence, PICC participants and the user's plan e-mail choices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from ims_bridge.models import Assessment, PlanStatus
from ims_bridge.reports import names_in
from portal import formatting
from portal.components import Download, file_format
from portal.models import CompliancePoint

from ... import access, plans_actions
from ...access import Data, Role
from ...models import (
    Evidence,
    PlanAction,
    PlanActionEvent,
    PlanNotificationPreference,
    PlanParticipant,
    SelfAssessment,
    SelfAssessmentStatus,
)
from . import dashboard, history, timeline
from .forms import ActionAddForm, ActionEditForm, EvidenceForm, NotificationForm, ParticipantForm

GROUPS = ("status", "point")


def _factory(request, star_id, data=None, change=False, roles=None):
    return access.checked_factory(request.user, star_id, data, change, roles)


def _bound(request, files=False):
    """A form's data: bound on POST even when the body is empty (all boxes unticked)."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def _log(request, factory, view):
    access.log_read(request.user, factory, f"enterprise:{view}")


def _action(factory, pk):
    return get_object_or_404(
        PlanAction.objects.select_related("compliance_point"), factory=factory, pk=pk
    )


def _context(factory, role, **extra):
    return {
        "factory": factory,
        "role": role,
        "can_change": access.may_change(role, Data.PLAN),
        "can_read_evidence": access.may_read(role, Data.EVIDENCE, factory),
        "can_add_evidence": access.may_change(role, Data.EVIDENCE),
        **extra,
    }


def _filtered(request, factory):
    actions = PlanAction.objects.filter(factory=factory).select_related("compliance_point")
    status = request.GET.get("status", "")
    if status in PlanStatus.values:
        actions = actions.filter(status=status)
    owner = request.GET.get("owner", "").strip()[:200]
    if owner:
        actions = actions.filter(owner=owner)
    overdue = request.GET.get("overdue") == "1"
    if overdue:
        actions = actions.filter(due_date__lt=timezone.localdate()).exclude(
            status=PlanStatus.COMPLETED
        )
    filters = {"status": status if status in PlanStatus.values else "", "owner": owner}
    filters["overdue"] = overdue
    return actions, filters


@login_required
def plan(request, star_id):
    factory, role = _factory(request, star_id, Data.PLAN)
    _log(request, factory, "plan")
    actions, filters = _filtered(request, factory)
    group = request.GET.get("group") if request.GET.get("group") in GROUPS else "status"
    actions = list(actions.annotate(evidence_count=Count("evidence")))
    names = names_in(CompliancePoint, Locale.get_active())
    for a in actions:
        a.point_name = names.get(a.compliance_point.translation_key, a.compliance_point.name)
    groups = {}
    if group == "status":
        for value, label in PlanStatus.choices:
            groups[label] = [a for a in actions if a.status == value]
    else:
        for a in sorted(actions, key=lambda a: (a.point_name, a.due_date or timezone.localdate())):
            groups.setdefault(a.point_name, []).append(a)
    owners = (
        PlanAction.objects.filter(factory=factory)
        .exclude(owner="")
        .values_list("owner", flat=True)
        .distinct()
        .order_by("owner")
    )
    return render(
        request,
        "enterprise/plans/plan.html",
        _context(
            factory,
            role,
            groups=groups,
            group=group,
            filters=filters,
            owners=list(owners),
            statuses=PlanStatus.choices,
            progress=dashboard.progress(factory),
            today=timezone.localdate(),
        ),
    )


@login_required
def plan_timeline(request, star_id):
    factory, role = _factory(request, star_id, Data.PLAN)
    _log(request, factory, "plan_timeline")
    actions = list(
        PlanAction.objects.filter(factory=factory)
        .select_related("compliance_point")
        .order_by("due_date", "pk")
    )
    return render(
        request,
        "enterprise/plans/timeline.html",
        _context(factory, role, timeline=timeline.layout(actions), today=timezone.localdate()),
    )


@login_required
def plan_action(request, star_id, pk):
    factory, role = _factory(request, star_id, Data.PLAN)
    action = _action(factory, pk)
    _log(request, factory, "plan_action")
    events = (
        PlanActionEvent.objects.filter(action=action).select_related("user").order_by("-at", "-pk")
    )
    context = _context(
        factory,
        role,
        action=action,
        events=history.describe(events),
        trainings=action.trainings.select_related("module"),
        today=timezone.localdate(),
    )
    if context["can_read_evidence"]:
        context["evidence"] = [
            _evidence_download(factory, file)
            for file in action.evidence.select_related("uploaded_by")
        ]
    return render(request, "enterprise/plans/action.html", context)


def _evidence_download(factory, file):
    name = file.original_name
    return Download(
        url=reverse("enterprise:plan_evidence_download", args=[factory.star_id, file.pk]),
        label=name,
        file_format=file_format(name),
        facts=[
            (_("Size"), formatting.digits(filesizeformat(file.size))),
            (_("Date"), formatting.format_date(file.uploaded_at, "SHORT_DATE_FORMAT")),
        ],
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_action_edit(request, star_id, pk):
    factory, role = _factory(request, star_id, Data.PLAN, change=True)
    action = _action(factory, pk)
    _log(request, factory, "plan_action_edit")
    form = ActionEditForm(*_bound(request), instance=action, factory=factory)
    if request.method == "POST" and form.is_valid():
        # The form wrote its values on ``action``: compare them with a fresh copy.
        original = PlanAction.objects.get(pk=action.pk)
        changes = {f: form.cleaned_data[f] for f in ("owner", "due_date", "status", "notes")}
        events = plans_actions.update_action(
            original, request.user, changes, trainings=list(form.cleaned_data["trainings"])
        )
        if events:
            messages.success(request, _("The action was saved."))
        else:
            messages.info(request, _("Nothing changed."))
        return redirect("enterprise:plan_action", factory.star_id, action.pk)
    return render(
        request,
        "enterprise/plans/action_form.html",
        _context(factory, role, form=form, action=action),
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_action_add(request, star_id):
    factory, role = _factory(request, star_id, Data.PLAN, change=True)
    _log(request, factory, "plan_action_add")
    form = ActionAddForm(*_bound(request), factory=factory)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        trainings = list(data.pop("trainings"))
        action = plans_actions.create_action(factory, request.user, trainings=trainings, **data)
        messages.success(request, _("The action was added to the plan."))
        return redirect("enterprise:plan_action", factory.star_id, action.pk)
    return render(
        request,
        "enterprise/plans/action_form.html",
        _context(factory, role, form=form, action=None),
        status=400 if form.is_bound and form.errors else 200,
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def result_sources(factory):
    return {
        "self_assessments": SelfAssessment.objects.filter(
            factory=factory, status=SelfAssessmentStatus.SUBMITTED
        ).order_by("-submitted_at"),
        "assessments": Assessment.objects.filter(factory=factory).order_by("-start_date"),
    }


def find_source(factory, kind, pk):
    """The SelfAssessment (kind "self_assessment", submitted) or STAR Assessment ("assessment")
    of this factory, or None."""
    pk = _int(pk)
    if pk is None:
        return None
    sources = result_sources(factory)
    if kind == "self_assessment":
        return sources["self_assessments"].filter(pk=pk).first()
    if kind == "assessment":
        return sources["assessments"].filter(pk=pk).first()
    return None


@login_required
@require_http_methods(["GET", "POST"])
def plan_from_results(request, star_id):
    factory, role = _factory(request, star_id, Data.PLAN, change=True)
    _log(request, factory, "plan_from_results")
    data = request.POST if request.method == "POST" else request.GET
    kind = data.get("kind", "")
    source = find_source(factory, kind, data.get("source")) if kind else None
    status = 200
    error = None
    if (kind or data.get("source")) and source is None:
        error, status = _("Choose one of this factory's assessments."), 400
    if request.method == "POST" and source is not None:
        points = [_int(p) for p in request.POST.getlist("points")]
        try:
            created, skipped = plans_actions.actions_from_results(
                factory, request.user, source, [p for p in points if p is not None]
            )
        except ValidationError as exc:
            error, status = exc.messages[0], 400
        else:
            messages.success(
                request,
                _("Actions added: %(created)s; already in the plan: %(skipped)s.")
                % {"created": len(created), "skipped": len(skipped)},
            )
            return redirect("enterprise:plan", factory.star_id)
    lines = []
    if source is not None:
        existing = set(
            PlanAction.objects.filter(factory=factory, **{kind: source}).values_list(
                "compliance_point_id", flat=True
            )
        )
        for pk, result in plans_actions.noncompliant_lines(source).items():
            lines.append({"result": result, "planned": pk in existing})
    return render(
        request,
        "enterprise/plans/from_results.html",
        _context(
            factory,
            role,
            kind=kind,
            source=source,
            lines=lines,
            error=error,
            **result_sources(factory),
        ),
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_evidence_upload(request, star_id, pk):
    factory, role = _factory(request, star_id, Data.EVIDENCE, change=True)
    action = _action(factory, pk)
    _log(request, factory, "plan_evidence_upload")
    form = EvidenceForm(*_bound(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            plans_actions.add_evidence(action, request.user, form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The evidence file was added."))
            return redirect("enterprise:plan_action", factory.star_id, action.pk)
    return render(
        request,
        "enterprise/plans/evidence_form.html",
        _context(
            factory,
            role,
            form=form,
            action=action,
            max_mb=plans_actions.evidence_max_size() // (1024 * 1024),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def plan_evidence_download(request, star_id, pk):
    factory, role = _factory(request, star_id, Data.EVIDENCE)
    evidence = get_object_or_404(Evidence, action__factory=factory, pk=pk)
    _log(request, factory, "plan_evidence_download")
    return evidence_response(evidence)


def evidence_response(evidence):
    """The evidence file as a download that no browser renders or runs (page and API)."""
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def plan_participants(request, star_id):
    """The PICC and others working on the plan: members change it, staff read it."""
    factory, role = _factory(request, star_id, roles=(Role.MEMBER, Role.STAFF))
    can_change = role == Role.MEMBER
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    form = ParticipantForm(*_bound(request)) if can_change else None
    status = 200
    if request.method == "POST":
        remove = request.POST.get("remove")
        if remove is not None:
            participant = get_object_or_404(PlanParticipant, factory=factory, pk=_int(remove) or 0)
            _log(request, factory, "plan_participants")
            participant.delete()
            messages.success(request, _("%(name)s was removed.") % {"name": participant.name})
            return redirect("enterprise:plan_participants", factory.star_id)
        _log(request, factory, "plan_participants")
        if form.is_valid():
            participant = form.save(commit=False)
            participant.factory = factory
            participant.save()
            messages.success(request, _("%(name)s was added.") % {"name": participant.name})
            return redirect("enterprise:plan_participants", factory.star_id)
        status = 400
    if request.method == "GET":
        _log(request, factory, "plan_participants")
    return render(
        request,
        "enterprise/plans/participants.html",
        {
            "factory": factory,
            "role": role,
            "participants": PlanParticipant.objects.filter(factory=factory),
            "form": form,
            "can_change": can_change,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_notifications(request, star_id):
    """The signed-in user's own plan e-mail choices (they apply to every factory)."""
    factory, role = _factory(request, star_id, roles=(Role.MEMBER, Role.STAFF, Role.BUYER))
    _log(request, factory, "plan_notifications")
    preference = PlanNotificationPreference.objects.filter(
        user=request.user
    ).first() or PlanNotificationPreference(user=request.user)
    form = NotificationForm(*_bound(request), instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your choices were saved."))
        return redirect("enterprise:plan_notifications", factory.star_id)
    return render(
        request,
        "enterprise/plans/notifications.html",
        {"factory": factory, "role": role, "form": form},
    )
