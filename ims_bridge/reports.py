"""Read side of the public aggregates, shared by pages, blocks, API and CSV downloads.

Everything here reads AggregateCell only, and shows a figure only for a published cell (see
``aggregation`` and ``suppression``): a cell over fewer than ``min_cell()`` factories, or one
that would let such a cell be worked out, shows neither rate nor factory count ("not enough
factories"). ``ensure_current_threshold`` recomputes the cells first when the threshold they
were published under is not the configured one."""

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from portal import cache_versions
from portal.models import Cluster, CompliancePoint, Country

from .aggregation import refresh
from .models import (
    AggregateCell,
    AggregateState,
    Assessment,
    Finding,
    Level,
    PublicReporting,
    QuestionType,
    Window,
    min_cell,
)

REPORT_CACHE_SECONDS = 24 * 60 * 60  # only bounds memory: a recompute changes every key


SUPPRESSED_MARK = "—"


@dataclass
class Row:
    """One public figure. ``assessed`` and ``percent`` are both None when the cell is not
    published: a suppressed row carries no number at all."""

    label: str
    assessed: int | None
    percent: float | None
    key: str = ""
    url: str = ""
    cycle: int | None = None

    @property
    def suppressed(self):
        return self.percent is None

    @property
    def assessed_display(self):
        return SUPPRESSED_MARK if self.assessed is None else str(self.assessed)


def ensure_current_threshold():
    """Recompute the cells when they were published under another threshold than the
    configured one (a changed ``IMS_MIN_CELL_FACTORIES``, or cells from before publication
    was stored): publication depends on the threshold, so no figure is read before that.
    The state row's lock makes concurrent requests wait for one recompute."""
    threshold = AggregateState.objects.values_list("threshold", flat=True).first()
    if threshold is None or threshold == min_cell():
        return

    with transaction.atomic():
        state = AggregateState.objects.select_for_update().first()
        if state is not None and state.threshold != min_cell():
            refresh()


# (compliance token, threshold) pairs under which this process found the cells published under
# the configured threshold: the stored threshold changes only with a recompute, which gives
# the aggregates a new token.
_threshold_checked = set()


def cache_version():
    """What every cached public report or fragment depends on besides its own arguments and
    the language: the aggregates' ``compliance`` cache version (new at every recompute, which a
    new suppression threshold also causes) and the threshold. Cells published under another
    threshold are recomputed first."""
    threshold = min_cell()
    token = _compliance_token()
    if (token, threshold) not in _threshold_checked:
        ensure_current_threshold()
        token = _compliance_token()
        _threshold_checked.add((token, threshold))
    return f"{token}:{threshold}"


def _compliance_token():
    return cache_versions.current_shared([cache_versions.COMPLIANCE])[cache_versions.COMPLIANCE]


def cached_until_recompute(function):
    """Cache a report built from aggregates until they are recomputed. The key holds the
    arguments, the active language (labels are translated while building) and the
    suppression threshold, so a cached report never shows what its inputs would not."""

    @wraps(function)
    def cached(*args, **kwargs):
        values = [*args, *(kwargs[name] for name in sorted(kwargs))]
        parts = repr(
            (function.__name__, sorted(kwargs), [_key_part(v) for v in values], get_language())
        )
        digest = hashlib.sha256(parts.encode()).hexdigest()
        key = f"ims:report:{cache_version()}:{digest}"
        result = cache.get(key)
        if result is None:
            result = function(*args, **kwargs)
            if result is not None:
                cache.set(key, result, REPORT_CACHE_SECONDS)
        return result

    return cached


def _key_part(value):
    meta = getattr(value, "_meta", None)
    return f"{meta.label}:{value.pk}" if meta is not None else repr(value)


def default_terms(model):
    # Joined on the language code: no query for the default Locale each time (Locale.get_default
    # looks it up the same way).
    return model.objects.filter(
        locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )


def names_in(model, locale):
    """translation_key -> name in `locale` (falling back to the default-locale name)."""
    names = {t.translation_key: t.name for t in default_terms(model)}
    if locale is not None:
        names.update({t.translation_key: t.name for t in model.objects.filter(locale=locale)})
    return names


def public_countries():
    """Default-locale countries that have any aggregate (published or not: a country whose
    figures are all suppressed is listed with "not enough factories")."""
    ids = AggregateCell.objects.filter(country__isnull=False).values("country_id").distinct()
    return default_terms(Country).filter(pk__in=ids).order_by("name")


def country_names(locale=None):
    """[(slug, name in `locale`)] of the countries that have any aggregate."""
    names = names_in(Country, locale)
    return [(c.slug, names[c.translation_key]) for c in public_countries()]


def indicators(locale=None):
    """(key, label) pairs for the cross-country comparison."""
    cluster_names = names_in(Cluster, locale)
    point_names = names_in(CompliancePoint, locale)
    choices = [("overall", _("Any compliance point"))]
    for cluster in default_terms(Cluster).order_by("sort_order"):
        choices.append((f"cluster:{cluster.slug}", cluster_names[cluster.translation_key]))
    for point in default_terms(CompliancePoint).select_related("cluster"):
        choices.append((f"point:{point.slug}", "— " + point_names[point.translation_key]))
    return choices


def indicator_filter(key):
    """AggregateCell filter for an indicator key, or None when the key is unknown."""
    if key == "overall":
        return {"level": Level.OVERALL}
    kind, _sep, slug = key.partition(":")
    if kind == "cluster":
        term = default_terms(Cluster).filter(slug=slug).first()
        return term and {"level": Level.CLUSTER, "cluster": term}
    if kind == "point":
        term = default_terms(CompliancePoint).filter(slug=slug).first()
        return term and {"level": Level.POINT, "compliance_point": term}
    if kind == "question" and slug:
        return {"level": Level.QUESTION, "global_question_id": slug}
    return None


