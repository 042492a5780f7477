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
