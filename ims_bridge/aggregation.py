"""Non-compliance rates exactly as IMS.md defines them, precomputed into AggregateCell.

* NCQ findings only (FGW answers are never counted).
* A factory is non-compliant on a compliance point (or cluster, or question) if any of its
  questions there has Finding = 1 in the assessment considered.
* The assessment considered is each factory's latest one (window "latest"), or its latest one
  within a cycle (window "cycle").
* Trends use a balanced panel: window "panel" with panel=N counts, for every cycle 1..N, only
  factories assessed in every cycle 1..N.
* Rate = non-compliant factories ÷ factories assessed. Suppression (< 5 factories) is applied
  when cells are read for the public (``AggregateCell.public_rate``)."""

import time

from django.db import transaction
from django.db.models import Max, Q

from portal.models import CompliancePoint

from .models import (
    AggregateCell,
    AggregateState,
    Assessment,
    Factory,
    Finding,
    Level,
    QuestionType,
    Window,
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


def _scopes(country, industry):
    scopes = [(None, None), (country, None)]
    if industry is not None:
        scopes += [(None, industry), (country, industry)]
    return scopes


def compute_cells():
    """Two grouped SQL reads (per assessment × point, per assessment × global question), then
    the counting in Python over the considered assessments only."""
    considered = Assessment.objects.filter(Q(is_latest=True) | Q(is_latest_in_cycle=True))
    info = {
        row[0]: row[1:]
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
    per_point = {}
    for assessment_id, point_id, worst in (
        ncq.values_list("assessment_id", "question__compliance_point_id")
        .annotate(worst=Max("value"))
        .order_by()
        .iterator(chunk_size=20_000)
    ):
        per_point.setdefault(assessment_id, {})[point_id] = worst

    counts = {}

    def add(key, noncompliant):
        entry = counts.get(key)
        if entry is None:
            counts[key] = entry = [0, 0]
        entry[0] += 1
        entry[1] += noncompliant

    for assessment_id, points in per_point.items():
        country, industry, cycle, latest, in_cycle, depth = info[assessment_id]
        by_cluster = {}
        for point_id, worst in points.items():
            cluster_id = clusters[point_id]
            by_cluster[cluster_id] = max(by_cluster.get(cluster_id, 0), worst)
        overall = max(points.values())
        windows = []
        if latest:
            windows.append((Window.LATEST, None, 0, _scopes(country, industry)))
        if in_cycle:
            windows.append((Window.CYCLE, cycle, 0, _scopes(country, industry)))
            windows += [
                (Window.PANEL, cycle, n, [(None, None), (country, None)])
                for n in range(max(2, cycle), depth + 1)
            ]
        for window, cyc, panel, scopes in windows:
            for scope_country, scope_industry in scopes:
                base = (window, cyc, panel, scope_country, scope_industry)
                add((*base, Level.OVERALL, None, None, ""), overall)
                for cluster_id, worst in by_cluster.items():
                    add((*base, Level.CLUSTER, cluster_id, None, ""), worst)
                for point_id, worst in points.items():
                    add((*base, Level.POINT, None, point_id, ""), worst)

    for assessment_id, global_id, worst in (
        ncq.values_list("assessment_id", "question__global_id")
        .annotate(worst=Max("value"))
        .order_by()
        .iterator(chunk_size=20_000)
    ):
        country, _industry, cycle, latest, in_cycle, _depth = info[assessment_id]
        for scope_country in (None, country):
            if latest:
                add(
                    (
                        Window.LATEST,
                        None,
                        0,
                        scope_country,
                        None,
                        Level.QUESTION,
                        None,
                        None,
                        global_id,
                    ),
                    worst,
                )
            if in_cycle:
                add(
                    (
                        Window.CYCLE,
                        cycle,
                        0,
                        scope_country,
                        None,
                        Level.QUESTION,
                        None,
                        None,
                        global_id,
                    ),
                    worst,
                )

    cells = [
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
        )
        for (window, cycle, panel, country, industry, level, cluster, point, global_id), (
            assessed,
            noncompliant,
        ) in counts.items()
    ]
    _label_questions(cells)
    return cells


def _label_questions(cells):
    from .models import Question

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
    """Recompute every cell (called after each import). Returns the number of cells."""
    started = time.perf_counter()
    cells = compute_cells()
    AggregateCell.objects.all().delete()
    AggregateCell.objects.bulk_create(cells, batch_size=2000)
    state = AggregateState.objects.first() or AggregateState()
    state.findings = Finding.objects.count()
    state.duration_ms = int((time.perf_counter() - started) * 1000)
    state.save()
    return len(cells)
