import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheVersion(models.Model):
    """One row per kind of content that cached pages and fragments depend on ("content",
    "compliance", "communities", "community:<pk>"), whose token changes with every change to
    it. The token lives in the database, not in a per-process cache, so a change seen by one
    process invalidates every process's cached copies at once (``portal/cache_versions.py``)."""

    name = models.CharField(max_length=64, primary_key=True)
    token = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("cache version")
        verbose_name_plural = _("cache versions")

    def __str__(self):
        return f"{self.name}: {self.token}"

    @staticmethod
    def new_token():
        # Random, not a counter: a rolled-back change must not bring back a number whose
        # cached copies described other data.
        return uuid.uuid4().hex
