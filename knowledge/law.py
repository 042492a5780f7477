"""Labour-law references as readers get them: in the reader's language where translated (else
the default language's, marked with its ``lang``), grouped by compliance point in the CAT's
order, for one country. Read through the providers (``knowledge/providers.py``), so the portal
and ims_bridge never import this app."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from portal.providers import ProvidedItem

from .models import LawReference
from .models.law import STALE_AFTER


@dataclass(frozen=True)
class LawItem(ProvidedItem):
    """One reference: ``title`` is the law, ``url`` its text, ``summary`` the provision in
    words; ``key`` and ``group`` the compliance point (slug, name in the reader's language)."""

    key: str = ""
    group: str = ""
    article: str = ""
    country: str = ""  # the country's slug
    checked: datetime.date | None = None

    @property
    def stale(self):
        """Not checked for two years: readers see "check pending"."""
        return self.checked is None or self.checked < timezone.localdate() - STALE_AFTER


def _localized(rows, language):
    """One row per translation key: the ``language`` version, else the default one."""
    chosen = {}
    for row in rows:
        code = row.locale.language_code
        if row.translation_key not in chosen or code == language:
            chosen[row.translation_key] = row
    return list(chosen.values())


def _point_names(points, language):
    from portal.models import CompliancePoint

    return dict(
        CompliancePoint.objects.filter(
            locale__language_code=language,
            translation_key__in=[p.translation_key for p in points],
        ).values_list("translation_key", "name")
    )


def references(language, country_slug, compliance_points=None):
    """The LawItems of the country (only those of ``compliance_points`` slugs when given), in
    the CAT's order of compliance points. Three queries."""
    if not country_slug:
        return []
    rows = LawReference.objects.filter(
        country__slug=country_slug,
        locale__language_code__in={language, settings.LANGUAGE_CODE},
    )
    if compliance_points is not None:
        rows = rows.filter(compliance_point__slug__in=list(compliance_points))
    rows = _localized(
        rows.select_related("locale", "country", "compliance_point__cluster").order_by(
            "compliance_point__cluster__sort_order",
            "compliance_point__sort_order",
            "sort_order",
            "law_name",
            "article",
            "pk",
        ),
        language,
    )
    names = _point_names({row.compliance_point for row in rows}, language) if rows else {}
    return [
        LawItem(
            title=row.law_name,
            # Validated on save; checked again so no other scheme (javascript:) reaches a link.
            url=row.url if row.url.startswith(("https://", "http://")) else "",
            summary=row.summary,
            language=row.locale.language_code,
            key=row.compliance_point.slug,
            group=names.get(row.compliance_point.translation_key, row.compliance_point.name),
            article=row.article,
            country=row.country.slug,
            checked=row.date_checked,
        )
        for row in rows
    ]
