# ruff: noqa: F811 - the fixtures imported from trainer_fixtures are parameters here
"""Certificates (issue 18): issued by trainer coordinators only, for a completed programme;
a public verification page (and API) says valid or revoked, for whom, which programme and
when; the PDF, in the certificate's language with Khmer shaped, only for its trainer and
staff."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from communities.models import Certificate, ProgrammeRecord, ProgrammeStatus
from communities.trainers.records import revoke_certificate
from tests.ims_bridge.pdftext import clusters, embedded_fonts, letters, pdf_text

from .conftest import login
from .trainer_fixtures import (  # noqa: F401 - fixtures
    PROGRAMME_EN,
    PROGRAMME_KM,
    certify,
    coordinator,
    make_trainer,
    programme,
    second_programme,
)

KHMER_NAME = "សុខ តុលា"

pytestmark = pytest.mark.django_db


@pytest.fixture
def tola(make_trainer):
    return make_trainer("tola", KHMER_NAME)


def verify_url(number, language="en"):
    return f"/{language}/trainers/verify/{number}/"


def pdf_url(number, language="en"):
    return f"/{language}/trainers/certificates/{number}.pdf"


def test_numbers_are_unguessable_and_unique(tola, programme, certify):
    numbers = {certify(tola, programme).number for _ in range(20)}
    assert len(numbers) == 20
    for number in numbers:
        groups = number.split("-")
        assert len(groups) == 4 and all(len(g) == 4 for g in groups)


def test_a_certificate_needs_a_completed_programme(tola, programme, coordinator):
    from django.core.exceptions import ValidationError

    from communities.trainers.records import issue_certificate

    ProgrammeRecord.objects.create(
        trainer=tola, programme=programme, status=ProgrammeStatus.DELIVERING, date="2024-01-01"
    )
    with pytest.raises(ValidationError):
        issue_certificate(tola, programme, "en", coordinator)
    assert not Certificate.objects.exists()


def test_the_verification_page_shows_a_valid_certificate(client, tola, programme, certify):
    certificate = certify(tola, programme, "km")
    response = client.get(verify_url(certificate.number))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in html
    assert KHMER_NAME in html and PROGRAMME_KM in html
    assert 'datetime="2024-03-15"' in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_number_is_found_in_any_case_and_spacing(client, tola, programme, certify):
    certificate = certify(tola, programme)
    typed = certificate.number.replace("-", "").lower()
    response = client.get(f"/en/trainers/verify/?number={typed}")
    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.number)
    response = client.get(verify_url(certificate.number.lower()))
    assert response.status_code == 302 and response["Location"] == verify_url(certificate.number)


def test_a_revoked_certificate_says_so(client, tola, programme, certify, coordinator):
    certificate = certify(tola, programme)
    revoke_certificate(certificate, coordinator, "Issued by mistake")
    html = client.get(verify_url(certificate.number)).content.decode()
    assert "This certificate has been revoked." in html
    assert "This certificate is valid." not in html
    data = client.get(f"/api/v2/trainers/certificates/{certificate.number}/").json()
    assert data["status"] == "revoked" and data["valid"] is False and data["revoked_at"]


@pytest.mark.parametrize("number", ["AAAA-BBBB-CCCC-DDDD", "nonsense", "A" * 300, "'; DROP TABLE"])
def test_an_unknown_number_is_a_404_that_says_so(client, number):
    response = client.get(verify_url(number))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Certificate not found" in html and "No certificate has the number" in html
    api = client.get(f"/api/v2/trainers/certificates/{number}/")
    assert api.status_code == 404
    assert api.json()["code"] == "unknown_certificate"


@pytest.mark.parametrize("typed", ["nonsense", "x" * 500, "=HYPERLINK(1)"])
def test_the_lookup_form_refuses_what_is_not_a_number(client, typed):
    response = client.get("/en/trainers/verify/", {"number": typed})
    assert response.status_code == 400
    assert "four groups of four letters and digits" in response.content.decode()


def test_nul_bytes_are_a_bad_request(client):
    """The portal's middleware refuses a NUL byte anywhere in the URL before any view."""
    assert client.get("/en/trainers/verify/", {"number": "AAAA\x00"}).status_code == 400
    assert client.get("/en/trainers/verify/AAAA%00BBBB/").status_code == 400
    assert client.get("/api/v2/trainers/certificates/AAAA%00BBBB/").status_code == 400


