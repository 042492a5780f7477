"""'Discuss this resource', the portal hooks, and the idempotent demo."""

import io

import pytest
from wagtail.models import Locale, Page

from communities.models import Attachment, Community, Post, Thread, Visibility
from portal.providers import provide

from .conftest import login

pytestmark = pytest.mark.django_db


def test_discuss_finds_or_starts_one_thread(client, people):
    page = Page.objects.get(slug="about", locale=Locale.get_default())
    url = f"/en/communities/discuss/?page={page.pk}"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    login(client, people["member"])
    assert client.get(url).status_code == 200  # a confirmation page; nothing made yet
    assert not Thread.objects.filter(subject_page=page).exists()
    first = client.post(url)
    assert first.status_code == 302
    thread = Thread.objects.get(subject_page=page)
    assert thread.community.visibility == Visibility.PUBLIC
    assert first["Location"].endswith(thread.get_absolute_url())
    assert client.get(url)["Location"] == first["Location"]
    assert Thread.objects.filter(subject_page=page).count() == 1
    client.logout()
    assert client.get(url)["Location"] == first["Location"]  # anyone reaches an existing one
    assert client.get("/en/communities/discuss/?page=abc").status_code == 400
    assert client.get("/en/communities/discuss/?page=999999").status_code == 404


def test_portal_hooks(people, make_community, make_thread):
    from portal.models import Country

    cambodia = Country.objects.get(slug="cambodia", locale__language_code="en")
    public = make_community("public")
    public.countries.add(cambodia)
    public.save()  # ParentalManyToMany: saved with the model
    hidden = make_community("private")
    hidden.countries.add(cambodia)
    hidden.save()
    make_thread(public, title="Visible talk")
    make_thread(hidden, title="Secret talk")
    titles = [i.title for i in provide("latest_discussions", language="en", limit=5, country=None)]
    assert titles == ["Visible talk"]
    communities = [
        i.title
        for i in provide(
            "country_communities",
            language="km",
            limit=5,
            country=Country.objects.get(slug="cambodia", locale__language_code="km"),
        )
    ]
    assert communities == [public.name]


def _seed():
    from communities import demo
    from portal.demo.seed import seed_accounts
    from portal.management.commands.seed_demo import SeedContext

    context = SeedContext(stdout=io.StringIO(), scale=1, with_accounts=True)
    seed_accounts(context.stdout)
    demo.seed(context)


def test_demo_is_idempotent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _seed()
    counts = (
        Community.objects.count(),
        Thread.objects.count(),
        Post.objects.count(),
        Attachment.objects.count(),
    )
    assert {c.visibility for c in Community.objects.all()} == {"public", "members", "private"}
    languages = set(Community.objects.values_list("languages__language_code", flat=True))
    assert {"en", "fr", "es", "vi", "km", "ar"} <= languages
    assert Post.objects.filter(mentions__isnull=False).exists()
    assert counts[3] >= 1
    with django_capture_on_commit_callbacks(execute=True):
        _seed()
    assert counts == (
        Community.objects.count(),
        Thread.objects.count(),
        Post.objects.count(),
        Attachment.objects.count(),
    )
