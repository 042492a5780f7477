"""Complementary suppression, attacked through the public surface.

Generated data has small groups in every dimension: a country of three factories, industries
of one or two factories inside larger countries, a factory without industry, factories that
left after one cycle, one that joined at cycle 2, a sparse compliance point asked of few
factories. The test

1. computes every cell's factories and non-compliant count from the raw findings by the IMS.md
   rule, here, independently of ``ims_bridge.aggregation``;
2. reads every figure the public can read: the aggregates API for every level, window,
   country, industry, cycle and panel; the country API; every comparison and country CSV; the
   compliance blocks (summary, highlights, top issues);
3. checks that the same cell reads the same everywhere, that no figure is over fewer than the
   threshold, and that published figures equal the IMS.md rule (totals across countries: the
   sum of the published countries);
4. attacks: subtracts published parts from published totals along country, industry,
   cluster/point, window, cycle and panel; then, stronger, tries every linear combination of
   the published figures (row space over the assessments behind them) against every suppressed
   cell and every group of fewer than the threshold's assessments. Any success fails.
"""

import csv
import io
import itertools
import random
from collections import defaultdict

import numpy as np
import pytest
from django.core.management import call_command
from wagtail.models import Locale

from ims_bridge import providers, suppression
from ims_bridge.models import AggregateCell, AggregateState, Assessment, Finding
from portal.models import Cluster, CompliancePoint, Country, Industry

from .helpers import api_cells, star_csv, star_row

pytestmark = pytest.mark.django_db

COUNTRIES = {"Cambodia": "cambodia", "Vietnam": "vietnam", "Jordan": "jordan"}
COUNTRIES["Bangladesh"] = "bangladesh"
INDUSTRIES = {"Apparel": "apparel", "Footwear": "footwear", "Travel goods": "travel-goods"}
# (industry, cycles) per factory
PLAN = {
    "Cambodia": [("Apparel", (1, 2, 3))] * 6
    + [("Apparel", (1, 2))] * 5
    + [("Apparel", (1,))] * 3
    + [("Apparel", (2, 3))]  # joined at cycle 2: never in a balanced panel
    + [("Footwear", (1, 2))] * 4
    + [("Footwear", (1,))]
    + [("Travel goods", (1, 2))] * 2
    + [("", (1,))],  # no industry
    "Vietnam": [("Apparel", (1, 2))] * 6 + [("Footwear", (1,))] * 2,
    "Jordan": [("Apparel", (1,))] * 3,
    "Bangladesh": [("Apparel", (1, 2, 3))] * 6 + [("Apparel", (1, 2))] * 5 + [("Apparel", (1,))],
}
# question -> (compliance point, cluster); Q5 is asked of every fourth factory only.
QUESTIONS = {
    "Q1": ("Overtime", "Working Time"),
    "Q2": ("Overtime", "Working Time"),
    "Q3": ("Regular Hours", "Working Time"),
    "Q4": ("Gender", "Discrimination"),
    "Q5": ("Child Labourers", "Child Labour"),
}
LEVELS = ("overall", "cluster", "point", "question")


def export_rows(seed=7):
    chance = random.Random(seed)
    rows = []
    for country, factories in PLAN.items():
        for number, (industry, cycles) in enumerate(factories):
            factory = f"{COUNTRIES[country][:2].upper()}-{number}"
            for cycle in cycles:
                for question, (point, cluster) in QUESTIONS.items():
                    if question == "Q5" and number % 4:
                        continue
                    rows.append(
                        star_row(
                            factory,
                            f"{factory}-{cycle}",
                            country=country,
                            date=f"1{cycle}/0{cycle}/202{cycle}",
                            cycle=cycle,
                            question=question,
                            finding=str(int(chance.random() < 0.35)),
                            cp=point,
                            cluster=cluster,
                            cat=f"{country} CAT",
                            industry=industry,
                        )
                    )
    return rows


@pytest.fixture
def imported(tmp_path, compliance_page):
    path = tmp_path / "export.csv"
    path.write_text(star_csv(export_rows()), encoding="utf-8")
    call_command("ims_import", str(path), stdout=io.StringIO())


# --- 1. the IMS.md rule, computed here from the raw findings -----------------------------------


