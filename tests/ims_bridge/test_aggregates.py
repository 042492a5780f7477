import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from ims_bridge.models import AggregateCell, Assessment, Factory
from portal.models import Cluster, CompliancePoint, Country

from .fixtures import load_fixture
from .helpers import star_csv, star_row

pytestmark = pytest.mark.django_db


def en(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def cell(**filters):
    filters.setdefault("industry", None)
    filters.setdefault("panel", 0)
    found = AggregateCell.objects.get(**filters)
    return found.factories_noncompliant, found.factories_assessed


@pytest.fixture
def data(tmp_path):
    load_fixture(tmp_path)
    return {
        "kh": en(Country, "cambodia"),
        "vn": en(Country, "vietnam"),
        "ot": en(CompliancePoint, "overtime"),
        "rh": en(CompliancePoint, "regular-hours"),
        "wt": en(Cluster, "working-time"),
    }


def test_latest_assessment_per_factory(data):
    kh = data["kh"]
    # F1 is non-compliant on two Overtime questions: counted once. F3's latest is cycle 1.
    assert cell(window="latest", level="point", country=kh, compliance_point=data["ot"]) == (3, 6)
    # F6's latest assessment has no Regular Hours NCQ (only an FGW answer): not assessed.
    assert cell(window="latest", level="point", country=kh, compliance_point=data["rh"]) == (1, 5)
    assert cell(window="latest", level="cluster", country=kh, cluster=data["wt"]) == (4, 6)
    assert cell(window="latest", level="overall", country=kh) == (4, 6)
    assert cell(window="latest", level="question", country=kh, global_question_id="G-Q2") == (3, 6)
    # All countries together add up the published countries only: Vietnam's one factory is
    # suppressed, so the total is Cambodia's (it would otherwise give Vietnam away as 4/7 − 3/6).
    assert cell(window="latest", level="point", country=None, compliance_point=data["ot"]) == (3, 6)


def test_fgw_answers_are_never_counted(data):
    assert not AggregateCell.objects.filter(global_question_id__startswith="G-FGW").exists()
    # F5 answered "1" on an FGW Overtime question in cycle 2: still compliant there.
    assert cell(
        window="cycle", cycle=2, level="point", country=data["kh"], compliance_point=data["ot"]
    ) == (2, 5)


def test_chosen_cycle(data):
    assert cell(
        window="cycle", cycle=1, level="point", country=data["kh"], compliance_point=data["ot"]
    ) == (4, 6)


def test_by_industry(data):
    ot = data["ot"]
    apparel = AggregateCell.objects.get(
        window="latest",
        level="point",
        country=data["kh"],
        compliance_point=ot,
        industry__slug="apparel",
    )
    assert (apparel.factories_noncompliant, apparel.factories_assessed) == (2, 5)


def test_balanced_panel_counts_only_factories_that_reached_the_cycle(data):
    kh, ot = data["kh"], data["ot"]
    # F3 never reached cycle 2, so it leaves the panel for both cycles.
    assert cell(
        window="panel", panel=2, cycle=1, level="point", country=kh, compliance_point=ot
    ) == (3, 5)
    assert cell(
        window="panel", panel=2, cycle=2, level="point", country=kh, compliance_point=ot
    ) == (2, 5)
    assert Factory.objects.get(star_id="F3").panel_depth == 1
    assert Factory.objects.get(star_id="F1").panel_depth == 2


def test_small_cells_are_suppressed(data):
    vn = AggregateCell.objects.get(
        window="latest",
        level="point",
        country=data["vn"],
        compliance_point=data["ot"],
        industry=None,
    )
    assert (vn.factories_noncompliant, vn.factories_assessed) == (1, 1)
    assert vn.suppressed and vn.public_rate is None and vn.public_percent is None
    kh = AggregateCell.objects.get(
        window="latest",
        level="point",
        country=data["kh"],
        compliance_point=data["ot"],
        industry=None,
    )
    assert not kh.suppressed and kh.public_percent == 50.0


def test_a_reassessment_in_the_same_cycle_replaces_the_earlier_one(data, tmp_path):
    rows = [
        star_row(
            "F4",
            "F4-2b",
            date="20/12/2022",
            cycle=2,
            question=q,
            finding=v,
            cp="Overtime",
            global_id=f"G-{q}",
            cat="Cambodia CAT",
        )
        for q, v in (("Q1", "1"), ("Q2", "0"))
    ]
    path = tmp_path / "reassessment.csv"
    path.write_text(star_csv(rows), encoding="utf-8")
    call_command("ims_import", str(path), stdout=io.StringIO())
    assert Assessment.objects.get(star_id="F4-2b").is_latest
    assert not Assessment.objects.get(star_id="F4-2").is_latest
    assert cell(
        window="latest", level="point", country=data["kh"], compliance_point=data["ot"]
    ) == (4, 6)
    assert cell(
        window="cycle", cycle=2, level="point", country=data["kh"], compliance_point=data["ot"]
    ) == (3, 5)


def test_recompute_command_is_stable(data):
    before = sorted(
        AggregateCell.objects.values_list(
            "window",
            "cycle",
            "panel",
            "level",
            "country_id",
            "industry_id",
            "cluster_id",
            "compliance_point_id",
            "global_question_id",
            "factories_assessed",
            "factories_noncompliant",
        ),
        key=str,
    )
    out = io.StringIO()
    call_command("ims_recompute", stdout=out)
    assert "cells" in out.getvalue()
    after = sorted(
        AggregateCell.objects.values_list(
            "window",
            "cycle",
            "panel",
            "level",
            "country_id",
            "industry_id",
            "cluster_id",
            "compliance_point_id",
            "global_question_id",
            "factories_assessed",
            "factories_noncompliant",
        ),
        key=str,
    )
    assert before == after
