"""Non-compliance rates exactly as IMS.md defines them, precomputed into AggregateCell.

* NCQ findings only (FGW answers are never counted).
* A factory is non-compliant on a compliance point (or cluster, or question) if any of its
  questions there has Finding = 1 in the assessment considered.
* The assessment considered is each factory's latest one (window "latest"), or its latest one
  within a cycle (window "cycle").
* Trends use a balanced panel: window "panel" with panel=N counts, for every cycle 1..N, only
  factories assessed in every cycle 1..N.
* Rate = non-compliant factories ÷ factories assessed.
* Publication is decided here, once per recompute, and stored on each cell (``published``):
  see ``compute_cells`` and ``suppression``. Public readers read only published cells."""

import time

from django.db import transaction
from django.db.models import Max, Q

from portal.models import CompliancePoint

from . import suppression
from .models import (
    AggregateCell,
    AggregateState,
    Assessment,
    Factory,
    Finding,
    Level,
    Question,
    QuestionType,
    Window,
    min_cell,
)


def _update_flags(field, wanted_ids):
    current = set(Assessment.objects.filter(**{field: True}).values_list("pk", flat=True))
    off, on = list(current - wanted_ids), list(wanted_ids - current)
    for ids, value in ((off, False), (on, True)):
        for start in range(0, len(ids), 500):
            Assessment.objects.filter(pk__in=ids[start : start + 500]).update(**{field: value})


def mark_windows():
    """Flag each factory's latest assessment (overall and per cycle) and panel depth.
    Writes only what changed."""
    latest, latest_in_cycle, cycles = {}, {}, {}
    rows = Assessment.objects.values_list("pk", "factory_id", "cycle", "start_date").order_by(
        "start_date", "pk"
    )
    for pk, factory_id, cycle, _start in rows.iterator(chunk_size=10_000):
        latest[factory_id] = pk
        latest_in_cycle[(factory_id, cycle)] = pk
        cycles.setdefault(factory_id, set()).add(cycle)
    _update_flags("is_latest", set(latest.values()))
    _update_flags("is_latest_in_cycle", set(latest_in_cycle.values()))
    depth_changes = {}
    for factory_id, depth_now in Factory.objects.values_list("pk", "panel_depth"):
        seen = cycles.get(factory_id, set())
        depth = 0
        while depth + 1 in seen:
            depth += 1
        if depth != depth_now:
            depth_changes.setdefault(depth, []).append(factory_id)
    for depth, ids in depth_changes.items():
        for start in range(0, len(ids), 500):
            Factory.objects.filter(pk__in=ids[start : start + 500]).update(panel_depth=depth)


# The shape of a cell within one country: (window, cycle, panel, industry).
_LATEST = (Window.LATEST, None, 0)


def _cycle(cycle):
    return (Window.CYCLE, cycle, 0)


def _candidates(atoms, sizes, with_industry_and_panels):
    """The cells one country's atoms can form, as suppression candidates. An atom is
    (industry, cycle, is_latest, is_latest_in_cycle, panel depth): what decides which cells
    count an assessment. Drop order (first suppressed first): panels, cycle × industry,
    cycle, latest × industry, and the country's latest figure last."""
    cells = {}
    for index, (industry, cycle, latest, in_cycle, depth) in enumerate(atoms):
        shapes = []
        if latest:
            shapes.append((*_LATEST, None))
        if in_cycle:
            shapes.append((*_cycle(cycle), None))
        if with_industry_and_panels:
            if latest and industry is not None:
                shapes.append((*_LATEST, industry))
            if in_cycle and industry is not None:
                shapes.append((*_cycle(cycle), industry))
            if in_cycle:
                shapes += [(Window.PANEL, cycle, n, None) for n in range(max(2, cycle), depth + 1)]
        for shape in shapes:
            cells.setdefault(shape, set()).add(index)
    rank = {Window.PANEL: 0, Window.CYCLE: 2, Window.LATEST: 4}
    return [
        suppression.Candidate(
            key=shape,
            atoms=frozenset(indices),
            order=(rank[shape[0]] - (shape[3] is not None), sum(sizes[i] for i in indices)),
            series=("panel", shape[2]) if shape[0] == Window.PANEL else None,
        )
        for shape, indices in cells.items()
    ]


def _publishable_shapes(family, atom_counts, threshold, memo):
    """The shapes of one country's cells for one indicator that may be published. Indicators
    whose atoms have the same sizes (most of them: every factory answers every question) share
    one decision."""
    atoms = sorted(atom_counts, key=repr)
    sizes = [atom_counts[a][0] for a in atoms]
    key = (family, tuple(atoms), tuple(sizes))
    if key not in memo:
        candidates = _candidates(atoms, sizes, with_industry_and_panels=family != Level.QUESTION)
        memo[key] = (candidates, suppression.publishable(sizes, candidates, threshold))
    candidates, published = memo[key]
    return atoms, candidates, published


def _country_cells(indicator, country, atom_counts, threshold, memo):
    """[(shape, assessed, noncompliant, published)] for one indicator in one country."""
    atoms, candidates, published = _publishable_shapes(indicator[0], atom_counts, threshold, memo)
    cells = []
    for candidate in candidates:
        assessed = sum(atom_counts[atoms[i]][0] for i in candidate.atoms)
        noncompliant = sum(atom_counts[atoms[i]][1] for i in candidate.atoms)
        if assessed:
            cells.append((candidate.key, assessed, noncompliant, candidate.key in published))
    return cells


