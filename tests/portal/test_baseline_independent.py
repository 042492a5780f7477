"""The test baseline (tests/baseline.py, tests/factories) reads nothing from the demo: neither
importing it nor building it loads a demo module, so a change to the demo content cannot move
a test that runs on the baseline."""

import importlib.abc
import subprocess
import sys

import pytest
from django.conf import settings
from django.db.models import Count
from wagtail.models import Locale, Page

from portal.models import CountryPage, HomePage, StandardPage
from tests import baseline
from tests.demo_seeding import clear_baseline

pytestmark = pytest.mark.django_db


def _is_demo(name):
    return any(part == "demo" or part.startswith("demo_") for part in name.split("."))


class _NoDemo(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.refused = []

    def find_spec(self, name, path=None, target=None):
        if _is_demo(name):
            self.refused.append(name)
            raise ImportError(f"the test baseline imported the demo module {name}")
        return None


def test_importing_the_baseline_loads_no_demo_module():
    """In a fresh interpreter: the modules that importing tests.baseline adds to the ones
    django.setup() loads include no demo module."""
    script = (
        "import sys, django; django.setup(); before = set(sys.modules); import tests.baseline; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    added = result.stdout.split()
    assert "tests.baseline" in added and "tests.factories" in added
    assert [name for name in added if _is_demo(name)] == []


def test_the_check_sees_a_demo_import():
    """The name test above can fail: the demo's modules are recognised as demo modules."""
    assert _is_demo("portal.demo.seed") and _is_demo("knowledge.demo_text")
    assert not _is_demo("portal.models") and not _is_demo("tests.factories.pages")


def test_building_the_baseline_needs_no_demo_module(
    monkeypatch, django_capture_on_commit_callbacks
):
    """Build the baseline again on an empty database with every demo module unimportable."""
    clear_baseline()
    for name in [name for name in sys.modules if _is_demo(name)]:
        monkeypatch.delitem(sys.modules, name)
    guard = _NoDemo()
    monkeypatch.setattr(sys, "meta_path", [guard, *sys.meta_path])

    with django_capture_on_commit_callbacks(execute=True):
        baseline.build()

    assert guard.refused == []
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == languages
    about = StandardPage.objects.filter(slug="about", live=True)
    assert set(about.values_list("locale__language_code", flat=True)) == languages
    per_language = CountryPage.objects.order_by().values("locale").annotate(n=Count("pk"))
    assert {row["n"] for row in per_language} == {12} and len(per_language) == len(languages)
    french_about = about.get(locale=Locale.objects.get(language_code="fr"))
    assert french_about.title == "À propos"
    assert Page.objects.get(pk=french_about.pk).url_path.endswith("/about/")
