"""The admin report of newsletter subscribers (counts only, permission-checked) and the demo
readers."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from communities.models import NewsletterSubscription
from communities.newsletter import demo
from portal.management.commands.seed_demo import SeedContext

from .newsletter_support import subscribe

pytestmark = pytest.mark.django_db

URL = "/admin/newsletter/"


@pytest.fixture
def editor(make_user):
    user = make_user("editor-in-chief")
    user.groups.add(Group.objects.get(name="Editors"))  # granted by migration 0009
    return user


@pytest.fixture
def admin_only(make_user):
    """May use the admin, but not see the newsletter."""
    user = make_user("someone")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_editor_sees_counts_per_language_and_country(client, editor, django_assert_max_num_queries):
    subscribe("a@example.org", language="km", countries=["cambodia"])
    subscribe("b@example.org", language="km", countries=["cambodia", "vietnam"])
    subscribe("c@example.org", language="ar")
    client.force_login(editor)
    with django_assert_max_num_queries(40):
        response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Newsletter subscribers" in text
    assert "3 confirmed subscribers." in text
    assert "Chose every country: 1" in text
    rows = dict(response.context["by_country"])
    assert rows["Cambodia"] == 2 and rows["Vietnam"] == 1 and rows["Jordan"] == 0
    assert dict(response.context["by_language"]) == {"Khmer": 2, "Arabic": 1}
    assert "a@example.org" not in text  # counts, never addresses


def test_others_may_not_see_it(client, admin_only, make_user):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(make_user("reader"))
    assert client.get(URL).status_code == 302
    client.force_login(admin_only)
    refused = client.get(URL)
    # Wagtail answers PermissionDenied in its admin with a redirect and a message.
    assert (refused.status_code, refused.url) == (302, "/admin/")


def test_menu_item_only_for_those_who_may_see_it(client, editor, admin_only):
    client.force_login(editor)
    assert "Newsletter subscribers" in client.get("/admin/").content.decode()
    client.force_login(admin_only)
    assert "Newsletter subscribers" not in client.get("/admin/").content.decode()


def test_demo_readers_only_with_demo_accounts_and_idempotent(make_user):
    demo.seed(SeedContext(stdout=io.StringIO(), scale=1, with_accounts=False))
    assert not NewsletterSubscription.objects.exists()
    trainer = make_user("trainer", email="trainer@example.org")
    context = SeedContext(stdout=io.StringIO(), scale=1, with_accounts=True)
    demo.seed(context)
    demo.seed(context)
    readers = {s.email: s for s in NewsletterSubscription.objects.all()}
    assert len(readers) == 2
    assert readers["trainer@example.org"].user == trainer
    assert readers["layla.haddad@example.org"].language == "ar"
    assert sorted(c.slug for c in readers["layla.haddad@example.org"].countries.all()) == [
        "egypt",
        "jordan",
    ]


def test_preferences_page_links_to_the_newsletter(client, make_user):
    client.force_login(make_user("reader"))
    assert b'href="/en/newsletter/mine/"' in client.get("/en/accounts/preferences/").content


def test_csv_export_counts_and_guards_spreadsheet_formulas(client, editor, admin_only):
    from portal.models import Country

    Country.objects.filter(slug="haiti").update(name='=HYPERLINK("http://evil.example","Haiti")')
    subscribe("a@example.org", language="km", countries=["haiti"])
    client.force_login(editor)
    response = client.get("/admin/newsletter/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Grouped by", "Name", "Subscribers"]
    assert ["Language", "Khmer", "1"] in rows
    assert ["Country", '\'=HYPERLINK("http://evil.example","Haiti")', "1"] in rows
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert "a@example.org" not in response.content.decode()
    client.force_login(admin_only)
    refused = client.get("/admin/newsletter/export/")
    assert (refused.status_code, refused.url) == (302, "/admin/")
