"""Monthly productivity and quality indicators: the month form, the table of recent months,
the charts beside the compliance trend, the CSV upload and export, and the sharing setting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ims_bridge.reports import csv_response

from ... import capacity_indicators as values
from ...access import Data, may_change
from ...capacity_charts import Axis, line_chart, monthly_series
from ...capacity_forms import MonthForm, SharingForm, UploadForm
from ...capacity_progress import completed_actions, compliance_trend
from ...models import FactorySharing
from .common import factory_and_role


def _month_form(request, factory, indicators):
    if request.method == "POST":
        return MonthForm(request.POST, indicators=indicators)
    try:
        month = values.parse_month(request.GET.get("month") or f"{values.this_month():%Y-%m}")
    except ValueError as error:
        raise BadRequest(str(error)) from None
    stored = values.values_by_month(factory, indicators).get(month, {})
    initial = {"month": f"{month:%Y-%m}"}
    initial.update({MonthForm.key(i): stored.get(i.pk) for i in indicators})
    return MonthForm(initial=initial, indicators=indicators)


def charts(factory, indicators, by_month):
    """The compliance trend chart and one chart per indicator, on one time axis."""
    trend = compliance_trend(factory)
    markers = completed_actions(factory)
    axis = Axis.around([*by_month, *(when for when, _v in trend), *(when for when, _t in markers)])
    compliance = line_chart(
        _("Non-compliant compliance points (% of those assessed), by assessment"),
        "%",
        trend,
        axis,
        markers,
        y_max=100,
        label=lambda day: day.isoformat(),
    )
    per_indicator = [
        line_chart(
            indicator.display_name,
            indicator.get_unit_display(),
            monthly_series(by_month, indicator),
            axis,
            markers,
        )
        for indicator in indicators
    ]
    return compliance, per_indicator


@login_required
def indicators(request, star_id):
    change = request.method == "POST"
    factory, role = factory_and_role(request, star_id, "indicators", Data.INDICATORS, change)
    indicators = values.active_indicators()
    form = _month_form(request, factory, indicators) if may_change(role, Data.INDICATORS) else None
    status = 200
    if change:
        if form.is_valid():
            month = form.cleaned_data["month"]
            values.save_month(factory, month, form.values(), request.user)
            messages.success(
                request, _("The values of %(month)s are saved.") % {"month": f"{month:%Y-%m}"}
            )
            response = redirect("enterprise:indicators", factory.star_id)
            response["Location"] += f"?month={month:%Y-%m}"
            return response
        status = 400
    by_month = values.values_by_month(factory, indicators)
    compliance, per_indicator = charts(factory, indicators, by_month)
    return render(
        request,
        "enterprise/capacity/indicators.html",
        {
            "factory": factory,
            "role": role,
            "indicators": indicators,
            "form": form,
            "table": values.recent_table(by_month, indicators),
            "compliance_chart": compliance,
            "charts": per_indicator,
            "may_share": may_change(role, Data.SHARING),
        },
        status=status,
    )


@login_required
def indicators_upload(request, star_id):
    factory, role = factory_and_role(request, star_id, "indicators_upload", Data.INDICATORS, True)
    form = UploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > values.UPLOAD_MAX_BYTES:
            errors = [_("The file is larger than 1 MB.")]
        else:
            upload = values.parse_upload(upload_file.read())
            if upload.ok:
                count = values.save_upload(factory, upload, request.user)
                messages.success(request, _("%(n)s values imported.") % {"n": count})
                return redirect("enterprise:indicators", factory.star_id)
            errors = upload.errors
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "enterprise/capacity/indicators_upload.html",
        {
            "factory": factory,
            "role": role,
            "form": form,
            "errors": errors,
            "indicators": values.active_indicators(),
        },
        status=status,
    )


@login_required
def indicators_csv(request, star_id):
    factory, _role = factory_and_role(request, star_id, "indicators_csv", Data.INDICATORS)
    return csv_response(
        f"indicators-{factory.star_id}.csv",
        ["month", "indicator", "value", "name"],
        values.export_rows(factory),
    )


@login_required
def sharing(request, star_id):
    change = request.method == "POST"
    factory, role = factory_and_role(request, star_id, "sharing", Data.SHARING, change)
    setting = FactorySharing.objects.filter(factory=factory).first() or FactorySharing(
        factory=factory
    )
    form = SharingForm(request.POST if change else None, instance=setting)
    if change and form.is_valid():
        form.save()
        messages.success(request, _("The sharing setting is saved."))
        return redirect("enterprise:sharing", factory.star_id)
    return render(
        request,
        "enterprise/capacity/sharing.html",
        {
            "factory": factory,
            "role": role,
            "form": form,
            "may_change": may_change(role, Data.SHARING),
        },
        status=400 if change else 200,
    )