def truth():
    """{cell key: {assessment id: 0/1}} for every cell the rule defines, country cells and true
    all-countries totals alike. A key is (level, indicator, window, cycle, panel, country,
    industry)."""
    rows = list(
        Assessment.objects.values_list(
            "pk", "factory_id", "factory__country__slug", "factory__industry__slug", "cycle"
        ).order_by("start_date", "pk")
    )
    latest, latest_in_cycle, cycles = {}, {}, defaultdict(set)
    for pk, factory, _country, _industry, cycle in rows:
        latest[factory] = pk
        latest_in_cycle[(factory, cycle)] = pk
        cycles[factory].add(cycle)
    depth = {}
    for factory, seen in cycles.items():
        depth[factory] = next(n for n in itertools.count() if n + 1 not in seen)
    about = {pk: (f, country, industry, cycle) for pk, f, country, industry, cycle in rows}
    worst = defaultdict(dict)  # assessment -> indicator -> 0/1
    for pk, point, cluster, global_id, value in Finding.objects.filter(
        question__type="NCQ", value__isnull=False
    ).values_list(
        "assessment_id",
        "question__compliance_point__slug",
        "question__compliance_point__cluster__slug",
        "question__global_id",
        "value",
    ):
        for indicator in (
            ("overall", ""),
            ("cluster", cluster),
            ("point", point),
            ("question", global_id),
        ):
            worst[pk][indicator] = max(worst[pk].get(indicator, 0), value)
    cells = defaultdict(dict)
    for pk, indicators in worst.items():
        factory, country, industry, cycle = about[pk]
        windows = []
        if latest[factory] == pk:
            windows.append(("latest", None, 0))
        if latest_in_cycle[(factory, cycle)] == pk:
            windows.append(("cycle", cycle, 0))
            windows += [("panel", cycle, n) for n in range(max(2, cycle), depth[factory] + 1)]
        for (level, ident), value in indicators.items():
            for window, cyc, panel in windows:
                industries = [None]
                if level != "question" and window != "panel" and industry:
                    industries.append(industry)
                if level == "question" and window == "panel":
                    continue
                for scope in itertools.product((country, None), industries):
                    cells[(level, ident, window, cyc, panel, *scope)][pk] = value
    return cells


# --- 2. every figure the public can read --------------------------------------------------------


class Published:
    """Figures read from the public surface, by cell key: (factories, non-compliant)."""

    def __init__(self):
        self.figures = defaultdict(set)
        self.suppressed = set()
        self.counts_seen = []  # every factory count any answer carried
        self.trend_percents = defaultdict(set)

    def add(self, key, assessed, share, scale=1.0):
        if assessed is None or share is None:
            assert assessed is None and share is None, key
            self.suppressed.add(key)
            return
        self.counts_seen.append(assessed)
        self.figures[key].add((assessed, round(share / scale * assessed)))


def _indicator(cell):
    level = cell["level"]
    if level == "cluster":
        return cell["cluster"]
    if level == "point":
        return cell["compliance_point"]
    return cell["global_question_id"]


def read_api(client, published):
    countries = [None, *COUNTRIES.values()]
    industries = [None, *INDUSTRIES.values()]
    for level, window in itertools.product(LEVELS, ("latest", "cycle", "panel")):
        panels = [2, 3] if window == "panel" else [0]
        for country, industry, panel in itertools.product(countries, industries, panels):
            params = {"level": level, "window": window, "panel": panel}
            if country:
                params["country"] = country
            if industry:
                params["industry"] = industry
            for cell in api_cells(client, params):
                key = (
                    level,
                    _indicator(cell),
                    window,
                    cell["cycle"],
                    cell["panel"],
                    cell["country"],
                    cell["industry"],
                )
                published.add(key, cell["factories_assessed"], cell["rate"])
    for slug in COUNTRIES.values():
        data = client.get(f"/api/v2/compliance/countries/{slug}").json()
        rows = [("overall", "", data["overall"])]
        rows += [("cluster", r["key"], r) for r in data["clusters"]]
        rows += [("point", r["key"], r) for g in data["compliance_points"] for r in g["points"]]
        for level, ident, row in rows:
            key = (level, ident, "latest", None, 0, slug, None)
            published.add(key, row["factories_assessed"], row["percent"], scale=100)
        trend = data["trend"]
        if trend:
            published.counts_seen.append(trend["factories"])
            for label, values in trend["series"]:
                for cycle, value in zip(trend["cycles"], values, strict=True):
                    published.trend_percents[(slug, trend["depth"], label, cycle)].add(value)


