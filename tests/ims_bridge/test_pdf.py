"""The factory report as PDF: the same access path and log as the CSV export."""

import pytest

from ims_bridge.models import Assessment, Factory, FactoryAccessLog, ImprovementPlanItem
from portal.models import CompliancePoint

from .pdftext import pdf_text
from .test_access import ACTORS, ALLOWED

pytestmark = pytest.mark.django_db

PDF = "/en/compliance/factories/F1/pdf/"


@pytest.mark.parametrize("actor", ACTORS)
def test_pdf_permission_matrix(client, world, actor):
    user = world[actor]
    if user:
        client.force_login(user)
    response = client.get(PDF)
    if actor in ALLOWED:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="factory-F1.pdf"'
        assert response.content.startswith(b"%PDF-")
        assert "Factory F1" in pdf_text(response.content)
    elif actor == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert not response.content.startswith(b"%PDF")
    else:
        assert response.status_code == 404
        assert not response.content.startswith(b"%PDF")
    assert client.get("/en/compliance/factories/NOPE/pdf/").status_code in (302, 404)


def test_pdf_read_is_logged_like_the_csv(client, world):
    buyer = world["buyer with grant"]
    client.force_login(buyer)
    client.get("/en/compliance/factories/F1/csv/")
    client.get(PDF)
    assert list(
        FactoryAccessLog.objects.filter(user=buyer).order_by("at", "pk").values_list("action")
    ) == [("csv",), ("pdf",)]
    client.force_login(world["buyer revoked"])
    client.get(PDF)
    assert not FactoryAccessLog.objects.filter(user=world["buyer revoked"]).exists()


def test_pdf_carries_the_report(client, world):
    """Facts, every assessment, its non-compliance findings and its improvement plan."""
    f1 = Factory.objects.get(star_id="F1")
    Factory.objects.filter(pk=f1.pk).update(os_id="KH2024OSH1", workers=812)
    ImprovementPlanItem.objects.create(
        assessment=Assessment.objects.get(star_id="F1-2"),
        compliance_point=CompliancePoint.objects.get(slug="overtime", locale__language_code="en"),
        action="Cap weekly overtime at 12 hours",
        status="in_progress",
    )
    client.force_login(world["buyer with grant"])
    text = pdf_text(client.get(PDF).content)
    for expected in (
        "Factory F1",
        "Assessment report",
        "KH2024OSH1",
        "812",
        "Cambodia",
        "Apparel",
        "Cycle 2 assessment",
        "Cycle 1 assessment",
        "2 non-compliance findings",
        "Question Q1",
        "Question Q2",
        "Overtime",
        "Improvement plan: 0 of 1 completed",
        "Cap weekly overtime at 12 hours",
        "In progress",
    ):
        assert expected in text, expected
    # Compliant answers are not findings.
    assert "Question Q3" not in text
    # The report links to it beside the CSV, on the page and on the dashboard.
    page = client.get("/en/compliance/factories/F1/").content.decode()
    assert f'href="{PDF}"' in page and 'href="/en/compliance/factories/F1/csv/"' in page
    assert f'href="{PDF}"' in client.get("/en/compliance/dashboard/").content.decode()


def test_pdf_in_another_language(client, world):
    client.force_login(world["buyer with grant"])
    text = pdf_text(client.get("/fr/compliance/factories/F1/pdf/").content)
    assert "Factory F1" in text and "Cambodge" in text


NAME = "Nhà máy May Việt Tiến — مصنع ក្រុមហ៊ុន"


def test_vietnamese_names_print(client, world):
    Factory.objects.filter(star_id="F1").update(name=NAME)
    client.force_login(world["buyer with grant"])
    assert "Nhà máy May Việt Tiến" in pdf_text(client.get(PDF).content)


def test_without_a_unicode_font_the_pdf_still_renders(client, world, settings, tmp_path):
    settings.PDF_FONT_DIRS = [str(tmp_path)]  # no font there: the core font, Latin-1 only
    Factory.objects.filter(star_id="F1").update(name=NAME)
    client.force_login(world["buyer with grant"])
    response = client.get(PDF)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    # What Latin-1 holds is kept, the rest replaced: "Nhà máy May Vi?t Ti?n ? ???? ?????????"
    assert NAME.encode("latin-1", "replace").decode("latin-1") in text
    assert "Question Q1" in text
