"""The factory progress report as PDF, on ``ims_bridge.pdf.ReportPDF`` (the portal's PDF
fonts and text shaping: ``portal/pdf.py``)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ims_bridge.pdf import ReportPDF

from .capacity_progress import training_title


def _day(value):
    return date_format(value, "SHORT_DATE_FORMAT")


def progress_pdf(factory, progress):
    today = _day(timezone.localdate())
    pdf = ReportPDF.open(
        factory,
        _("Factory progress report"),
        _("Confidential: Better Work portal, %(date)s") % {"date": today},
    )
    if not progress.ready:
        pdf.para(_("The progress report needs two independent assessments of the factory."))
        return bytes(pdf.output())
    pdf.para(
        _("From the assessment of %(previous)s to the assessment of %(latest)s")
        % {
            "previous": _day(progress.previous.start_date),
            "latest": _day(progress.latest.start_date),
        },
        size=10,
        gap=3,
    )
    sections = [
        (_("Newly compliant"), [(c.name, c.cluster) for c in progress.newly_compliant]),
        (_("Newly non-compliant"), [(c.name, c.cluster) for c in progress.newly_noncompliant]),
    ]
    for title, rows in sections:
        pdf.para(f"{title} ({len(rows)})", size=11, bold=True, gap=1)
        if rows:
            pdf.grid([_("Compliance point"), _("Cluster")], rows, (100, 74))
        else:
            pdf.para(_("None."), gap=2)
    pdf.para(
        _("Still non-compliant: %(n)s compliance points") % {"n": progress.still_noncompliant},
        gap=3,
    )
    pdf.para(f"{_('Plan actions completed')} ({len(progress.actions)})", size=11, bold=True, gap=1)
    if progress.actions:
        pdf.grid(
            [pgettext("improvement plan", "Action"), _("Completed")],
            [(a.action, _day(timezone.localtime(a.completed_at).date())) for a in progress.actions],
            (144, 30),
        )
    else:
        pdf.para(_("None."), gap=2)
    pdf.para(f"{_('Trainings')} ({len(progress.trainings)})", size=11, bold=True, gap=1)
    if progress.trainings:
        pdf.grid(
            [_("Training"), _("Date"), _("Participants")],
            [(training_title(t), _day(t.start_date), t.participants) for t in progress.trainings],
            (114, 30, 30),
        )
    else:
        pdf.para(_("None."), gap=2)
    return bytes(pdf.output())
