from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchQueryStat(models.Model):
    """How often a query was searched, per day and language, and whether it found anything.

    Wagtail's own query log records neither the language nor the number of results; this one does,
    and stores nothing about who searched.
    """

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=12)
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches with no result"), default=0)
    last_hit_count = models.PositiveIntegerField(_("results (last search)"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="search_querystat_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "day"], name="search_querystat_lang_day")]
        permissions = [("view_search_analytics", _("Can view search analytics"))]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"


class SearchDocument(models.Model):
    """One readable page as site search reads it on PostgreSQL: the database backend's own index
    entry (``title``/``body`` vectors and ``title_norm``, copied as they are, so matching and
    ranking equal the backend's) beside the page's type, language and taxonomy tags
    (``country:<slug>``, ``industry:<slug>``, ``topic:<slug>``).

    Rows exist only for live, public pages (``search.documents`` keeps them in step), so a
    search reads this one narrow table: no join to the page tree, no probe of the taxonomy
    tables per match. The table is created on PostgreSQL only (migration ``0004``); other
    databases and Elasticsearch search the backend directly."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.DO_NOTHING,  # deleted with the page by search.documents
        db_constraint=False,
        related_name="+",
    )
    content_type_id = models.IntegerField()
    locale_id = models.IntegerField()
    tags = ArrayField(models.CharField(max_length=150), default=list)
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField(default=1.0)
    vector = SearchVectorField(editable=False)  # GENERATED ALWAYS AS (title || body) STORED

    class Meta:
        managed = False
        db_table = "search_document"
        verbose_name = _("search document")

    def __str__(self):
        return str(self.page_id)