def public_figures(cell):
    """(factories assessed, percent non-compliant) as the public may see them: both None for
    a cell that is not published. Every public number about factories comes from here (or
    from a queryset's ``published()``)."""
    if cell is None or cell.suppressed:
        return None, None
    return cell.factories_assessed, cell.public_percent


def _row(cell, label, **extra):
    assessed, percent = public_figures(cell)
    return Row(label=label, assessed=assessed, percent=percent, **extra)


@cached_until_recompute
def comparison(indicator_key, locale=None):
    """One row per country for an indicator (latest assessment per factory)."""
    filters = indicator_filter(indicator_key)
    if filters is None:
        return None
    names = names_in(Country, locale)
    cells = AggregateCell.objects.filter(
        window=Window.LATEST,
        industry=None,
        panel=0,
        country__isnull=False,
        **filters,
    ).select_related("country")
    rows = [_row(c, names[c.country.translation_key], key=c.country.slug) for c in cells]
    return sorted(rows, key=lambda row: row.label)


@cached_until_recompute
def country_report(country, locale=None, industry=None):
    """Clusters, compliance points (grouped by cluster), trend and questions for a country."""
    cluster_names = names_in(Cluster, locale)
    point_names = names_in(CompliancePoint, locale)
    base = AggregateCell.objects.filter(
        country=country, industry=industry, panel=0, window=Window.LATEST
    )
    overall = base.filter(level=Level.OVERALL).first()
    clusters = {c.cluster_id: c for c in base.filter(level=Level.CLUSTER)}
    points = {c.compliance_point_id: c for c in base.filter(level=Level.POINT)}
    cluster_rows, point_groups = [], []
    all_points = list(default_terms(CompliancePoint))
    for cluster in default_terms(Cluster).order_by("sort_order"):
        label = cluster_names[cluster.translation_key]
        cell = clusters.get(cluster.pk)
        cluster_rows.append(_row(cell, label, key=cluster.slug))
        group = [
            _row(points[p.pk], point_names[p.translation_key], key=p.slug)
            for p in all_points
            if p.cluster_id == cluster.pk and p.pk in points
        ]
        if group:
            point_groups.append((label, group))
    questions = [
        _row(c, c.question_label, key=c.global_question_id)
        for c in base.filter(level=Level.QUESTION).order_by("global_question_id")
    ]
    return {
        "overall": _row(overall, _("Any compliance point")) if overall else None,
        "clusters": cluster_rows,
        "point_groups": point_groups,
        "questions": questions,
        "trend": trend(country, locale),
    }


def trend(country, locale=None):
    """Balanced-panel trend: the deepest panel with published figures, overall and per
    cluster by cycle (a panel's cycles are published together)."""
    cells = AggregateCell.objects.published().filter(
        window=Window.PANEL, country=country, industry=None
    )
    depth = max(cells.filter(level=Level.OVERALL).values_list("panel", flat=True), default=0)
    if not depth:
        return None
    cells = cells.filter(panel=depth)
    cluster_names = names_in(Cluster, locale)
    series = []
    overall = {c.cycle: c for c in cells.filter(level=Level.OVERALL)}
    series.append((_("Any compliance point"), [overall.get(n) for n in range(1, depth + 1)]))
    by_cluster = {}
    for cell in cells.filter(level=Level.CLUSTER).select_related("cluster"):
        by_cluster.setdefault(cell.cluster, {})[cell.cycle] = cell
    for cluster in sorted(by_cluster, key=lambda c: c.sort_order):
        series.append(
            (
                cluster_names[cluster.translation_key],
                [by_cluster[cluster].get(n) for n in range(1, depth + 1)],
            )
        )
    return {
        "depth": depth,
        "cycles": list(range(1, depth + 1)),
        "factories": cells.filter(level=Level.OVERALL, cycle=1)
        .values_list("factories_assessed", flat=True)
        .first()
        or 0,
        "series": [
            (label, [None if c is None else c.public_percent for c in row]) for label, row in series
        ],
    }


def attachment(filename):
    """A Content-Disposition value whatever the file name holds (ids come from imported data:
    quotes or line breaks there must not break the header)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("._") or "download"
    return f'attachment; filename="{safe[:120]}"'


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = attachment(filename)
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return response


def public_csv_rows(rows):
    note = _("not enough factories")
    return [
        (row.label, row.assessed_display, note if row.percent is None else row.percent)
        for row in rows
    ]


def transparency_list(country_slug="", order_by=("factory__country__name", "factory__name")):
    """[(latest assessment, [its publicly reported non-compliant questions])] in the countries
    that publish. The publishing countries are read first (a handful): the planner then starts
    from their factories instead of every latest assessment."""
    countries = PublicReporting.objects.filter(publishes=True)
    if country_slug:
        countries = countries.filter(country__slug=country_slug)
    country_ids = list(countries.values_list("country_id", flat=True))
    if not country_ids:
        return []
    latest = list(
        Assessment.objects.filter(is_latest=True, factory__country_id__in=country_ids)
        .select_related("factory__country")
        .order_by(*order_by)
    )
    issues = {}
    for finding in Finding.objects.filter(
        assessment__in=[a.pk for a in latest],
        value=1,
        question__public_disclosure=True,
        question__type=QuestionType.NCQ,
    ).select_related("question__compliance_point"):
        issues.setdefault(finding.assessment_id, []).append(finding.question)
    return [(assessment, issues.get(assessment.pk, [])) for assessment in latest]
