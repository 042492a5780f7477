"""Communities of practice. Threads and replies go through ``communities.services`` (as the
views do), so the opening post, its rendering, counts and notifications are the app's own."""

import factory
from factory.django import DjangoModelFactory

from communities import services
from communities.models import Community, Membership, Post, Thread

from .users import UserFactory


class CommunityFactory(DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")
    description = "A place to talk."
    visibility = "public"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    role = "member"
    status = "active"


class ThreadFactory(DjangoModelFactory):
    """A thread with its opening post, written by ``author`` (a new member by default)."""

    class Meta:
        model = Thread

    community = factory.SubFactory(CommunityFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    body = "Tell us more."

    @classmethod
    def _create(cls, model_class, community, author, title, body, **fields):
        thread = services.create_thread(community, author, title, body, **fields)
        return thread


class PostFactory(DjangoModelFactory):
    """A reply to ``thread``."""

    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Reply {n}.")

    @classmethod
    def _create(cls, model_class, thread, author, body, **fields):
        return services.create_reply(thread, author, body, **fields)