def test_the_lookup_form_is_there(client):
    response = client.get("/en/trainers/verify/")
    assert response.status_code == 200 and 'name="number"' in response.content.decode()


def test_the_api_verifies_a_certificate(client, tola, programme, certify):
    certificate = certify(tola, programme, "km")
    data = client.get(f"/api/v2/trainers/certificates/{certificate.number}/").json()
    assert data["status"] == "valid" and data["valid"] is True
    assert data["trainer_name"] == KHMER_NAME and data["programme_title"] == PROGRAMME_KM
    assert data["completed_on"] == "2024-03-15" and data["language"] == "km"
    assert data["url"].endswith(verify_url(certificate.number, "km"))
    assert "email" not in str(data)


# --- the PDF ------------------------------------------------------------------------------------


def test_the_trainer_downloads_their_certificate_in_khmer(client, tola, programme, certify):
    certificate = certify(tola, programme, "km")
    login(client, tola.user)
    response = client.get(pdf_url(certificate.number))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    data = response.content
    text = pdf_text(data)
    assert certificate.number in text
    assert verify_url(certificate.number, "km") in text.replace("\n", "")
    assert "NotoSansKhmer" in embedded_fonts(data)
    # Khmer shaped by HarfBuzz: a subscript consonant (coeng) drawn as one glyph with its base
    assert any("\u17d2" in glyph for glyph in clusters(data, "NotoSansKhmer"))
    khmer_only = "".join(c for c in text if not c.isascii())
    for words in (KHMER_NAME, PROGRAMME_KM):
        assert letters("".join(c for c in words if not c.isascii())) in letters(khmer_only)


def test_an_english_certificate_reads_in_english(client, tola, programme, certify, coordinator):
    certificate = certify(tola, programme, "en")
    login(client, coordinator)
    text = pdf_text(client.get(pdf_url(certificate.number)).content)
    assert "Certificate of completion" in text
    assert PROGRAMME_EN in text
    assert "Certificate number: " + certificate.number in text


def test_only_the_trainer_and_staff_download_the_pdf(
    client, tola, programme, certify, coordinator, make_user, make_trainer
):
    certificate = certify(tola, programme)
    url = pdf_url(certificate.number)
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    other_trainer = make_trainer("other", "Other Trainer")
    for stranger in (make_user("stranger"), other_trainer.user):
        login(client, stranger)
        assert client.get(url).status_code == 403
    viewer = make_user("viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    for allowed in (tola.user, coordinator, viewer):
        login(client, allowed)
        assert client.get(url).status_code == 200
    assert client.get(pdf_url("AAAA-BBBB-CCCC-DDDD")).status_code == 404


# --- issuing in the admin: coordinators only ----------------------------------------------------

ADD = "/admin/snippets/communities/certificate/add/"


def _issue(client, trainer, page, language="en"):
    return client.post(ADD, {"trainer": trainer.pk, "programme": page.pk, "language": language})


def test_a_coordinator_issues_a_certificate_in_the_admin(client, tola, programme, coordinator):
    ProgrammeRecord.objects.create(
        trainer=tola, programme=programme, status=ProgrammeStatus.COMPLETED, date="2024-02-01"
    )
    login(client, coordinator)
    response = _issue(client, tola, programme, "km")
    assert response.status_code == 302, response.content.decode()[:2000]
    certificate = Certificate.objects.get()
    assert certificate.issued_by == coordinator
    assert certificate.trainer_name == KHMER_NAME
    assert certificate.programme_title == PROGRAMME_KM
    assert certificate.completed_on == datetime.date(2024, 2, 1)


def test_the_admin_refuses_a_certificate_without_a_completed_programme(
    client, tola, programme, coordinator
):
    login(client, coordinator)
    response = _issue(client, tola, programme)
    assert response.status_code == 200  # the form again, with its error
    assert "needs a completed record of this programme" in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "user", "trainer", "editor"])
