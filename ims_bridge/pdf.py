"""A factory's assessment report as PDF (fpdf2), beside the CSV export.

The caller reads the factory through ``access.get_visible_factory`` (which logs the read); this
module only lays out what ``access.factory_report`` returns. Text is set in a Unicode TrueType
font when one is found (``IMS_PDF_FONT_DIR``, default Debian's fonts-dejavu), so Vietnamese,
Arabic or Cyrillic names print; without one it falls back to the PDF core font and replaces
what Latin-1 cannot hold, rather than failing. Scripts the font lacks (DejaVu has no Khmer or
Bengali) print as blank glyphs, never as an error."""

import logging
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from fpdf import FPDF
from wagtail.models import Locale

from portal.models import CompliancePoint

from . import reports
from .models import QuestionType

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "ReportSans"

logger = logging.getLogger(__name__)
# fontTools reports every glyph it subsets at INFO level: one report is not worth 40 log lines.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


def font_files():
    """{style: path} of the Unicode font to embed, or {} to use the core font."""
    directory = Path(settings.IMS_PDF_FONT_DIR or "")
    regular = directory / FONT_FILES[""]
    if not regular.is_file():
        return {}
    bold = directory / FONT_FILES["B"]
    return {"": regular, "B": bold if bold.is_file() else regular}


class ReportPDF(FPDF):
    def __init__(self, footer_text):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.fonts_found = font_files()
        if self.fonts_found:
            for style, path in self.fonts_found.items():
                self.add_font(FAMILY, style, str(path))
            self.family = FAMILY
        else:
            logger.warning("No Unicode font for PDF reports; non-Latin-1 text is replaced.")
            self.family = "Helvetica"
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def text_of(self, value):
        text = "" if value is None else str(value)
        if not self.fonts_found:
            text = text.encode("latin-1", "replace").decode("latin-1")
        return text

    def use(self, size=10, bold=False):
        self.set_font(self.family, "B" if bold else "", size)

    def para(self, text, size=10, bold=False, gap=1.5):
        self.use(size, bold)
        self.multi_cell(0, size * 0.5, self.text_of(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def grid(self, header, rows, widths):
        """A table whose first row is its header (repeated on each new page)."""
        self.use(9)
        with self.table(col_widths=widths, text_align="LEFT", line_height=5) as table:
            for cells in [header, *rows]:
                line = table.row()
                for cell in cells:
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
    pdf = ReportPDF(
        _("Confidential: shared through the Better Work portal on %(date)s") % {"date": today}
    )
    pdf.set_title(pdf.text_of(factory.name))
    pdf.set_subject(pdf.text_of(_("Assessment report")))
    pdf.set_creator("Better Work knowledge portal")
    pdf.set_lang(get_language() or settings.LANGUAGE_CODE)
    pdf.add_page()
    pdf.para(factory.name, size=16, bold=True, gap=1)
    pdf.para(_("Assessment report"), size=11, gap=4)

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
        pdf.use(10, bold=True)
        pdf.cell(label_width, 6, pdf.text_of(label))
        pdf.use(10)
        pdf.multi_cell(0, 6, pdf.text_of(value), align="L", new_x="LMARGIN", new_y="NEXT")
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
