"""Fixtures for the communities suite: one community per visibility with a member, moderator,
owner, an outsider and an editor, built through the models (the public surface is tested)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from communities import services
from communities.models import Community, Membership, Role, Visibility

# The events suites' fixtures (test_events*.py).
from .events_helpers import event_index, make_event, translated  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the (locmem) cache; start every test from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(django_user_model):
    counter = {"n": 0}

    def make(username=None, **fields):
        counter["n"] += 1
        username = username or f"user{counter['n']}"
        fields.setdefault("email", f"{username}@example.org")
        return django_user_model.objects.create_user(
            username=username, password="pw-Secret-1", **fields
        )

    return make


@pytest.fixture
def people(make_user):
    editor = make_user("eddie")
    editor.user_permissions.add(Permission.objects.get(codename="change_community"))
    return {
        "anonymous": None,
        "nonmember": make_user("nora"),
        "member": make_user("mia"),
        "moderator": make_user("mod"),
        "owner": make_user("olga"),
        "editor": editor,
        "author": make_user("arthur"),  # a second member who wrote the thread
    }


@pytest.fixture
def make_community(people):
    def make(visibility=Visibility.PUBLIC, slug=None):
        community = Community.objects.create(
            name=f"{visibility} community",
            slug=slug or f"c-{visibility}",
            visibility=visibility,
            description="A place to talk.",
        )
        for key, role in (
            ("member", Role.MEMBER),
            ("moderator", Role.MODERATOR),
            ("owner", Role.OWNER),
            ("author", Role.MEMBER),
        ):
            Membership.objects.create(community=community, user=people[key], role=role)
        return community

    return make


@pytest.fixture
def make_thread(people):
    def make(community, title="How do you run role plays?", body="Tell us **how**.", author=None):
        return services.create_thread(community, author or people["author"], title, body)

    return make


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client
