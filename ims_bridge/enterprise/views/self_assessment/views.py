from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ims_bridge.reports import attachment, csv_response

from ... import access
from ... import self_assessment_service as service
from ...models import SelfAssessment
from ...self_assessment_forms import ShareForm, StepForm
from ...self_assessment_pdf import result_pdf as result_pdf_bytes

TEMPLATES = "enterprise/self_assessment/"


def _factory(request, star_id, action, change=False):
    if change and request.method == "POST":
        return service.factory_to_change(request.user, star_id)
    factory, role = access.enterprise_factory(request.user, star_id, f"sa:{action}")
    access.require(role, access.Data.SELF_ASSESSMENT, factory, change=change)
    return factory, role


def _readable(request, factory, role, pk):
    try:
        return access.self_assessments(request.user, factory, role).get(pk=pk)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None


def _own(factory, pk):
    try:
        return SelfAssessment.objects.select_related("cat_version").get(factory=factory, pk=pk)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None


def _refuse(request, factory, message, status=400):
    return render(
        request,
        TEMPLATES + "refused.html",
        {"factory": factory, "message": message},
        status=status,
    )


@login_required
def self_assessment_list(request, star_id):
    factory, role = _factory(request, star_id, "list")
    rows = []
    for item in access.self_assessments(request.user, factory, role).select_related("started_by"):
        answered, total = service.progress(item)
        rows.append({"item": item, "answered": answered, "total": total})
    return render(
        request,
        TEMPLATES + "list.html",
        {
            "factory": factory,
            "role": role,
            "rows": rows,
            "may_start": access.may_change(role, access.Data.SELF_ASSESSMENT),
            "may_compare": role in (access.Role.MEMBER, access.Role.STAFF),
            "has_open": service.in_progress(factory) is not None,
        },
    )


@login_required
@require_POST
def start(request, star_id):
    factory, role = _factory(request, star_id, "start", change=True)
    try:
        created = service.start(factory, request.user, request.LANGUAGE_CODE)
    except service.SelfAssessmentError as error:
        return _refuse(request, factory, str(error))
    return redirect("enterprise:self_assessment", factory.star_id, created.pk)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, star_id, pk):
    factory, role = _factory(request, star_id, "answer", change=True)
    item = _own(factory, pk)
    if item.is_submitted:
        if request.method == "POST":
            frozen = _("This self-assessment is submitted: it can no longer be changed.")
            return _refuse(request, factory, frozen)
        return redirect("enterprise:self_assessment_result", factory.star_id, item.pk)
    step_list = service.steps(item, request.LANGUAGE_CODE)
    if not step_list:
        return _refuse(request, factory, _("This assessment tool has no questions."), 404)
    number = _step_number(request, step_list)
    if number is None:
        return _refuse(request, factory, _("There is no such step."))
    step = step_list[number - 1]
    if request.method == "POST":
        form = StepForm(step.items, data=request.POST)
        if form.is_valid():
            try:
                service.save_answers(item, request.user, form.changed_answers())
            except service.SelfAssessmentError as error:
                return _refuse(request, factory, str(error))
            return _after_save(request, factory, item, number, len(step_list))
        status = 400
    else:
        form = StepForm(step.items)
        status = 200
    answered, total = service.progress(item)
    return render(
        request,
        TEMPLATES + "answer.html",
        {
            "factory": factory,
            "item": item,
            "steps": step_list,
            "step": step,
            "form": form,
            "answered": answered,
            "total": total,
            "is_last": number == len(step_list),
        },
        status=status,
    )


def _step_number(request, step_list):
    raw = request.POST.get("step") if request.method == "POST" else request.GET.get("step")
    if raw in (None, ""):
        return service.resume_step(step_list)
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= len(step_list):
        return None
    return int(raw)


def _after_save(request, factory, item, number, count):
    action = request.POST.get("action", "next")
    if action == "submit":
        return _submit(request, factory, item)
    if action == "later":
        messages.success(request, _("Your answers are saved. Continue whenever you like."))
        return redirect("enterprise:self_assessments", factory.star_id)
    target = {"previous": max(1, number - 1), "stay": number}.get(action, min(count, number + 1))
    messages.success(request, _("Your answers are saved."))
    url = reverse("enterprise:self_assessment", args=[factory.star_id, item.pk])
    return redirect(f"{url}?step={target}")


