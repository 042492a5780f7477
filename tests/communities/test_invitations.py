"""An invitation is accepted only by an account whose verified e-mail address is the invited
one; anyone else holding the link is refused (403, in their language) and the invitation stays
usable by the right person."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from communities.models import Invitation, Membership, Role

from .conftest import login

pytestmark = pytest.mark.django_db


def _invite(community, email, inviter, role=Role.MODERATOR):
    return Invitation.objects.create(
        community=community, email=email, role=role, invited_by=inviter
    )


def _sign_up(username, email):
    """An account made through the public sign-up, its address confirmed by the e-mailed link."""
    visitor = Client(HTTP_HOST="localhost")
    password = "a-Long-passphrase-9"
    visitor.post(
        "/en/accounts/signup/",
        {"username": username, "email": email, "password1": password, "password2": password},
    )
    link = re.search(r"http://\S+(/en/accounts/verify/\S+/)", mail.outbox[-1].body).group(1)
    assert visitor.post(link).status_code == 302
    return get_user_model().objects.get(username=username, is_active=True)


def _url(invitation, language="en"):
    return f"/{language}/communities/invitations/{invitation.token}/"


def test_someone_else_holding_the_link_is_refused(client, people, make_community, make_user):
    community = make_community("private")
    invitation = _invite(community, "Invitee@Example.org", people["owner"])
    intruder = _sign_up("intruder", "intruder@example.org")
    login(client, intruder)
    for method in (client.get, client.post):
        response = method(_url(invitation))
        assert response.status_code == 403
        assert "This invitation is for someone else" in response.content.decode()
    assert not Membership.objects.filter(user=intruder, community=community).exists()
    refusal = client.post(_url(invitation, "fr"))
    assert refusal.status_code == 403
    assert "Cette invitation est destinée à quelqu’un d’autre" in refusal.content.decode()
    invitation.refresh_from_db()
    assert invitation.is_usable() and invitation.accepted_by is None

    invitee = _sign_up("ivy", "INVITEE@example.ORG ")
    login(client, invitee)
    assert client.post(_url(invitation)).status_code == 302
    membership = Membership.objects.get(user=invitee, community=community)
    assert membership.role == Role.MODERATOR
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee


def test_an_unverified_address_must_be_confirmed_first(client, people, make_community, make_user):
    """An account made by an administrator (never verified) with the invited address is asked
    to confirm it: a link goes to that address; after confirming, the invitation is accepted."""
    community = make_community("private")
    invitation = _invite(community, "newcomer@example.org", people["owner"], role=Role.MEMBER)
    newcomer = make_user("newcomer", email="newcomer@example.org")
    login(client, newcomer)
    response = client.post(_url(invitation))
    assert response.status_code == 403
    assert "Confirm your e-mail address first" in response.content.decode()
    assert not Membership.objects.filter(user=newcomer).exists()

    mail.outbox.clear()
    sent = client.post(_url(invitation), {"send_confirmation": "1"})
    assert sent.status_code == 200
    assert [m.to for m in mail.outbox] == [["newcomer@example.org"]]
    link = re.search(r"http://\S+(/en/accounts/verify/\S+/)", mail.outbox[0].body).group(1)
    assert not Membership.objects.filter(user=newcomer).exists()
    assert client.post(link).status_code == 302
    assert client.post(_url(invitation)).status_code == 302
    assert Membership.objects.get(user=newcomer, community=community).role == Role.MEMBER


def test_a_verified_address_that_was_changed_since_no_longer_counts(
    client, people, make_community, make_user
):
    community = make_community("private")
    invitation = _invite(community, "target@example.org", people["owner"])
    switcher = _sign_up("switcher", "mine@example.org")
    switcher.email = "target@example.org"  # e.g. changed in the admin's account settings
    switcher.save(update_fields=["email"])
    login(client, switcher)
    assert client.post(_url(invitation)).status_code == 403
    assert not Membership.objects.filter(user=switcher).exists()


def test_anonymous_reader_is_told_which_account_to_use(client, people, make_community):
    community = make_community("private")
    invitation = _invite(community, "someone@example.org", people["owner"])
    page = client.get(_url(invitation)).content.decode()
    assert "the e-mail address this invitation was sent to" in page
    assert "someone@example.org" not in page  # the link alone does not reveal the address