def _atom_counts():
    """{(level, cluster, point, global question): {country: {atom: [assessed, noncompliant]}}}
    over the considered assessments (latest overall or latest in their cycle), NCQ only."""
    considered = Assessment.objects.filter(Q(is_latest=True) | Q(is_latest_in_cycle=True))
    info = {
        row[0]: (row[1], (row[2], row[3], row[4], row[5], row[6] if row[5] else 0))
        for row in considered.values_list(
            "pk",
            "factory__country_id",
            "factory__industry_id",
            "cycle",
            "is_latest",
            "is_latest_in_cycle",
            "factory__panel_depth",
        ).iterator(chunk_size=10_000)
    }
    clusters = dict(CompliancePoint.objects.values_list("pk", "cluster_id"))
    ncq = Finding.objects.filter(
        Q(assessment__is_latest=True) | Q(assessment__is_latest_in_cycle=True),
        question__type=QuestionType.NCQ,
        value__isnull=False,
    )
    counts = {}

    def add(indicator, assessment_id, noncompliant):
        country, atom = info[assessment_id]
        entry = counts.setdefault(indicator, {}).setdefault(country, {}).get(atom)
        if entry is None:
            counts[indicator][country][atom] = entry = [0, 0]
        entry[0] += 1
        entry[1] += noncompliant

    per_point = {}
    for assessment_id, point_id, worst in (
        ncq.values_list("assessment_id", "question__compliance_point_id")
        .annotate(worst=Max("value"))
        .order_by()
        .iterator(chunk_size=20_000)
    ):
        per_point.setdefault(assessment_id, {})[point_id] = worst
    for assessment_id, points in per_point.items():
        by_cluster = {}
        for point_id, worst in points.items():
            cluster_id = clusters[point_id]
            by_cluster[cluster_id] = max(by_cluster.get(cluster_id, 0), worst)
            add((Level.POINT, None, point_id, ""), assessment_id, worst)
        for cluster_id, worst in by_cluster.items():
            add((Level.CLUSTER, cluster_id, None, ""), assessment_id, worst)
        add((Level.OVERALL, None, None, ""), assessment_id, max(points.values()))
    for assessment_id, global_id, worst in (
        ncq.values_list("assessment_id", "question__global_id")
        .annotate(worst=Max("value"))
        .order_by()
        .iterator(chunk_size=20_000)
    ):
        add((Level.QUESTION, None, None, global_id), assessment_id, worst)
    return counts


def compute_cells(threshold=None):
    """Every cell, with its publication decided: each country's cells through
    ``suppression.publishable`` (primary and complementary suppression over the assessments
    behind them), and the all-countries cells as the sum of the published country cells only,
    so that a total minus its published parts never gives a suppressed part away."""
    threshold = min_cell() if threshold is None else threshold
    memo, cells = {}, []
    for indicator, countries in _atom_counts().items():
        level, cluster, point, global_id = indicator
        totals = {}
        for country, atom_counts in countries.items():
            country_cells = _country_cells(indicator, country, atom_counts, threshold, memo)
            published_shapes = {shape for shape, *_figures, published in country_cells if published}
            for shape, assessed, noncompliant, published in country_cells:
                cells.append((indicator, country, shape, assessed, noncompliant, published))
                # A part counts in a total across countries only with its country's own
                # figure for the same window, so the totals nest as the countries' figures do.
                if published and (*shape[:3], None) in published_shapes:
                    total = totals.setdefault(shape, [0, 0])
                    total[0] += assessed
                    total[1] += noncompliant
        for shape, (assessed, noncompliant) in totals.items():
            cells.append((indicator, None, shape, assessed, noncompliant, True))
    built = [
        AggregateCell(
            window=window,
            cycle=cycle,
            panel=panel,
            country_id=country,
            industry_id=industry,
            level=level,
            cluster_id=cluster,
            compliance_point_id=point,
            global_question_id=global_id,
            factories_assessed=assessed,
            factories_noncompliant=noncompliant,
            published=published,
        )
        for (
            (level, cluster, point, global_id),
            country,
            (window, cycle, panel, industry),
            assessed,
            noncompliant,
            published,
        ) in cells
    ]
    _label_questions(built)
    return built


def _label_questions(cells):
    ids = {c.global_question_id for c in cells if c.level == Level.QUESTION}
    labels = {}
    for global_id, label, point_id in (
        Question.objects.filter(global_id__in=ids)
        .order_by("global_id", "-pk")
        .values_list("global_id", "label", "compliance_point_id")
        .iterator(chunk_size=5000)
    ):
        labels.setdefault(global_id, (label, point_id))
    points = {p.pk: p.cluster_id for p in CompliancePoint.objects.all()}
    for cell in cells:
        if cell.level == Level.QUESTION and cell.global_question_id in labels:
            cell.question_label, cell.compliance_point_id = labels[cell.global_question_id]
            cell.cluster_id = points.get(cell.compliance_point_id)


@transaction.atomic
def refresh():
    """Recompute every cell (called after each import, and when the suppression threshold
    changes). Returns the number of cells."""
    started = time.perf_counter()
    threshold = min_cell()
    cells = compute_cells(threshold)
    AggregateCell.objects.all().delete()
    AggregateCell.objects.bulk_create(cells, batch_size=2000)
    state = AggregateState.objects.first() or AggregateState()
    state.findings = Finding.objects.count()
    state.threshold = threshold
    state.duration_ms = int((time.perf_counter() - started) * 1000)
    state.save()
    return len(cells)
