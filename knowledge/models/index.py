"""A denormalised, read-only index of published resource pages for listings and facets.

Every resource type is its own table (they share an *abstract* base), so the library does not
query them. Publishing a resource writes one ``ResourceEntry`` row (title, summary, URL, type,
language, translation key) and one ``ResourceFacet`` row per taxonomy slug it carries
(``country``/``industry``/``topic``/``audience``/``compliance_point``). Slugs are the same in
every language, so "how many resources per country" is a single grouped query over
``ResourceFacet`` whatever the number of languages. Rows are rebuilt from the page on
publish, unpublish, move, delete and view-restriction changes (``knowledge.indexing``).
"""

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

GLOBAL = "global"  # country facet value of resources with no country


class ResourceEntry(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="resource_entry"
    )
    translation_key = models.UUIDField(default=uuid.uuid4)
    language = models.CharField(max_length=12)
    resource_type = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    url = models.CharField(max_length=800)
    published_at = models.DateTimeField(null=True)
    last_reviewed = models.DateField(null=True)
    featured = models.BooleanField(default=False)
    # Visible without logging in (no view restriction on the page or its ancestors).
    is_public = models.BooleanField(default=True)
    # The version shown to readers whose language the resource is not in (default locale first).
    is_primary = models.BooleanField(default=False)
    # Public language versions of the whole resource, as "|en|km|": lets the listing pick the
    # reader's version and filter/count by language without correlated subqueries.
    languages = models.CharField(max_length=200, blank=True, default="")
    # A country adaptation: the translation key of the global tool it was adapted from
    # ("Adapted in Cambodia, Vietnam" on the global tool is one query on this column).
    adapted_from_key = models.UUIDField(null=True, blank=True, db_index=True)
    # Downloads of every material of every language version of this resource.
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("resource index entry")
        verbose_name_plural = _("resource index entries")
        indexes = [
            models.Index(fields=["translation_key", "language"], name="knowledge_entry_key_lang"),
            models.Index(fields=["language", "is_public"], name="knowledge_entry_lang_public"),
            models.Index(fields=["is_primary", "is_public"], name="knowledge_entry_primary"),
            # The three sorts of the library, so a page of results is an index range scan.
            models.Index(
                models.F("published_at").desc(), Lower("title"), name="knowledge_entry_newest"
            ),
            models.Index(
                Lower("title"), models.F("published_at").desc(), name="knowledge_entry_title"
            ),
            models.Index(
                models.F("downloads").desc(),
                models.F("published_at").desc(),
                name="knowledge_entry_downloads",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class ResourceFacet(models.Model):
    entry = models.ForeignKey(ResourceEntry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "facet", "value"], name="knowledge_facet_unique"
            )
        ]
        indexes = [models.Index(fields=["facet", "value"], name="knowledge_facet_value")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class MaterialDownloads(models.Model):
    """How often one material was downloaded: a counter only, no personal data. Kept apart from
    ``Material`` because publishing a revision rewrites the material rows."""

    material = models.OneToOneField(
        "knowledge.Material", on_delete=models.CASCADE, primary_key=True, related_name="stats"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("material download count")

    def __str__(self):
        return f"{self.material_id}: {self.count}"
