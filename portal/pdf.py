"""The one FPDF (fpdf2) base every PDF the portal generates is written with.

Text is set in Noto Sans (Latin, Vietnamese, Greek, Cyrillic) with Noto Sans Khmer, Noto Sans
Bengali and Noto Naskh Arabic as fallbacks for their scripts, then DejaVu Sans for what those
lack (the files of Debian's fonts-noto-core and fonts-dejavu-core, looked up in
``PDF_FONT_DIRS``), and HarfBuzz (``uharfbuzz``) shapes it: Khmer and Bengali clusters are
composed, Arabic letters joined and set right to left. Missing pieces degrade with a logged
warning, never an error: without a script's font its letters print blank, without uharfbuzz
unshaped, and without any Unicode font the PDF core font prints what Latin-1 holds."""

import logging
from importlib.util import find_spec
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language, get_language_bidi
from fpdf import FPDF

logger = logging.getLogger(__name__)
# fontTools reports every glyph it subsets at INFO level: one PDF is not worth 40 log lines.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

# family: (regular, bold) file names. The first main family found sets the text; Arabic is
# not in Noto Sans, so it falls to Noto Naskh rather than to DejaVu's plainer Arabic.
MAIN_FAMILIES = {
    "NotoSans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
SCRIPT_FAMILIES = {
    "NotoSansKhmer": ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"),
    "NotoSansBengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    "NotoNaskhArabic": ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
}
CORE_FAMILY = "Helvetica"


def find_font(file_name):
    """Path of `file_name` in the first of ``PDF_FONT_DIRS`` that holds it, or None."""
    for directory in settings.PDF_FONT_DIRS:
        path = Path(directory) / file_name
        if path.is_file():
            return path
    return None


def _face(family, files):
    regular, bold = (find_font(name) for name in files)
    return (family, regular, bold or regular) if regular else None


def font_faces():
    """[(family, regular path, bold path)]: the main family, then the fallbacks in order.

    Empty (the core font) when no main family is found; a missing script font is warned."""
    mains = [face for face in (_face(*item) for item in MAIN_FAMILIES.items()) if face]
    if not mains:
        logger.warning("No Unicode font for PDFs in %s", settings.PDF_FONT_DIRS)
        return []
    faces = [mains[0]]
    for family, files in SCRIPT_FAMILIES.items():
        face = _face(family, files)
        if face:
            faces.append(face)
        else:
            logger.warning("PDF font %s not found in %s", files[0], settings.PDF_FONT_DIRS)
    return faces + mains[1:]  # DejaVu after the script fonts: symbols Noto Sans lacks


def shaping_available():
    return find_spec("uharfbuzz") is not None


class PortalPDF(FPDF):
    """A4 FPDF with the portal's fonts registered; ``family`` is the one to ``set_font``."""

    def __init__(self, **kwargs):
        super().__init__(format="A4", **kwargs)
        self.rtl = get_language_bidi()
        faces = font_faces()
        self.unicode_fonts = bool(faces)
        for family, regular, bold in faces:
            self.add_font(family, "", str(regular))
            self.add_font(family, "B", str(bold))
        if not faces:  # warned by font_faces(): text Latin-1 cannot hold is replaced
            self.family = CORE_FAMILY
            return
        self.family = faces[0][0]
        self.set_fallback_fonts([family for family, _r, _b in faces[1:]], exact_match=False)
        if shaping_available():
            self.set_text_shaping(True)
        else:
            logger.warning("uharfbuzz is not installed: Khmer, Bengali and Arabic print unshaped")
        self.set_lang(get_language() or settings.LANGUAGE_CODE)

    def text_of(self, value):
        """`value` as text this PDF can print (Latin-1 only under the core font)."""
        text = "" if value is None else str(value)
        if not self.unicode_fonts:
            text = text.encode("latin-1", "replace").decode("latin-1")
        return text

    def use(self, size=10, bold=False):
        self.set_font(self.family, "B" if bold else "", size)

    @property
    def align(self):
        """Paragraph alignment of the active language: right for Arabic."""
        return "R" if self.rtl else "L"

    def _render_styled_text_line(self, *args, **kwargs):
        # fpdf2 2.8.9 sets the page's font inside the q…Q it wraps a line in when that line
        # starts in a fallback font (a Khmer title, say), then believes it set: the next
        # lines would show text with no font at all. Setting it outside the line first
        # keeps it.
        if self.page and self.current_font and not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(self.current_font, self.font_size_pt))
        return super()._render_styled_text_line(*args, **kwargs)