def _csv(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return list(csv.reader(io.StringIO(response.content.decode())))[1:]


def _csv_figures(published, key, assessed, percent):
    if percent == "not enough factories":
        assert not assessed.isdigit(), key  # a suppressed row carries no factory count
        published.add(key, None, None)
    else:
        published.add(key, int(assessed), float(percent), scale=100)


def read_csvs(client, published):
    default = Locale.get_default()
    country_slug = {c.name: c.slug for c in Country.objects.filter(locale=default)}
    cluster_slug = {c.name: c.slug for c in Cluster.objects.filter(locale=default)}
    point_slug = {p.name: p.slug for p in CompliancePoint.objects.filter(locale=default)}
    indicators = [("overall", "", "overall")]
    indicators += [("cluster", slug, f"cluster:{slug}") for slug in cluster_slug.values()]
    indicators += [("point", slug, f"point:{slug}") for slug in point_slug.values()]
    indicators += [("question", f"G-{q}", f"question:G-{q}") for q in QUESTIONS]
    for level, ident, key in indicators:
        url = f"/en/compliance/comparison/csv/?indicator={key}"
        for name, assessed, percent in _csv(client, url):
            cell = (level, ident, "latest", None, 0, country_slug[name], None)
            _csv_figures(published, cell, assessed, percent)
    for slug in COUNTRIES.values():
        base = f"/en/compliance/countries/{slug}/"
        for name, assessed, percent in _csv(client, base + "clusters/csv/"):
            cell = ("cluster", cluster_slug[name], "latest", None, 0, slug, None)
            _csv_figures(published, cell, assessed, percent)
        for _cluster, name, assessed, percent in _csv(client, base + "points/csv/"):
            cell = ("point", point_slug[name], "latest", None, 0, slug, None)
            _csv_figures(published, cell, assessed, percent)
        for global_id, _label, assessed, percent in _csv(client, base + "questions/csv/"):
            cell = ("question", global_id, "latest", None, 0, slug, None)
            _csv_figures(published, cell, assessed, percent)


def read_blocks(published):
    default = Locale.get_default()
    countries = [None, *Country.objects.filter(locale=default, slug__in=COUNTRIES.values())]
    industries = [None, *Industry.objects.filter(locale=default, slug__in=INDUSTRIES.values())]
    for country, industry in itertools.product(countries, industries):
        for table in providers.compliance_summary("en", country=country, industry=industry):
            for row in table.rows:
                key = ("cluster", row.key, "latest", None, 0, _slug(country), _slug(industry))
                if row.percent is None:
                    published.add(key, None, None)
                else:
                    published.add(key, int(row.assessed), row.percent, scale=100)
    for country in countries:
        for item in providers.compliance_top_issues("en", limit=12, country=country):
            key = ("point", item.key, "latest", None, 0, _slug(country), None)
            published.add(key, int(item.assessed), item.percent, scale=100)


def _slug(term):
    return term.slug if term else None


def read_everything(client):
    published = Published()
    read_api(client, published)
    read_csvs(client, published)
    read_blocks(published)
    return published


# --- 4. the attacks ----------------------------------------------------------------------------


def _figure(units):
    return len(units), sum(units.values())


def subtraction_attacks(cells, figures, threshold):
    """(what was recovered, how) for every published total minus its published parts that
    gives a hidden sibling's figures, or a group of fewer than ``threshold`` factories."""
    recovered = []

    def check(total, parts, siblings, how, is_partition=True):
        n = figures[total][0] - sum(figures[p][0] for p in parts)
        k = figures[total][1] - sum(figures[p][1] for p in parts)
        if is_partition and 0 < n < threshold:
            recovered.append((total, how, f"a group of {n}"))
        hidden = [key for key in siblings if key not in figures and cells.get(key)]
        if len(hidden) == 1 and _figure(cells[hidden[0]]) == (n, k):
            recovered.append((total, how, hidden[0]))

    keys = set(cells) | set(figures)
    for key in figures:
        level, ident, window, cycle, panel, country, industry = key
        same_shape = [k for k in keys if k[:5] == key[:5]]
        if country is None:  # a total across countries minus the countries
            siblings = [k for k in same_shape if k[6] == industry and k[5] is not None]
            check(key, [k for k in siblings if k in figures], siblings, "countries")
        if industry is None:  # a country minus its industries (and its unknown-industry rest)
            siblings = [k for k in same_shape if k[5] == country and k[6] is not None]
            check(key, [k for k in siblings if k in figures], siblings, "industries")
        outer = set(cells.get(key, {}))
        for other in figures:  # a window minus a window nested in it (same cycle or latest)
            inner = set(cells.get(other, {}))
            if other[:2] == key[:2] and other[5:] == key[5:] and inner and inner < outer:
                rest = outer - inner
                siblings = [k for k in keys if k[:2] == key[:2] and set(cells.get(k, {})) == rest]
                check(key, [other], siblings, f"window {other[2:5]} inside {key[2:5]}")
        if level in ("overall", "cluster"):  # a level minus the levels under it (not a sum)
            child = {"overall": "cluster", "cluster": "point"}[level]
            children = [k for k in keys if k[0] == child and k[2:] == key[2:]]
            published = [k for k in children if k in figures]
            check(key, published, children, "levels", is_partition=False)
    return recovered


def row_space_attack(cells, figures, threshold):
    """Every hidden cell and every group of fewer than ``threshold`` assessments that some
    linear combination of the published figures gives, per indicator, over all countries."""
    found = []
    for indicator in {key[:2] for key in cells}:
        keys = [k for k in cells if k[:2] == indicator]
        units = sorted({u for k in keys for u in cells[k]})
        index = {u: i for i, u in enumerate(units)}

        def vector(unit_ids, index=index, units=units):
            v = np.zeros(len(units))
            v[[index[u] for u in unit_ids]] = 1.0
            return v

        rows, hidden = [], []
        for key in keys:
            units_of_truth = set(cells[key])
            if key not in figures:
                hidden.append((key, units_of_truth))
            elif key[5] is None:  # a total across countries adds up the published countries
                parts = [k for k in figures if k[:5] == key[:5] and k[5] and k[6] == key[6]]
                as_published = {u for p in parts for u in cells[p]}
                rows.append(vector(as_published))
                if as_published != units_of_truth:  # the true total stays hidden
                    hidden.append((("true total", *key), units_of_truth))
            else:
                rows.append(vector(units_of_truth))
        if not rows:
            continue
        matrix = np.array(rows)
        _u, s, vt = np.linalg.svd(matrix)
        null = vt[int((s > 1e-9 * s[0]).sum()) :].T

        def derivable(v, null=null):
            return null.shape[1] == 0 or np.abs(v @ null).max() < 1e-7

        found += [("hidden cell", key) for key, u in hidden if u and derivable(vector(u))]
        # Units that every published figure treats alike can only be given away together, so
        # every group under the threshold is a union of such ties; try them all.
        ties = defaultdict(list)
        for u in units:
            ties[tuple(matrix[:, index[u]])].append(u)
        small = sorted(
            (g for signature, g in ties.items() if any(signature) and len(g) < threshold), key=len
        )
        found += [
            ("small group", indicator, group)
            for group in _unions_below(small, threshold)
            if derivable(vector(group))
        ]
    return found


def _unions_below(groups, threshold):
    stack = [([], 0)]
    while stack:
        chosen, start = stack.pop()
        for position in range(start, len(groups)):
            union = chosen + groups[position]
            if len(union) >= threshold:
                break
            yield union
            stack.append((union, position + 1))


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [5, 8])
def test_no_suppressed_figure_can_be_recovered(client, imported, settings, threshold):
    settings.IMS_MIN_CELL_FACTORIES = threshold  # applies at once: the cells are recomputed
    published = read_everything(client)
    cells = truth()

    # The same cell reads the same everywhere, and nothing is both published and suppressed.
    conflicting = {k: v for k, v in published.figures.items() if len(v) > 1}
    assert not conflicting
    figures = {k: next(iter(v)) for k, v in published.figures.items()}
    assert not set(figures) & published.suppressed

    # No answer carries a factory count under the threshold.
    assert published.counts_seen and min(published.counts_seen) >= threshold

    # Published figures equal the IMS.md rule; totals across countries add up the published
    # countries, and nothing else.
    for key, figure in figures.items():
        if key[5] is not None:
            assert figure == _figure(cells[key]), key
        else:
            parts = [figures[k] for k in figures if k[:5] == key[:5] and k[5] and k[6] == key[6]]
            assert figure == tuple(map(sum, zip(*parts, strict=True))), key

    # Suppression is not vacuous: some of everything is published, and some cells over enough
    # factories are withheld only to protect others.
    assert any(k[6] for k in figures) and any(k[2] == "cycle" for k in figures)
    assert any(k[5] is None for k in figures)
    assert threshold > 5 or any(k[2] == "panel" for k in figures)
    withheld = [k for k in published.suppressed if len(cells.get(k, {})) >= threshold]
    assert withheld

    assert subtraction_attacks(cells, figures, threshold) == []
    assert row_space_attack(cells, figures, threshold) == []


