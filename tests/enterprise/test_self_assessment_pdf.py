"""A submitted self-assessment's result as PDF (issue 15): in the reader's language and script
(Khmer, Bengali, Arabic shaped and embedded), read back with pypdf; the same readers as the
HTML result page; no PDF of a draft."""

import pytest
from django.utils import translation

from ims_bridge.enterprise.models import Answer, SelfAssessment
from ims_bridge.models import FactoryAccessGrant
from portal.models import CompliancePoint
from tests.ims_bridge.pdftext import clusters, embedded_fonts, letters, pdf_text

from .conftest import HIDDEN, ROLES

FONTS = {"km": "NotoSansKhmer", "bn": "NotoSansBengali", "ar": "NotoNaskhArabic"}
COENG = {"km": "\u17d2", "bn": "\u09cd"}  # the sign that makes a subscript or a conjunct


def url(item, language="en", suffix="result.pdf"):
    return f"/{language}/factory/F1/self-assessments/{item.pk}/{suffix}"


def make(factory, status="submitted", answers=None):
    """Q1 (Overtime) and Q3 (Regular Hours) answered non-compliant, Q2 compliant."""
    item = SelfAssessment.objects.create(
        factory=factory,
        cat_version=factory.assessments.first().cat_version,
        language="en",
        status=status,
    )
    questions = {q.star_id: q for q in item.cat_version.questions.all()}
    for star_id, value in (answers or {"Q1": 1, "Q2": 0, "Q3": 1}).items():
        Answer.objects.create(self_assessment=item, question=questions[star_id], value=value)
    if status == "submitted":
        from django.utils import timezone

        item.submitted_at = timezone.now()
        item.save(update_fields=["submitted_at"])
    return item


@pytest.fixture
def submitted(world, factory):
    return make(factory)


def in_text(words, text, language):
    if language == "ar":  # pypdf reads a right-to-left line word by word
        return set(words.split()) <= set(text.split())
    if language in COENG:
        # A shaped cluster's second glyph has no text of its own in the PDF: pypdf reads its
        # code as a character ("\x0b", or "V" once a page uses more glyphs). Khmer and Bengali
        # words have no ASCII letters, so compare both without ASCII.
        words, text = ("".join(c for c in s if not c.isascii()) for s in (words, text))
    # Words with nothing left to compare (English where Khmer was expected) would be found in
    # any text.
    assert letters(words), f"no {language} letters to look for"
    return letters(words) in letters(text)


def gettext_in(language, message):
    with translation.override(language):
        return translation.gettext(message)


def point_name(slug, language):
    return CompliancePoint.objects.get(slug=slug, locale__language_code=language).name


@pytest.mark.parametrize("language", ["en", "km", "bn", "ar"])
def test_the_factory_downloads_its_result_in_its_language(
    world, as_user, factory, submitted, language
):
    response = as_user(world["factory user"]).get(url(submitted, language))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="self-assessment-F1-{submitted.pk}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    data = response.content
    text = pdf_text(data)
    assert factory.name in text
    title = gettext_in(language, "Self-assessment result")
    assert (title == "Self-assessment result") is (language == "en")  # a real translation
    assert in_text(title, text, language)
    # the compliance points under their name in the reader's language, as on the page
    overtime, regular = point_name("overtime", language), point_name("regular-hours", language)
    assert (overtime == "Overtime") is (language == "en")
    assert in_text(overtime, text, language) and in_text(regular, text, language)
    labels = {q.star_id: q.label for q in submitted.cat_version.questions.all()}
    assert labels["Q1"] in text and labels["Q3"] in text and labels["Q2"] not in text
    if language != "en":
        assert FONTS[language] in embedded_fonts(data)


@pytest.mark.parametrize("language", ["km", "bn"])
def test_subscripts_and_conjuncts_are_one_shaped_glyph(world, as_user, submitted, language):
    """HarfBuzz draws a Khmer subscript or a Bengali conjunct as one glyph: unshaped, each
    character would be a glyph of its own and no glyph would stand for two of them."""
    data = as_user(world["factory user"]).get(url(submitted, language)).content
    shaped = clusters(data, FONTS[language])
    assert any(COENG[language] in glyph for glyph in shaped), shaped


def test_nothing_non_compliant_says_so(world, as_user, factory):
    item = make(factory, answers={"Q1": 0, "Q2": 0, "Q3": 0})
    text = pdf_text(as_user(world["factory user"]).get(url(item)).content)
    assert "No compliance point was found non-compliant" in text
    assert "Non-compliant compliance points: 0" in text


def test_the_result_page_links_to_the_pdf_once_submitted(world, as_user, factory, submitted):
    client = as_user(world["factory user"])
    page = client.get(url(submitted, suffix="result/")).content.decode()
    assert f'href="{url(submitted)}"' in page
    SelfAssessment.objects.filter(pk=submitted.pk).delete()
    draft = make(factory, status="in_progress")
    page = client.get(url(draft, suffix="result/"))
    assert page.status_code == 200 and "result.pdf" not in page.content.decode()


def test_a_draft_has_no_pdf(world, as_user, factory):
    draft = make(factory, status="in_progress")
    client = as_user(world["factory user"])
    assert client.get(url(draft, suffix="result/")).status_code == 200  # the result so far
    assert client.get(url(draft)).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_pdf_has_the_readers_of_the_result_page(world, as_user, submitted, role):
    client = as_user(world[role])
    page = client.get(url(submitted, suffix="result/"))
    pdf = client.get(url(submitted))
    assert pdf.status_code == page.status_code
    if role == "anonymous":
        assert pdf.status_code == 302
        assert pdf["Location"].startswith("/en/accounts/login/")
    elif role in HIDDEN or role == "buyer with grant":  # not shared with that buyer yet
        assert pdf.status_code == 404
    elif role == "inspector sharing":
        assert pdf.status_code == 403
    else:
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_a_buyer_reads_the_pdf_only_while_shared(world, as_user, submitted):
    buyer = as_user(world["buyer with grant"])
    assert buyer.get(url(submitted)).status_code == 404
    submitted.shared_with.add(FactoryAccessGrant.objects.get(buyer=world["buyer with grant"]))
    response = buyer.get(url(submitted))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    submitted.shared_with.clear()
    assert buyer.get(url(submitted)).status_code == 404
    assert as_user(world["buyer without grant"]).get(url(submitted)).status_code == 404


def test_another_factorys_or_a_missing_self_assessment_is_404(world, as_user, factories):
    other = make(factories[1])
    client = as_user(world["factory user"])
    assert client.get(url(other)).status_code == 404  # V1's id under F1
    assert client.get("/en/factory/F1/self-assessments/999999/result.pdf").status_code == 404
    assert client.get("/en/factory/F1/self-assessments/x/result.pdf").status_code == 404
    other_user = as_user(world["other factory user"])
    assert other_user.get(f"/en/factory/V1/self-assessments/{other.pk}/result.pdf").status_code == (
        200
    )