def test_nobody_else_issues_certificates(client, tola, programme, make_user, who):
    ProgrammeRecord.objects.create(
        trainer=tola, programme=programme, status=ProgrammeStatus.COMPLETED, date="2024-02-01"
    )
    if who == "user":
        login(client, make_user("someone"))
    elif who == "trainer":
        login(client, tola.user)
    elif who == "editor":
        editor = make_user("ed")
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        login(client, editor)
    response = _issue(client, tola, programme)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"] or response["Location"] == "/admin/"
    assert not Certificate.objects.exists()
    for path in (ADD, "/admin/snippets/communities/programmerecord/add/"):
        response = client.get(path)
        assert response.status_code in (302, 403)


def test_a_coordinator_revokes_with_a_reason(client, tola, programme, certify, coordinator):
    certificate = certify(tola, programme)
    login(client, coordinator)
    edit = f"/admin/snippets/communities/certificate/edit/{certificate.pk}/"
    response = client.post(edit, {"revoke": "on", "revocation_reason": ""})
    assert "Say why the certificate is revoked." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid
    response = client.post(edit, {"revoke": "on", "revocation_reason": "Issued by mistake"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_by == coordinator
    assert certificate.trainer_name == KHMER_NAME  # what was printed is kept


def test_a_coordinator_records_a_completion(client, tola, programme, coordinator):
    login(client, coordinator)
    response = client.post(
        "/admin/snippets/communities/programmerecord/add/",
        {
            "trainer": tola.pk,
            "programme": programme.pk,
            "status": "completed",
            "date": "2024-05-02",
        },
    )
    assert response.status_code == 302
    record = ProgrammeRecord.objects.get()
    assert record.recorded_by == coordinator and record.date == datetime.date(2024, 5, 2)


def test_a_record_must_name_a_training_programme(client, tola, coordinator):
    from wagtail.models import Page

    login(client, coordinator)
    home = Page.objects.get(depth=2, locale__language_code="en")
    response = client.post(
        "/admin/snippets/communities/programmerecord/add/",
        {"trainer": tola.pk, "programme": home.pk, "status": "completed", "date": "2024-05-02"},
    )
    assert response.status_code == 200
    assert "Choose a training programme of the library." in response.content.decode()
    assert not ProgrammeRecord.objects.exists()


def test_the_coordinators_admin_pages_open(client, tola, programme, certify, coordinator):
    certificate = certify(tola, programme, "km")
    login(client, coordinator)
    base = "/admin/snippets/communities"
    for path in (
        f"{base}/trainerprofile/",
        f"{base}/trainerprofile/add/",
        f"{base}/trainerprofile/edit/{tola.pk}/",
        f"{base}/programmerecord/",
        f"{base}/programmerecord/add/",
        f"{base}/certificate/",
        f"{base}/certificate/add/",
        f"{base}/certificate/edit/{certificate.pk}/",
        f"{base}/certificate/inspect/{certificate.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    listing = client.get(f"{base}/certificate/").content.decode()
    assert certificate.number in listing
    # nobody deletes a certificate but a superuser: revoking is how one is withdrawn
    delete = client.get(f"{base}/certificate/delete/{certificate.pk}/")
    assert delete.status_code in (302, 403)
    assert Certificate.objects.filter(pk=certificate.pk).exists()


@pytest.mark.parametrize("language", ["ar", "km"])
def test_the_verification_page_speaks_the_readers_language(
    client, tola, programme, certify, language
):
    from django.utils import translation

    certificate = certify(tola, programme, "km")
    with translation.override(language):
        valid = translation.gettext("This certificate is valid.")
    assert valid != "This certificate is valid."
    html = client.get(verify_url(certificate.number, language)).content.decode()
    assert valid in html and KHMER_NAME in html
    assert f'<html lang="{language}"' in html


def test_a_deleted_account_leaves_its_certificate_checkable(
    client, tola, programme, certify, coordinator
):
    certificate = certify(tola, programme, "km")
    tola.user.delete()
    html = client.get(verify_url(certificate.number)).content.decode()
    assert "This certificate is valid." in html and KHMER_NAME in html
    login(client, coordinator)
    assert client.get(pdf_url(certificate.number)).status_code == 200