def test_a_country_with_too_few_factories_gives_nothing_away(client, imported):
    """Jordan has three factories: no figure, no factory count, no trend depth, and the
    totals across countries leave it out."""
    data = client.get("/api/v2/compliance/countries/jordan").json()
    assert data["trend"] is None
    assert data["overall"]["factories_assessed"] is None and data["overall"]["percent"] is None
    assert all(r["factories_assessed"] is None for r in data["clusters"])
    cells = api_cells(client, {"level": "overall", "country": "jordan"})
    assert cells and all(c["suppressed"] and c["factories_assessed"] is None for c in cells)
    html = client.get("/en/compliance/countries/jordan/").content.decode()
    assert "not enough factories" in html.lower() or "Not enough factories" in html
    assert "Totals across countries add up only the countries shown." in html


def test_trend_shows_only_a_published_panel(client, imported):
    """Bangladesh: 12 factories, 11 reached cycle 2 and 6 cycle 3. The one that left after
    cycle 1 could be worked out from cycle 1 minus the panel's cycle 1, so a published trend
    and a published cycle 1 never go together."""
    data = client.get("/api/v2/compliance/countries/bangladesh").json()
    trend = data["trend"]
    assert trend and trend["factories"] >= 5 and trend["depth"] >= 2
    cycle_1 = api_cells(client, {"level": "overall", "window": "cycle", "country": "bangladesh"})
    cycle_1 = [c for c in cycle_1 if c["cycle"] == 1]
    panel_2 = api_cells(
        client, {"level": "overall", "window": "panel", "panel": 2, "country": "bangladesh"}
    )
    assert not (
        any(not c["suppressed"] for c in cycle_1) and any(not c["suppressed"] for c in panel_2)
    )
    page = client.get("/en/compliance/countries/bangladesh/").content.decode()
    assert "Cycle 2" in page


