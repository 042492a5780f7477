"""A change to a community, its threads, posts or members bumps that community's version and
the ``COMMUNITIES`` one (the list of communities, "latest discussions" blocks), so cached pages
of other communities stay."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.cache_versions import COMMUNITIES, bump, community

from .models import Community, Membership, Post, Profile, Thread


def _community_of(instance):
    if isinstance(instance, Community):
        return instance.pk
    if isinstance(instance, Post):
        thread = instance._state.fields_cache.get("thread")
        if thread is not None:
            return thread.community_id
        return (
            Thread.objects.filter(pk=instance.thread_id)
            .values_list("community_id", flat=True)
            .first()
        )
    return instance.community_id


def _changed(sender, instance, **kwargs):
    pk = _community_of(instance)
    bump(*([community(pk)] if pk else []), COMMUNITIES)


def _profile_changed(sender, instance, **kwargs):
    """A name or picture shows on the person's page and beside their posts (looked up once
    the change is committed: no query in the request that saves the profile)."""

    def bump_their_communities():
        memberships = Membership.objects.filter(user_id=instance.user_id)
        bump(COMMUNITIES, *map(community, memberships.values_list("community_id", flat=True)))

    transaction.on_commit(bump_their_communities)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(
            _profile_changed, sender=Profile, dispatch_uid=f"communities.cache.profile.{id(signal)}"
        )
    for model in (Community, Thread, Post, Membership):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed,
                sender=model,
                dispatch_uid=f"communities.cache.{model.__name__}.{id(signal)}",
            )
