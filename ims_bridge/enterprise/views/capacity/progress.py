"""The factory progress report: page, CSV and PDF."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ims_bridge.reports import attachment, csv_response

from ...access import Data
from ...capacity_pdf import progress_pdf as render_pdf
from ...capacity_progress import csv_rows, progress_report
from .common import factory_and_role


@login_required
def progress(request, star_id):
    factory, role = factory_and_role(request, star_id, "progress", Data.PROGRESS)
    return render(
        request,
        "enterprise/capacity/progress.html",
        {"factory": factory, "role": role, "progress": progress_report(factory)},
    )


@login_required
def progress_csv(request, star_id):
    factory, _role = factory_and_role(request, star_id, "progress_csv", Data.PROGRESS)
    return csv_response(
        f"progress-{factory.star_id}.csv",
        [_("Section"), _("Item"), _("Detail"), _("Date")],
        csv_rows(progress_report(factory)),
    )


@login_required
def progress_pdf(request, star_id):
    factory, _role = factory_and_role(request, star_id, "progress_pdf", Data.PROGRESS)
    response = HttpResponse(
        render_pdf(factory, progress_report(factory)), content_type="application/pdf"
    )
    response["Content-Disposition"] = attachment(f"progress-{factory.star_id}.pdf")
    return response
