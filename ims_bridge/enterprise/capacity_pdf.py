"""The factory progress report as PDF, on ``ims_bridge.pdf.ReportPDF`` (DejaVu) with Noto
fonts as fallbacks for the scripts DejaVu lacks (Khmer, Bengali; Arabic is shaped with
Noto Naskh) and HarfBuzz text shaping (``uharfbuzz``), so that those scripts print joined
and in order. A missing font or a missing uharfbuzz degrades like ims_bridge/pdf.py does:
the report still prints, those glyphs may not."""

import logging
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from ims_bridge.pdf import ReportPDF

from .capacity_progress import training_title

logger = logging.getLogger(__name__)

NOTO_DIR = "/usr/share/fonts/truetype/noto"
# family -> (regular, bold) file names of Debian's fonts-noto-core
FALLBACKS = {
    "NotoKhmer": ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"),
    "NotoBengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    "NotoArabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
}


def _shaping_available():
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


class ProgressPDF(ReportPDF):
    def __init__(self, footer_text):
        super().__init__(footer_text)
        if not self.fonts_found:
            return  # the core font: fallbacks need a Unicode main font
        directory = Path(getattr(settings, "ENTERPRISE_PDF_NOTO_DIR", "") or NOTO_DIR)
        families = []
        for family, (regular, bold) in FALLBACKS.items():
            if not (directory / regular).is_file():
                logger.warning("PDF fallback font %s is missing in %s", regular, directory)
                continue
            self.add_font(family, "", str(directory / regular))
            bold_path = directory / bold
            self.add_font(
                family, "B", str(bold_path if bold_path.is_file() else directory / regular)
            )
            families.append(family)
        if families:
            self.set_fallback_fonts(families, exact_match=False)
        if _shaping_available():
            self.set_text_shaping(True)
        else:
            logger.warning("uharfbuzz is not installed: complex scripts print unshaped")


def _day(value):
    return date_format(value, "SHORT_DATE_FORMAT")


def progress_pdf(factory, progress):
    today = _day(timezone.localdate())
    pdf = ProgressPDF(_("Confidential: Better Work portal, %(date)s") % {"date": today})
    pdf.set_title(pdf.text_of(factory.name))
    pdf.set_subject(pdf.text_of(_("Factory progress report")))
    pdf.set_creator("Better Work knowledge portal")
    pdf.set_lang(get_language() or settings.LANGUAGE_CODE)
    pdf.add_page()
    pdf.para(factory.name, size=16, bold=True, gap=1)
    pdf.para(_("Factory progress report"), size=12, gap=4)
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
