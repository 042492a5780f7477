"""Builders for the search suite: published resources with taxonomy, news articles and events
with countries, communities with threads, and both counting sources (``counting``). Everything
is made inside the test's rolled-back transaction and indexed explicitly (the session baseline
runs with search auto-update off)."""

import datetime
import itertools
import re

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from communities import services
from communities.models import (
    Community,
    EventIndexPage,
    EventPage,
    Membership,
    Role,
    Status,
    Visibility,
)
from knowledge.models import NewsArticlePage, NewsIndexPage
from portal.models import Country, HomePage, Industry, Topic
from tests.factories import ResourceLibraryPageFactory

_counter = itertools.count()


def assert_counts_are_what_choosing_gives(client, base):
    """The definition of a disjunctive count, for every option the search API offers under
    the query ``base``: an option's count is the number of results choosing it gives."""
    data = client.get("/api/v2/search/", base).json()
    for facet, options in data["facets"].items():
        parameter = "in_language" if facet == "language" else facet
        for option in options:
            narrowed = {**base, parameter: [option["value"]]}
            if facet == "language":
                narrowed.pop("all_languages", None)
            count = client.get("/api/v2/search/", narrowed).json()["count"]
            assert option["count"] == count, (facet, option, base)


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


@pytest.fixture(params=["documents", "pages"])
def counting(request, monkeypatch):
    """Both sources of the counting statement (``search.counting``): the search documents
    (PostgreSQL's backend keeps them) and the backend's matching pages (every other backend)."""
    from django.db import connection

    if request.param == "documents":
        if connection.vendor != "postgresql":
            pytest.skip("search documents are kept on PostgreSQL only")
        return request.param
    monkeypatch.setattr("search.backend.DocumentSearchBackend.page_documents", False)
    return request.param


def _home(language):
    return HomePage.objects.get(locale__language_code=language)


@pytest.fixture
def make_news(db):
    """``make_news(title, countries=...)``: a news article published (as an editor would) under
    an English news index, and indexed. No country: global news."""
    news_index = NewsIndexPage(title="News", slug="news")
    _home("en").add_child(instance=news_index)
    news_index.save_revision().publish()

    def make(title, *, countries=(), **fields):
        fields.setdefault("summary", f"Summary of {title}")
        page = NewsArticlePage(
            title=title, slug=f"n-{next(_counter)}", date=datetime.date(2025, 3, 1), **fields
        )
        news_index.add_child(instance=page)
        page.countries.set([term(Country, s) for s in countries])
        page.save_revision().publish()
        page = NewsArticlePage.objects.get(pk=page.pk)
        index(page)
        return page

    return make


@pytest.fixture
def make_event(db):
    """``make_event(title, countries=..., publish=...)``: an event under an English event index,
    published (and indexed) unless ``publish`` is false (then a draft that was never live)."""
    event_index = EventIndexPage(title="Events", slug="events")
    _home("en").add_child(instance=event_index)
    event_index.save_revision().publish()

    def make(title, *, countries=(), publish=True, **fields):
        start = datetime.datetime(2030, 5, 1, 9, tzinfo=datetime.UTC)
        fields.setdefault("summary", f"About {title}")
        fields.setdefault("place", "Phnom Penh")
        fields.setdefault("kind", "training-of-trainers")
        page = EventPage(
            title=title,
            slug=f"e-{next(_counter)}",
            start=start,
            end=start + datetime.timedelta(hours=3),
            live=publish,
            **fields,
        )
        event_index.add_child(instance=page)
        page.countries.set([term(Country, s) for s in countries])
        revision = page.save_revision()
        if publish:
            revision.publish()
        page = EventPage.objects.get(pk=page.pk)
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
