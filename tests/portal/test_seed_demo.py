"""`seed_demo` is idempotent: a second run changes no row count in any table. Each test runs
the demo on a database without the test baseline (tests/demo_seeding.py)."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from portal.demo.seed import ensure_locales, seed_taxonomy
from portal.models import Audience, Cluster, CompliancePoint, Country, Industry, Topic
from tests.demo_seeding import clear_baseline

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_baseline(db):
    clear_baseline()


@pytest.fixture
def demo_taxonomy():
    ensure_locales()
    seed_taxonomy(io.StringIO())


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def test_second_run_changes_no_counts():
    call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
    first = row_counts()
    call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
    second = row_counts()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert changed == {}
    assert first["wagtailcore.Page"] > 100


def test_reference_data_in_every_language(demo_taxonomy):
    assert Country.objects.filter(locale__language_code="en").count() == 12
    assert Cluster.objects.filter(locale__language_code="en").count() == 8
    # 3 + 4 + 4 + 5 + 7 + 4 + 8 + 3 compliance points listed in IMS.md
    assert CompliancePoint.objects.filter(locale__language_code="en").count() == 38
    for model in (Country, Industry, Topic, Audience, Cluster, CompliancePoint):
        per_language = model.objects.values("locale").distinct().count()
        assert per_language == 8, model


def test_legacy_aliases_are_kept(demo_taxonomy):
    osh = Cluster.objects.get(slug="occupational-safety-and-health", locale__language_code="en")
    assert "Systems" in osh.alias_list
    hazardous = CompliancePoint.objects.get(
        slug="hazardous-work-and-other-worst-forms", locale__language_code="en"
    )
    assert set(hazardous.alias_list) == {"Hazardous Work", "Unconditional Worst Forms"}
    assert not CompliancePoint.objects.get(
        slug="prison-labour", locale__language_code="en"
    ).confirmed


def test_demo_accounts_only_on_request_when_debug_is_off():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo accounts skipped" in out.getvalue()
    assert not get_user_model().objects.filter(username="editor").exists()
    call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
    users = get_user_model().objects
    assert set(users.values_list("username", flat=True)) >= {
        "admin",
        "editor",
        "translator",
        "trainer",
        "moderator",
        "factory",
        "buyer",
    }
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").groups.filter(name="Editors").exists()
    assert users.get(username="buyer").check_password("betterwork-demo")


def test_scale_out_of_range_is_a_clear_error():
    with pytest.raises(CommandError, match="--scale"):
        call_command("seed_demo", "--scale", "0", stdout=io.StringIO())
