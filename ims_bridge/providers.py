"""Items for the portal's compliance blocks (hooks portal_provides_compliance_*).

Everything here reads AggregateCell only, through ``reports.public_figures``: a cell that is not
published shows no rate and no factory count."""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.cache_versions import COMPLIANCE, CONTENT
from portal.formatting import format_number
from portal.fragments import cached_items
from portal.models import Cluster, CompliancePoint
from portal.providers import ProvidedItem

from . import reports
from .models import AggregateCell, ComplianceIndexPage, Level, Window


@dataclass(frozen=True)
class RateItem(ProvidedItem):
    """One public rate: ``percent`` is None when the cell is suppressed; ``assessed`` is the
    number of factories assessed as shown to the public ("fewer than 5" when suppressed)."""

    key: str = ""
    percent: float | None = None
    assessed: str = ""

    @property
    def suppressed(self):
        return self.percent is None


@dataclass(frozen=True)
class RateTable(ProvidedItem):
    """A table of rates: ``title`` is its caption, ``url`` the fuller report (``link_label``),
    ``csv_url`` the same table as CSV (when the site has one)."""

    rows: tuple[RateItem, ...] = ()
    first_column: str = ""
    link_label: str = ""
    csv_url: str = ""


def _threshold():
    # In the key of every cached block: figures published under another suppression threshold
    # are never shown (a miss reads the aggregates, which recomputes them first).
    return reports.min_cell()


cached_block = cached_items(kinds=(CONTENT, COMPLIANCE), extra=_threshold)


def _compliance_page(language):
    pages = ComplianceIndexPage.objects.live().public()
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale=Locale.get_default()).first()
    )


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def _default_term(term):
    """The default-language version of a taxonomy term (aggregates point at those)."""
    if term is None:
        return None
    default = Locale.get_default()
    if term.locale_id == default.pk:
        return term
    return term.get_translation_or_none(default) or term


def _localized_name(term, locale):
    if term is None:
        return ""
    if locale is None or term.locale_id == locale.pk:
        return term.name
    translated = term.get_translation_or_none(locale)
    return (translated or term).name


def _country_url(page, country):
    return page.url + page.reverse_subpage("country", kwargs={"slug": country.slug})


def _point_url(page, country, point):
    """Where a compliance point's rate leads: the country report, or the comparison."""
    if page is None:
        return ""
    if country is not None:
        return _country_url(page, country)
    return f"{page.url}?indicator=point:{point.slug}"


def _rate_item(cell, label, **extra):
    assessed, percent = reports.public_figures(cell)
    row = reports.Row(label=label, assessed=assessed, percent=percent)
    return RateItem(title=label, percent=row.percent, assessed=row.assessed_display, **extra)


@reports.cached_until_recompute
def _ranked_point_cells(country, limit, failing_only=False):
    """The compliance-point cells of the latest window that may be shown publicly (never a
    suppressed one), highest rate first; ``failing_only`` leaves out points nobody fails.
    Cached until the next recompute (or a new suppression threshold)."""
    cells = (
        AggregateCell.objects.published()
        .filter(window=Window.LATEST, level=Level.POINT, industry=None, panel=0, country=country)
        .select_related("compliance_point")
    )
    if failing_only:
        cells = [cell for cell in cells if cell.public_rate]
    return sorted(cells, key=lambda c: (-c.rate, c.compliance_point.sort_order))[:limit]


def _point_items(cells, language, country, make):
    """One item per ranked cell: ``make(cell, title, url=…, summary=…)``."""
    names = reports.names_in(CompliancePoint, _locale(language))
    page = _compliance_page(language)
    items = []
    for cell in cells:
        point = cell.compliance_point
        items.append(
            make(
                cell,
                names.get(point.translation_key, point.name),
                url=_point_url(page, country, point),
                summary=_("%(rate)s%% of %(n)s factories non-compliant")
                % {
                    "rate": format_number(cell.public_percent),
                    "n": format_number(cell.factories_assessed),
                },
            )
        )
    return items


@cached_block
def compliance_highlights(language="", limit=4, country=None, **kwargs):
    """The compliance points with the highest public non-compliance rates."""
    country = _default_term(country)
    return _point_items(
        _ranked_point_cells(country, limit),
        language,
        country,
        lambda cell, title, **extra: ProvidedItem(title=title, language=language, **extra),
    )