@login_required
@require_POST
def submit(request, star_id, pk):
    factory, role = _factory(request, star_id, "submit", change=True)
    return _submit(request, factory, _own(factory, pk))


def _submit(request, factory, item):
    if service.progress(item)[0] == 0:
        return _refuse(request, factory, _("Answer at least one question before submitting."))
    try:
        service.submit(item, request.user)
    except service.SelfAssessmentError as error:
        return _refuse(request, factory, str(error))
    messages.success(request, _("The self-assessment is submitted. Here is its result."))
    return redirect("enterprise:self_assessment_result", factory.star_id, item.pk)


def _result_of(request, star_id, pk, action):
    """(factory, role, self-assessment) whose result the user may read: the one access path
    of the result page and its downloads."""
    factory, role = _factory(request, star_id, action)
    return factory, role, _readable(request, factory, role, pk)


@login_required
def result(request, star_id, pk):
    factory, role, item = _result_of(request, star_id, pk, "result")
    groups = service.result_groups(item, request.LANGUAGE_CODE)
    if request.GET.get("format") == "csv":
        return _result_csv(factory, item, groups)
    answered, total = service.progress(item)
    return render(
        request,
        TEMPLATES + "result.html",
        {
            "factory": factory,
            "role": role,
            "item": item,
            "groups": groups,
            "answered": answered,
            "total": total,
            "may_share": item.is_submitted and role == access.Role.MEMBER,
            "may_compare": role in (access.Role.MEMBER, access.Role.STAFF),
        },
    )


@login_required
def result_pdf(request, star_id, pk):
    """The submitted result as PDF in the reader's language (a draft has no result to file)."""
    factory, _role, item = _result_of(request, star_id, pk, "result_pdf")
    if not item.is_submitted:
        raise Http404
    groups = service.result_groups(item, request.LANGUAGE_CODE)
    answered, total = service.progress(item)
    response = HttpResponse(
        result_pdf_bytes(factory, item, groups, answered, total), content_type="application/pdf"
    )
    response["Content-Disposition"] = attachment(f"self-assessment-{factory.star_id}-{item.pk}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


def _result_csv(factory, item, groups):
    rows = []
    for cluster_name, core, points in groups:
        for group in points:
            for question_item in group.items:
                question = question_item.question
                rows.append(
                    [cluster_name, _("yes") if core else _("no"), group.name, question.star_id]
                    + [_safe_cell(question.label)]
                )
    header = [_("Cluster"), _("Core labour standard"), _("Compliance point"), _("Question")]
    header.append(_("Question text"))
    return csv_response(f"self-assessment-{factory.star_id}-{item.pk}.csv", header, rows)


def _safe_cell(text):
    """Spreadsheets run a cell that starts like a formula; quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_http_methods(["GET", "POST"])
def share(request, star_id, pk):
    factory, role = _factory(request, star_id, "share", change=True)
    item = _own(factory, pk)
    if not item.is_submitted:
        return _refuse(request, factory, _("Only a submitted result can be shared."))
    if request.method == "POST":
        form = ShareForm(factory, data=request.POST)
        if form.is_valid():
            item.shared_with.set(form.cleaned_data["grants"])
            messages.success(request, _("Sharing saved."))
            return redirect("enterprise:self_assessment_result", factory.star_id, item.pk)
        status = 400
    else:
        active = ShareForm(factory).fields["grants"].queryset
        form = ShareForm(factory, initial={"grants": list(item.shared_with.filter(pk__in=active))})
        status = 200
    return render(
        request,
        TEMPLATES + "share.html",
        {"factory": factory, "item": item, "form": form},
        status=status,
    )


@login_required
def compare(request, star_id, pk):
    factory, role = _factory(request, star_id, "compare")
    if role not in (access.Role.MEMBER, access.Role.STAFF):
        raise PermissionDenied
    item = _readable(request, factory, role, pk)
    assessment = service.latest_assessment(factory)
    rows = service.compare(item, assessment, request.LANGUAGE_CODE)
    counts = {}
    for row in rows:
        counts[row["agreement"]] = counts.get(row["agreement"], 0) + 1
    return render(
        request,
        TEMPLATES + "compare.html",
        {
            "factory": factory,
            "item": item,
            "assessment": assessment,
            "rows": rows,
            "counts": counts,
            "agreement": service.Agreement,
        },
    )
