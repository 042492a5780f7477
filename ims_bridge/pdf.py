"""A factory's assessment report as PDF, beside the CSV export, on ``portal.pdf.PortalPDF``
(its fonts and shaping print Khmer, Bengali, Arabic or Vietnamese names and findings).

The caller reads the factory through ``access.get_visible_factory`` (which logs the read); this
module only lays out what ``access.factory_report`` returns."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from portal.models import CompliancePoint
from portal.pdf import PortalPDF

from . import reports
from .models import QuestionType


class ReportPDF(PortalPDF):
    def __init__(self, footer_text):
        super().__init__()
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    @classmethod
    def open(cls, factory, subject, footer_text, subject_size=12, subject_gap=4):
        """A report on `factory`: its metadata, first page, the factory's name and `subject`."""
        pdf = cls(footer_text)
        pdf.set_title(pdf.text_of(factory.name))
        pdf.set_subject(pdf.text_of(subject))
        pdf.set_creator("Better Work knowledge portal")
        pdf.add_page()
        pdf.para(factory.name, size=16, bold=True, gap=1)
        pdf.para(subject, size=subject_size, gap=subject_gap)
        return pdf

    def para(self, text, size=10, bold=False, gap=1.5):
        self.use(size, bold)
        self.multi_cell(
            0, size * 0.5, self.text_of(text), align=self.align, new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(gap)

    def fact(self, label, value, label_width):
        """A bold label and its value on one line, the label first in the reading direction."""
        top = self.get_y()
        self.use(10, bold=True)
        if self.rtl:
            self.set_x(self.w - self.r_margin - label_width)
        self.cell(label_width, 6, self.text_of(label), align=self.align)
        self.set_xy(self.l_margin if self.rtl else self.l_margin + label_width, top)
        self.use(10)
        self.multi_cell(
            self.epw - label_width,
            6,
            self.text_of(value),
            align=self.align,
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def grid(self, header, rows, widths):
        """A table whose first row is its header (repeated on each new page)."""
        self.use(9)
        order = slice(None, None, -1 if self.rtl else 1)  # right to left: first column right
        align = "RIGHT" if self.rtl else "LEFT"
        with self.table(col_widths=widths[order], text_align=align, line_height=5) as table:
            for cells in [header, *rows]:
                line = table.row()
                for cell in list(cells)[order]:
                    line.cell(self.text_of(cell))
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.use(8)
        self.cell(
            0,
            5,
            self.text_of(f"{self.footer_text} · {self.page_no()}"),
            align="C",
        )


def factory_report_pdf(factory, assessments):
    """Bytes of the PDF report of `factory` (assessments as from ``access.factory_report``)."""
    locale = Locale.get_active()
    point_names = reports.names_in(CompliancePoint, locale)
    today = date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    pdf = ReportPDF.open(
        factory,
        _("Assessment report"),
        _("Confidential: shared through the Better Work portal on %(date)s") % {"date": today},
        subject_size=11,
    )

    facts = [(_("STAR id"), factory.star_id)]
    if factory.os_id:
        facts.append((_("Open Supply Hub id"), factory.os_id))
    facts.append((_("Country"), factory.country.localized.name))
    if factory.industry_id:
        facts.append((_("Industry"), factory.industry.localized.name))
    if factory.workers:
        facts.append((_("Workers"), factory.workers))
    facts.append((_("Status"), factory.get_status_display()))
    pdf.use(10, bold=True)
    label_width = min(80, 4 + max(pdf.get_string_width(pdf.text_of(label)) for label, _v in facts))
    for label, value in facts:
        pdf.fact(label, value, label_width)
    pdf.ln(4)

    if not assessments:
        pdf.para(_("No assessments imported yet."))
    for assessment in assessments:
        pdf.para(
            _("Cycle %(cycle)s assessment, %(date)s")
            % {
                "cycle": assessment.cycle,
                "date": date_format(assessment.start_date, "SHORT_DATE_FORMAT"),
            },
            size=13,
            bold=True,
            gap=1,
        )
        count = len(assessment.noncompliant)
        pdf.para(
            f"{assessment.cat_version.name} · "
            + ngettext("%(n)s non-compliance finding", "%(n)s non-compliance findings", count)
            % {"n": count},
            size=9,
            gap=2,
        )
        if assessment.noncompliant:
            pdf.para(_("Non-compliance findings"), size=10, bold=True, gap=1)
            pdf.grid(
                [_("Compliance point"), _("Question")],
                [
                    (_point(f.question.compliance_point, point_names), f.question.label)
                    for f in assessment.noncompliant
                    if f.question.type == QuestionType.NCQ
                ],
                (55, 119),
            )
        if assessment.plan_list:
            done, total = assessment.plan_progress
            pdf.para(
                _("Improvement plan: %(done)s of %(total)s completed")
                % {"done": done, "total": total},
                size=10,
                bold=True,
                gap=1,
            )
            pdf.grid(
                [_("Compliance point"), _("Action"), _("Status"), _("Due")],
                [
                    (
                        _point(item.compliance_point, point_names),
                        item.action,
                        item.get_status_display(),
                        date_format(item.due_date, "SHORT_DATE_FORMAT") if item.due_date else "",
                    )
                    for item in assessment.plan_list
                ],
                (45, 79, 25, 25),
            )
        pdf.ln(2)
    return bytes(pdf.output())


def _point(point, names):
    return names.get(point.translation_key, point.name)