@reports.cached_until_recompute
def _cluster_items(country, industry, language, limit):
    """The cluster rate items (without a link) of a compliance summary, cached until the next
    recompute (or a new suppression threshold)."""
    cells = list(
        AggregateCell.objects.filter(
            window=Window.LATEST,
            level=Level.CLUSTER,
            panel=0,
            country=country,
            industry=industry,
        )
        .select_related("cluster")
        .order_by("cluster__sort_order")[:limit]
    )
    if not cells:
        return ()
    names = reports.names_in(Cluster, _locale(language))
    return tuple(
        _rate_item(
            cell,
            names.get(cell.cluster.translation_key, cell.cluster.name),
            url="",
            key=cell.cluster.slug,
            language=language,
        )
        for cell in cells
    )


@cached_block
def compliance_summary(language="", limit=8, country=None, industry=None, **kwargs):
    """Cluster rates (latest assessment per factory) for a country and/or an industry, or for
    all countries: one RateTable, or nothing before any data is imported."""
    country, industry = _default_term(country), _default_term(industry)
    items = _cluster_items(country, industry, language, max(1, min(int(limit or 8), 12)))
    if not items:
        return []
    locale = _locale(language)
    page = _compliance_page(language)
    scope = [_localized_name(term, locale) for term in (country, industry) if term is not None]
    url = csv_url = link_label = ""
    if page is not None and country is not None:
        url = _country_url(page, country)
        link_label = _("Compliance in %(name)s") % {"name": scope[0]}
        if industry is None:
            csv_url = url + "clusters/csv/"
    elif page is not None:
        url, link_label = page.url, page.title
    return [
        RateTable(
            title=_("Non-compliance by cluster (latest assessment per factory)"),
            summary=" · ".join(scope) or _("All countries"),
            url=url,
            link_label=link_label,
            csv_url=csv_url,
            first_column=_("Cluster"),
            rows=tuple(replace(item, url=url) for item in items),
            language=language,
        )
    ]


def _indicator_label(key, locale):
    found = reports.indicator_filter(key) or {}
    if found.get("level") == Level.OVERALL:
        return _("Any compliance point")
    term = found.get("cluster") or found.get("compliance_point")
    return _localized_name(term, locale) if term else key.partition(":")[2]


@cached_block
def compliance_comparison(language="", indicator="overall", **kwargs):
    """One indicator (overall, a cluster or a compliance point) across countries: one
    RateTable linking to the compliance page and its CSV."""
    indicator = indicator or "overall"
    locale = _locale(language)
    rows = reports.comparison(indicator, locale)
    if not rows:
        return []
    page = _compliance_page(language)
    label = _indicator_label(indicator, locale)
    url = csv_url = link_label = ""
    if page is not None:
        url = f"{page.url}?indicator={indicator}"
        csv_url = page.url + page.reverse_subpage("comparison_csv") + f"?indicator={indicator}"
        link_label = page.title
    countries = {}
    if page is not None:
        countries = {
            row.key: page.url + page.reverse_subpage("country", kwargs={"slug": row.key})
            for row in rows
        }
    return [
        RateTable(
            title=_("Non-compliance by country: %(label)s") % {"label": label},
            url=url,
            link_label=link_label,
            csv_url=csv_url,
            first_column=_("Country"),
            rows=tuple(
                RateItem(
                    title=row.label,
                    url=countries.get(row.key, ""),
                    key=row.key,
                    percent=row.percent,
                    assessed=row.assessed_display,
                    language=language,
                )
                for row in rows
            ),
            language=language,
        )
    ]


@cached_block
def compliance_top_issues(language="", limit=5, country=None, **kwargs):
    """The compliance points with the highest public rates for a country, or across all
    countries; suppressed cells are never ranked. Items carry the point's slug as ``key``."""
    country = _default_term(country)
    limit = max(1, min(int(limit or 5), 12))
    cells = _ranked_point_cells(country, limit, failing_only=True)
    if not cells:
        return []
    return _point_items(
        cells,
        language,
        country,
        lambda cell, title, **extra: _rate_item(
            cell, title, key=cell.compliance_point.slug, language=language, **extra
        ),
    )
