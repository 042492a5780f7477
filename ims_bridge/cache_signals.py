"""Every recompute of the aggregates (after an import, or a new suppression threshold) saves
the state row: that bumps the ``COMPLIANCE`` version of cached pages and fragments."""

from django.db.models.signals import post_save

from portal.cache_versions import COMPLIANCE, bump

from .models import AggregateState


def _recomputed(sender, **kwargs):
    bump(COMPLIANCE)


def connect():
    post_save.connect(_recomputed, sender=AggregateState, dispatch_uid="ims_bridge.cache")
