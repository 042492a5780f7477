# ruff: noqa: F811 - the fixtures imported from trainer_fixtures are parameters here
"""A trainer edits their own trainer profile (issue 18): signed in, only their own, never
another's; an account without one is told how to get one; bad input is a 400 with the
field's message. And the demo: trainers, records and certificates, idempotent, only with the
demo accounts."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from communities.models import Certificate, ProgrammeRecord, TrainerProfile
from portal.models import Country

from .conftest import login
from .trainer_fixtures import (  # noqa: F401 - fixtures
    certify,
    coordinator,
    make_trainer,
    programme,
)

pytestmark = pytest.mark.django_db

URL = "/en/trainers/profile/"


@pytest.fixture
def tola(make_trainer):
    return make_trainer("tola", "Tola Sok", listed=False)


def form_data(**overrides):
    data = {
        "name": "សុខ តុលា",
        "languages": [Locale.objects.get(language_code="km").pk],
        "countries": [Country.objects.get(slug="cambodia", locale=Locale.get_default()).pk],
        "bio": "Trains line supervisors in Kampong Speu.",
        "listed": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_readers_are_sent_to_log_in(client, tola):
    for response in (client.get(URL), client.post(URL, form_data())):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    tola.refresh_from_db()
    assert tola.name == "Tola Sok" and not tola.listed


def test_a_trainer_edits_their_profile_and_opts_in(client, tola, programme, certify):
    certify(tola, programme)
    login(client, tola.user)
    page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200 and 'name="listed"' in html
    listed_box = re.search(r'<input[^>]*name="listed"[^>]*>', html).group(0)
    assert "checked" not in listed_box  # opt-in: off until the trainer ticks it
    assert "Download the PDF" in html  # their certificate
    assert "Tola Sok" not in client.get("/en/trainers/").content.decode()
    response = client.post(URL, form_data())
    assert response.status_code == 302 and response["Location"] == URL
    tola.refresh_from_db()
    assert tola.name == "សុខ តុលា" and tola.listed
    assert [c.slug for c in tola.countries.all()] == ["cambodia"]
    assert "សុខ តុលា" in client.get("/en/trainers/").content.decode()


def test_the_form_edits_only_the_signed_in_trainers_profile(client, tola, make_trainer):
    other = make_trainer("other", "Other Trainer", listed=False)
    login(client, other.user)
    # no id in the address: whatever is posted, it is the poster's own profile that changes
    client.post(URL, {**form_data(name="Changed"), "user": tola.user.pk, "id": tola.pk})
    tola.refresh_from_db()
    other.refresh_from_db()
    assert tola.name == "Tola Sok" and other.name == "Changed"
    assert other.user_id != tola.user_id


def test_without_a_trainer_profile_the_page_is_a_404_that_says_why(client, make_user):
    login(client, make_user("someone"))
    for response in (client.get(URL), client.post(URL, form_data())):
        assert response.status_code == 404
        assert "no trainer profile" in response.content.decode()
    assert not TrainerProfile.objects.exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"bio": "x" * 1501}, "bio"),
        ({"languages": ["999999"]}, "languages"),
        ({"countries": ["not-a-number"]}, "countries"),
    ],
)
def test_bad_input_is_a_400_with_the_fields_message(client, tola, overrides, field):
    login(client, tola.user)
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert "errorlist" in html
    tola.refresh_from_db()
    assert tola.name == "Tola Sok" and not tola.listed


def test_nul_bytes_are_refused(client, tola):
    login(client, tola.user)
    response = client.post(URL, form_data(bio="a\x00b"))
    assert response.status_code == 400
    tola.refresh_from_db()
    assert tola.bio == ""


def test_markup_in_the_bio_is_shown_as_text(client, tola, programme, certify):
    certify(tola, programme)
    login(client, tola.user)
    client.post(URL, form_data(bio='<script>alert(1)</script> <a href="javascript:x">hi</a>'))
    client.logout()
    html = client.get("/en/trainers/").content.decode()
    assert "<script>alert(1)" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- the demo -----------------------------------------------------------------------------------


def test_the_demo_seeds_trainers_idempotently(client, settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("seed_demo", "--demo-accounts", stdout=out)
    assert TrainerProfile.objects.filter(user__username="trainer").exists()
    counts = (
        TrainerProfile.objects.count(),
        ProgrammeRecord.objects.count(),
        Certificate.objects.count(),
    )
    assert counts[0] >= 5 and counts[2] >= 5
    countries = set(TrainerProfile.objects.values_list("countries__slug", flat=True))
    assert {"cambodia", "vietnam", "bangladesh"} <= countries
    call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
    assert counts == (
        TrainerProfile.objects.count(),
        ProgrammeRecord.objects.count(),
        Certificate.objects.count(),
    )
    html = client.get("/en/trainers/").content.decode()
    assert "সুলতানা" in html and "Trần Thị Thu" in html
    assert "Lê Văn Minh" not in html  # listed, but their certificate was revoked
    revoked = Certificate.objects.get(trainer__user__username="minh")
    assert "revoked" in client.get(f"/en/trainers/verify/{revoked.number}/").content.decode()


# --- writing to a trainer -----------------------------------------------------------------------


@pytest.fixture
def listed(make_trainer, programme, certify):
    trainer = make_trainer("listed", "Listed Trainer", languages=["km", "en"])
    certify(trainer, programme)
    return trainer


def contact_url(trainer):
    return f"/en/trainers/{trainer.pk}/contact/"


MESSAGE = "We are a garment factory in Kampong Speu and need supervisor training in Khmer."


def test_a_signed_in_reader_writes_to_a_listed_trainer(client, listed, make_user, mailoutbox):
    assert contact_url(listed) in client.get("/en/trainers/").content.decode()
    writer = make_user("factory-hr", email="hr@factory.example")
    login(client, writer)
    assert client.get(contact_url(listed)).status_code == 200
    response = client.post(contact_url(listed), {"message": MESSAGE})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["listed@example.org"] and mail.reply_to == ["hr@factory.example"]
    assert MESSAGE in mail.body and "factory-hr" in mail.body
    # written in a language the trainer trains in (Khmer before English)
    assert "Better Work" in mail.subject and mail.subject.isascii() is False
    page = client.get(contact_url(listed)).content.decode()
    assert "listed@example.org" not in page


def test_writing_needs_an_account(client, listed, mailoutbox):
    response = client.post(contact_url(listed), {"message": MESSAGE})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert mailoutbox == []


def test_only_listed_certified_trainers_can_be_written_to(
    client, make_trainer, programme, certify, make_user, mailoutbox
):
    hidden = make_trainer("hidden", "Hidden Trainer", listed=False)
    certify(hidden, programme)
    uncertified = make_trainer("uncertified", "Uncertified Trainer")
    login(client, make_user("writer"))
    for trainer in (hidden, uncertified):
        assert client.get(contact_url(trainer)).status_code == 404
        assert client.post(contact_url(trainer), {"message": MESSAGE}).status_code == 404
    assert client.get("/en/trainers/999999/contact/").status_code == 404
    assert mailoutbox == []


@pytest.mark.parametrize("message", ["", "Too short.", "x" * 2001, "a\x00" * 20])
def test_a_bad_message_is_a_400(client, listed, make_user, mailoutbox, message):
    login(client, make_user("writer"))
    response = client.post(contact_url(listed), {"message": message})
    assert response.status_code == 400
    if "\x00" not in message:  # NUL bytes are refused by the portal's middleware first
        assert "errorlist" in response.content.decode()
    assert mailoutbox == []


def test_writing_is_rate_limited(client, listed, make_user, mailoutbox, settings):
    settings.TRAINERS_CONTACT_RATE = "2/h"
    login(client, make_user("writer"))
    statuses = [
        client.post(contact_url(listed), {"message": MESSAGE}).status_code for _ in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert len(mailoutbox) == 2
