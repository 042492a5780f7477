"""Khmer, Bengali and Arabic in the factory report PDF: embedded, shaped and read back."""

import logging
import os

import pytest

import portal.pdf
from ims_bridge.models import Assessment, Factory, ImprovementPlanItem
from portal.models import CompliancePoint
from portal.pdf import MAIN_FAMILIES, SCRIPT_FAMILIES, font_faces

from .pdftext import clusters, embedded_fonts, letters, pdf_text, text_without_font

pytestmark = pytest.mark.django_db

PDF = "/en/compliance/factories/F1/pdf/"
KHMER = "រោងចក្រកាត់ដេរ ក្រុមហ៊ុន"  # "garment factory, company": subscripts and a split vowel
BENGALI = "প্রশিক্ষণ কর্মসূচি"  # "training programme": conjuncts and a split vowel
ARABIC = "تحديد ساعات العمل الإضافية"  # "limit overtime hours": joined letters, right to left


@pytest.fixture
def report(client, world):
    """The report of F1 named in Khmer, with plan actions in Khmer, Bengali and Arabic."""
    Factory.objects.filter(star_id="F1").update(name=KHMER)
    for action in (KHMER, BENGALI, ARABIC):
        ImprovementPlanItem.objects.create(
            assessment=Assessment.objects.get(star_id="F1-2"),
            compliance_point=CompliancePoint.objects.get(
                slug="overtime", locale__language_code="en"
            ),
            action=action,
            status="in_progress",
        )

    def download(user="buyer with grant", url=PDF):
        client.force_login(world[user])
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        return response.content

    return download


def arabic_words_in(text):
    """Whether each Arabic word comes back letter for letter (pypdf reads a right-to-left line
    word by word, so the words' order is not compared)."""
    found = set(text.split())
    return all(word in found for word in ARABIC.split())


@pytest.mark.parametrize("user", ["buyer with grant", "factory user"])
def test_scripts_come_back_from_the_report(report, user):
    data = report(user)
    text = pdf_text(data)
    assert letters(KHMER) in letters(text)
    assert letters(BENGALI) in letters(text)
    assert arabic_words_in(text)
    assert "Assessment report" in text  # the Latin text around them is there too
    assert text_without_font(data) == 0  # a line after the Khmer title keeps its font
    # the title is bold, the plan table regular: both faces of Khmer
    assert {"NotoSans", "NotoSansKhmer", "NotoSansKhmerBold", "NotoSansBengali"} <= (
        embedded_fonts(data)
    )
    assert "NotoNaskhArabic" in embedded_fonts(data)


def test_khmer_and_bengali_are_shaped(report):
    """One glyph for a subscript consonant or a conjunct: what only HarfBuzz composes."""
    data = report()
    assert {"ក្រ", "ក្រុ"} & clusters(data, "NotoSansKhmer")
    assert "প্র" in clusters(data, "NotoSansBengali")


def test_without_shaping_the_checks_fail(report, monkeypatch):
    """The two tests above can fail: unshaped, every character is a glyph of its own and
    Arabic is drawn in logical order, so it reads back reversed."""
    monkeypatch.setattr(portal.pdf, "shaping_available", lambda: False)
    data = report()
    assert {"NotoSansKhmer", "NotoSansBengali"} <= embedded_fonts(data)
    assert clusters(data, "NotoSansKhmer") == set()
    assert clusters(data, "NotoSansBengali") == set()
    assert not arabic_words_in(pdf_text(data))


def test_a_missing_script_font_is_a_warning_not_an_error(report, settings, caplog):
    settings.PDF_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu"]  # no Noto at all
    with caplog.at_level(logging.WARNING, logger="portal.pdf"):
        data = report()
    assert "NotoSansKhmer-Regular.ttf not found" in caplog.text
    assert "Assessment report" in pdf_text(data)
    assert "NotoSansKhmer" not in embedded_fonts(data)


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="a laptop may lack the fonts")
def test_ci_has_every_pdf_font():
    """.ci/run installs fonts-noto-core and fonts-dejavu-core: under CI none may be missing."""
    assert [family for family, _r, _b in font_faces()] == [
        "NotoSans",
        *SCRIPT_FAMILIES,
        "DejaVuSans",
    ]
    assert set(MAIN_FAMILIES) == {"NotoSans", "DejaVuSans"}
    assert portal.pdf.shaping_available()


@pytest.mark.parametrize("title", [KHMER, BENGALI])
def test_demo_materials_in_other_scripts_are_shaped_pdfs(title):
    """knowledge.pdf.make_pdf (seed_demo's materials) sets non-Latin titles with the same fonts."""
    from knowledge.pdf import make_pdf

    data = make_pdf(title, [title, "Better Work", ARABIC])
    assert letters(title) in letters(pdf_text(data))
    # fpdf2 2.8.9 alone loses the font of the lines after one that starts in Khmer or Bengali
    assert text_without_font(data) == 0
    assert arabic_words_in(pdf_text(data))
    assert clusters(data, "NotoSansKhmer" if title == KHMER else "NotoSansBengali")
    assert make_pdf("Latin-1 only").startswith(b"%PDF-1.4")  # the fast writer
