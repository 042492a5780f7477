"""One-page PDF files for demo and test materials.

Latin-1 text goes through a tiny writer of its own (fast: the tests make hundreds); any other
script (the demo's Khmer, Bengali or Arabic materials) through ``portal.pdf.PortalPDF``, whose
fonts and shaping print it."""

import unicodedata

from portal.pdf import PortalPDF


def _escape(text):
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, lines=()):
    """Bytes of a one-page A4 PDF showing ``title`` and a few lines of text."""
    try:
        "".join([title, *lines]).encode("latin-1")
    except UnicodeEncodeError:
        return _shaped_pdf(title, lines)
    return _latin1_pdf(title, lines)


def _right_to_left(text):
    """Whether the first letter with a strong direction is Arabic or Hebrew."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("L", "R", "AL"):
            return direction != "L"
    return False


def _shaped_pdf(title, lines):
    pdf = PortalPDF()
    pdf.rtl = _right_to_left(title)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.use(18, bold=True)
    pdf.multi_cell(0, 9, pdf.text_of(title), align=pdf.align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.use(11)
    for line in lines:
        pdf.multi_cell(0, 6, pdf.text_of(line), align=pdf.align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def _latin1_pdf(title, lines):
    content = ["BT", "/F1 18 Tf", "56 780 Td", f"({_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        content += ["0 -22 Td", f"({_escape(line)}) Tj"]
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
