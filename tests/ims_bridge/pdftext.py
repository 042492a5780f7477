"""Reading back the PDFs the portal writes (with pypdf): their text, their embedded fonts and
the glyphs HarfBuzz shaped."""

import io
import re
import unicodedata

from pypdf import PdfReader

_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def pdf_text(data):
    """The text of every page of `data` (PDF bytes), in reading (logical) order."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def letters(text):
    """`text` without spaces, control characters and unmapped glyphs, NFC: shaped glyphs come
    back with layout spaces and marks of their own that are not the writer's text."""
    kept = (c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C")
    return unicodedata.normalize("NFC", "".join(kept).replace("\ufffd", ""))


def _fonts(data):
    """{base font name without the subset prefix: font dictionary} of every page."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"]).lstrip("/").split("+")[-1]] = font
    return fonts


def embedded_fonts(data):
    """Names of the fonts embedded (as font files) in the PDF, e.g. {"NotoSansKhmer", …}."""
    names = set()
    for name, font in _fonts(data).items():
        descendants = font.get("/DescendantFonts") or [font]
        descriptor = descendants[0].get_object().get("/FontDescriptor")
        if descriptor and any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile")):
            names.add(name)
    return names


def clusters(data, family):
    """The strings that one glyph of `family` (regular or bold) stands for when that is more
    than one character: a Khmer subscript consonant or a Bengali conjunct exists only once
    HarfBuzz has shaped the text (unshaped, every character is a glyph of its own)."""
    found = set()
    for name, font in _fonts(data).items():
        if name not in (family, family + "Bold") or "/ToUnicode" not in font:
            continue
        cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
        for _code, target in _BFCHAR.findall(cmap):
            text = bytes.fromhex(target).decode("utf-16-be")
            if len(text) > 1:
                found.add(text)
    return found


def text_without_font(data):
    """How many text-showing operators run with no font in effect (q/Q save and restore it):
    viewers show such text as nothing, though a lenient extractor may still read it."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(data))
    count = 0
    for page in reader.pages:
        font, saved = None, []
        for _operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(font)
            elif operator == b"Q":
                font = saved.pop() if saved else None
            elif operator == b"Tf":
                font = _operands[0]
            elif operator in (b"Tj", b"TJ", b"'", b'"') and font is None:
                count += 1
    return count


def x_of(data, needle):
    """The horizontal position (pt from the left) where the first text containing `needle`
    starts on the first page (right-to-left marks in the text, as in Arabic dates, ignored)."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if needle in text.replace("\u200f", "") and not found:
            found.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    assert found, needle
    return found[0]
