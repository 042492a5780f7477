"""Demo materials as PDFs written in their own language: fpdf2 with HarfBuzz shaping and the
Noto fonts of Debian's fonts-noto-core for Khmer, Bengali and Arabic (DejaVu for Latin and
Vietnamese), the approach of ims_bridge/enterprise/capacity_pdf.py. Each line is set in the
font of its script rather than with fallback fonts: fpdf2 2.8 loses text when shaping and
fallbacks are combined. Without the fonts, the Latin-1 writer of ``knowledge.pdf`` is used."""

import logging
from pathlib import Path

from fpdf import FPDF

from .pdf import make_pdf

logger = logging.getLogger(__name__)
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

FONTS = {
    "latin": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "khmer": "/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf",
    "bengali": "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
    "arabic": "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
}
SCRIPT_RANGES = {"khmer": (0x1780, 0x17FF), "bengali": (0x0980, 0x09FF), "arabic": (0x0600, 0x06FF)}


def script_of(text):
    for script, (low, high) in SCRIPT_RANGES.items():
        if any(low <= ord(char) <= high for char in text):
            return script
    return "latin"


def _shaping_available():
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def material_pdf(title, lines=(), footer="Better Work"):
    """Bytes of a one-page PDF: ``title``, then ``lines``, then a Latin ``footer``. A title
    "Resource – Kind" prints on two lines (the Khmer and Arabic fonts have no dash)."""
    title, _dash, kind = title.partition(" – ")
    lines = [kind, *lines] if kind else list(lines)
    needed = {script_of(text) for text in (title, *lines)} | {"latin"}
    if not all(Path(FONTS[script]).is_file() for script in needed):
        logger.warning("Fonts for %s are missing: the demo material prints Latin-1 only", needed)
        return make_pdf(title, lines)
    shaping = _shaping_available()
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    for script in needed:
        pdf.add_font(script, "", FONTS[script])
    pdf.set_title(title)
    pdf.set_creator("Better Work knowledge portal (demo)")
    pdf.add_page()
    sizes = [18] + [14 if kind and n == 0 else 11 for n in range(len(lines))]
    for size, text in zip(sizes, [title, *lines], strict=True):
        script = script_of(text)
        pdf.set_font(script, size=size)
        if shaping and script == "arabic":
            pdf.set_text_shaping(True, direction="rtl", script="arab", language="ar")
        elif shaping:
            pdf.set_text_shaping(True)
        align = "R" if script == "arabic" else "L"
        pdf.multi_cell(0, size * 0.6, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(size * 0.3)
    pdf.set_text_shaping(False)
    pdf.set_font("latin", size=9)
    pdf.ln(6)
    pdf.cell(0, 6, footer, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
