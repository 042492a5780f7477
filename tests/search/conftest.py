"""Builders for the search suite: published resources with taxonomy, communities with threads.
Everything is made inside the test's rolled-back transaction and indexed explicitly (the
session baseline runs with search auto-update off)."""

import itertools
import re

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from communities import services
from communities.models import Community, Membership, Role, Status, Visibility
from portal.models import Country, HomePage, Industry, Topic
from tests.factories import ResourceLibraryPageFactory

_counter = itertools.count()


def term(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def index(*objects):
    backend = get_search_backend()
    for obj in objects:
        backend.add(obj)
    return objects


@pytest.fixture
def libraries(db):
    """A published resource library in English and in French."""
    return {
        code: ResourceLibraryPageFactory(parent=HomePage.objects.get(locale__language_code=code))
        for code in ("en", "fr")
    }


@pytest.fixture
def make_resource(libraries):
    def make(model, title, *, language="en", countries=(), industries=(), topics=(), **fields):
        fields.setdefault("summary", f"Summary of {title}")
        page = model(title=title, slug=f"r-{next(_counter)}", **fields)
        libraries[language].add_child(instance=page)
        page.countries.set([term(Country, s) for s in countries])
        page.industries.set([term(Industry, s) for s in industries])
        page.topics.set([term(Topic, s) for s in topics])
        page.save_revision().publish()  # writes knowledge's ResourceEntry/ResourceFacet rows
        page = model.objects.get(pk=page.pk)
        index(page)
        return page

    return make


@pytest.fixture
def people(django_user_model):
    def user(name):
        return django_user_model.objects.create_user(name, f"{name}@example.org", "pw-Secret-1")

    editor = user("eddie")
    editor.user_permissions.add(Permission.objects.get(codename="change_community"))
    return {
        "anonymous": None,
        "nonmember": user("nora"),
        "pending": user("penny"),
        "suspended": user("sam"),
        "member": user("mia"),
        "moderator": user("mod"),
        "editor": editor,
        "author": user("arthur"),
    }


@pytest.fixture
def make_community(people):
    def make(visibility, slug=None, languages=()):
        community = Community.objects.create(
            name=f"{visibility.title()} circle",
            slug=slug or f"s-{visibility}-{next(_counter)}",
            visibility=visibility,
        )
        community.languages.set(Locale.objects.filter(language_code__in=languages))
        community.save()  # a ParentalManyToManyField is written on save
        for key, role, status in (
            ("member", Role.MEMBER, Status.ACTIVE),
            ("moderator", Role.MODERATOR, Status.ACTIVE),
            ("author", Role.OWNER, Status.ACTIVE),
            ("pending", Role.MEMBER, Status.PENDING),
            ("suspended", Role.MEMBER, Status.SUSPENDED),
        ):
            Membership.objects.create(
                community=community, user=people[key], role=role, status=status
            )
        return community

    return make


@pytest.fixture
def make_thread(people):
    def make(community, title, body="Tell us more.", replies=()):
        thread = services.create_thread(community, people["author"], title, body)
        for text in replies:
            services.create_reply(thread, people["member"], text)
        index(thread)
        return thread

    return make


PUBLIC, MEMBERS, PRIVATE = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def facet_counts(html, facet):
    """{value: count} of one facet fieldset of the search page (its "Show all" part included)."""
    return {
        value: int(count)
        for value, count in re.findall(
            rf'<span class="count" data-facet="{facet}" data-value="([^"]+)">\((\d+)\)', html
        )
    }


def result_count(html):
    found = re.search(r"(\d+) results?</p>", html)
    return int(found.group(1)) if found else 0
