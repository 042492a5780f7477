"""Items for the portal's compliance blocks (hooks portal_provides_compliance_*)."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.models import Cluster, CompliancePoint
from portal.providers import ProvidedItem

from . import reports
from .models import AggregateCell, ComplianceIndexPage, Level, Window


def _compliance_page(language):
    pages = ComplianceIndexPage.objects.live().public()
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale=Locale.get_default()).first()
    )


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def _default_country(country):
    if country is None:
        return None
    return country.get_translation_or_none(Locale.get_default()) or country


def compliance_highlights(language="", limit=4, country=None, **kwargs):
    """The compliance points with the highest public non-compliance rates."""
    country = _default_country(country)
    page = _compliance_page(language)
    names = reports.names_in(CompliancePoint, _locale(language))
    cells = AggregateCell.objects.filter(
        window=Window.LATEST,
        level=Level.POINT,
        industry=None,
        panel=0,
        country=country,
        factories_assessed__gte=reports.min_cell(),
    ).select_related("compliance_point")
    cells = sorted(cells, key=lambda c: (-c.rate, c.compliance_point.sort_order))[:limit]
    items = []
    for cell in cells:
        point = cell.compliance_point
        if page is None:
            url = ""
        elif country is not None:
            url = page.url + page.reverse_subpage("country", kwargs={"slug": country.slug})
        else:
            url = f"{page.url}?indicator=point:{point.slug}"
        items.append(
            ProvidedItem(
                title=names.get(point.translation_key, point.name),
                url=url,
                summary=_("%(rate)s%% of %(n)s factories non-compliant")
                % {"rate": cell.public_percent, "n": cell.factories_assessed},
                language=language,
            )
        )
    return items


def compliance_summary(language="", limit=8, country=None, **kwargs):
    """Cluster rates for a country (the eight clusters, latest assessment per factory)."""
    country = _default_country(country)
    if country is None:
        return []
    page = _compliance_page(language)
    url = page.url + page.reverse_subpage("country", kwargs={"slug": country.slug}) if page else ""
    names = reports.names_in(Cluster, _locale(language))
    cells = (
        AggregateCell.objects.filter(
            window=Window.LATEST,
            level=Level.CLUSTER,
            industry=None,
            panel=0,
            country=country,
        )
        .select_related("cluster")
        .order_by("cluster__sort_order")[:limit]
    )
    return [
        ProvidedItem(
            title=names.get(cell.cluster.translation_key, cell.cluster.name),
            url=url,
            summary=(
                _("not enough factories")
                if cell.suppressed
                else _("%(rate)s%% of %(n)s factories non-compliant")
                % {"rate": cell.public_percent, "n": cell.factories_assessed}
            ),
            language=language,
        )
        for cell in cells
    ]