def test_published_figures_survive_a_new_import(client, imported, tmp_path):
    """Publication is decided again at each recompute: an import that brings Jordan to five
    factories publishes it."""
    rows = [
        star_row(f"JO-{n}", f"JO-{n}-1", country="Jordan", cat="Jordan CAT", finding=str(n % 2))
        for n in (3, 4)
    ]
    path = tmp_path / "more.csv"
    path.write_text(star_csv(rows), encoding="utf-8")
    call_command("ims_import", str(path), stdout=io.StringIO())
    data = client.get("/api/v2/compliance/countries/jordan").json()
    assert data["overall"]["factories_assessed"] == 5


# --- the algorithm on its own --------------------------------------------------------------------


def _system(sizes, cells, threshold=5, series=None):
    candidates = [
        suppression.Candidate(
            key=name, atoms=frozenset(atoms), order=(rank,), series=(series or {}).get(name)
        )
        for rank, (name, atoms) in enumerate(cells.items())
    ]
    return suppression.publishable(sizes, candidates, threshold)


def test_one_small_part_takes_its_smallest_sibling_with_it():
    # total = A (10) + B (3): B alone is under 5, and total − A would give it away.
    assert _system([10, 3], {"A": {0}, "B": {1}, "total": {0, 1}}) == {"total"}


