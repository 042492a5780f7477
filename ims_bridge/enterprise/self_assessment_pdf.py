"""A submitted self-assessment's result as PDF, on ``ims_bridge.pdf.ReportPDF`` (the portal's
PDF fonts and text shaping: ``portal/pdf.py``). It lays out what the HTML result page shows,
in the active language: ``groups`` as from ``self_assessment_service.result_groups``."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ims_bridge.pdf import ReportPDF
from portal.formatting import format_date, format_number


def result_pdf(factory, item, groups, answered, total):
    today = format_date(timezone.localdate(), "SHORT_DATE_FORMAT")
    pdf = ReportPDF.open(
        factory,
        _("Self-assessment result"),
        _("Confidential: Better Work portal, %(date)s") % {"date": today},
        subject_gap=3,
    )
    submitted = _("submitted on %(date)s") % {
        "date": format_date(item.submitted_at, "SHORT_DATE_FORMAT")
    }
    pdf.para(f"{item.cat_version.name} · {submitted}", size=10, gap=1)
    points = sum(len(cluster_points) for _name, _core, cluster_points in groups)
    counts = [
        _("%(answered)s of %(total)s questions answered")
        % {"answered": format_number(answered), "total": format_number(total)},
        _("Non-compliant compliance points: %(n)s") % {"n": format_number(points)},
    ]
    pdf.para(" · ".join(counts), size=10, gap=2)
    pdf.para(
        _(
            "A compliance point is non-compliant when any of its questions is answered "
            "“No, not compliant”. Core labour standards come first."
        ),
        size=9,
        gap=4,
    )
    if not groups:
        pdf.para(_("No compliance point was found non-compliant in this self-assessment."))
    for cluster_name, core, cluster_points in groups:
        heading = f"{cluster_name} · {_('Core labour standard')}" if core else cluster_name
        pdf.para(heading, size=12, bold=True, gap=1)
        rows = []
        for group in cluster_points:
            for number, question_item in enumerate(group.items):
                rows.append((group.name if number == 0 else "", question_item.question.label))
        pdf.grid([_("Compliance point"), _("Question")], rows, (55, 119))
    return bytes(pdf.output())