def test_small_parts_that_add_up_to_enough_protect_each_other():
    # B (3) and C (3) are both withheld; together they are 6, and neither can be separated.
    published = _system([10, 3, 3], {"A": {0}, "B": {1}, "C": {2}, "total": {0, 1, 2}})
    assert published == {"A", "total"}


def test_small_parts_that_add_up_to_too_few_are_not_enough():
    # B (1) + C (2) = 3 would be total − A: A goes too.
    published = _system([10, 1, 2], {"A": {0}, "B": {1}, "C": {2}, "total": {0, 1, 2}})
    assert published == {"total"}


def test_nested_groups_whose_difference_is_small():
    # panel (7) inside cycle (9): the two that left would be cycle − panel.
    published = _system([7, 2], {"panel": {0}, "cycle": {0, 1}})
    assert published == {"cycle"}


def test_a_series_goes_as_one():
    cells = {"p1": {0}, "p2": {1}, "c1": {0, 2}, "c2": {1, 3}}
    published = _system([6, 6, 1, 6], cells, series={"p1": "panel", "p2": "panel"})
    assert published == {"c1", "c2"}  # p1 had to go (c1 − p1 = 1), so p2 went with it


def test_equal_cells_go_together():
    # "latest apparel" and "cycle 2" count the same assessments: dropping one alone would
    # change nothing, so the cheapest fix that keeps the country's figure drops both.
    cells = {"cycle 2": {1}, "latest apparel": {1}, "cycle 1": {0, 2}, "latest": {1, 2}}
    published = _system([6, 6, 2], cells)
    assert published == {"cycle 1", "latest"}


def _derivable_groups(sizes, cells, published, threshold):
    """Brute force, independent of the module: every union of atoms under the threshold, and
    every withheld cell, that the published cells' row space contains."""
    atoms = [a for a in range(len(sizes)) if sizes[a]]
    if not published:
        return []
    matrix = np.array([[1.0 if a in cells[k] else 0.0 for a in atoms] for k in published])
    _u, s, vt = np.linalg.svd(matrix)
    null = vt[int((s > 1e-9 * s[0]).sum()) :].T

    def derivable(group):
        v = np.array([1.0 if a in group else 0.0 for a in atoms])
        return null.shape[1] == 0 or np.abs(v @ null).max() < 1e-7

    found = [
        k
        for k in cells
        if k not in published and cells[k] & set(atoms) and derivable(cells[k] & set(atoms))
    ]
    for count in range(1, threshold):
        for group in itertools.combinations(atoms, count):
            if sum(sizes[a] for a in group) < threshold and derivable(set(group)):
                found.append(group)
    return found


@pytest.mark.parametrize("seed", range(40))
def test_random_systems_give_nothing_away(seed):
    chance = random.Random(seed)
    sizes = [chance.choice([0, 1, 1, 2, 3, 4, 6, 9, 15]) for _ in range(chance.randint(3, 9))]
    cells = {}
    for number in range(chance.randint(3, 12)):
        atoms = {a for a in range(len(sizes)) if chance.random() < 0.45}
        if atoms:
            cells[f"c{number}"] = atoms
    published = _system(sizes, cells)
    assert all(sum(sizes[a] for a in cells[k]) >= 5 for k in published)
    assert _derivable_groups(sizes, cells, published, 5) == []


def test_too_many_small_groups_to_try_is_made_coarser(monkeypatch):
    monkeypatch.setattr(suppression, "SEARCH_BUDGET", 10)
    sizes = [1] * 8 + [30]
    cells = {f"single{a}": {a} for a in range(8)}
    cells["pairs"] = {0, 1, 2, 3}
    cells["rest"] = set(range(9))
    cells["big"] = {8}
    published = _system(sizes, cells)
    assert _derivable_groups(sizes, cells, published, 5) == []


def test_cells_are_recomputed_when_the_threshold_changes(client, imported, settings):
    settings.IMS_MIN_CELL_FACTORIES = 8
    assert client.get("/en/compliance/").status_code == 200
    assert AggregateState.objects.get().threshold == 8
    assert not AggregateCell.objects.filter(published=True, factories_assessed__lt=8).exists()
