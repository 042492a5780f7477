"""The portal's demo content (portal/demo) is translated: every English string it seeds has a
translation in the required languages, and its taxonomy reads in each of them; an editor can
save its home page as it is. The demo's
portal part runs once for the module on a database without the test baseline, inside a
transaction rolled back at the end."""

import io

import pytest
from django.db import transaction
from django.test import TestCase

from portal.demo.seed import ensure_locales, seed_pages, seed_taxonomy
from portal.demo.translations import DEMO_TRANSLATIONS
from portal.models import HomePage
from tests.demo_seeding import clear_baseline

REQUIRED = ["fr", "es", "ar", "vi"]  # as tests/portal/test_i18n.py

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def portal_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        clear_baseline()
        with TestCase.captureOnCommitCallbacks(execute=True):
            out = io.StringIO()
            ensure_locales()
            seed_taxonomy(out)
            seed_pages(out)
        yield
        transaction.set_rollback(True)


def _seeded_source_strings():
    """English strings of the portal's own seeded pages and taxonomy, as wagtail-localize
    extracted them (other apps' demo content is theirs to translate)."""
    from wagtail_localize.models import String

    strings = String.objects.filter(
        segments__source__specific_content_type__app_label="portal",
        segments__source__locale__language_code="en",
    )
    return set(strings.values_list("data", flat=True))


def test_demo_translation_keys_are_seeded_strings():
    sources = _seeded_source_strings()
    assert len(sources) > 100
    for lang, strings in DEMO_TRANSLATIONS.items():
        unknown = sorted(set(strings) - sources)
        assert not unknown, f"{lang}: keys that are not seeded English strings: {unknown}"
        empty = sorted(key for key, value in strings.items() if not value.strip())
        assert not empty, f"{lang}: empty translations {empty}"


@pytest.mark.parametrize("lang", REQUIRED)
def test_demo_content_is_fully_translated(lang):
    missing = sorted(_seeded_source_strings() - set(DEMO_TRANSLATIONS[lang]))
    assert not missing, f"{lang}: seeded strings without a translation: {missing}"


def test_demo_taxonomy_reads_in_each_language():
    from portal.demo.taxonomy_data import CLUSTERS, COUNTRIES
    from portal.models import Cluster, CompliancePoint, Country

    models_and_names = [
        (Country, [name for _slug, _iso, name, *_rest in COUNTRIES]),
        (Cluster, [name for _slug, name, *_rest in CLUSTERS]),
        (CompliancePoint, [point for *_rest, points in CLUSTERS for point, *_p in points]),
    ]
    for lang in REQUIRED:
        for model, english_names in models_and_names:
            expected = {DEMO_TRANSLATIONS[lang][name] for name in english_names}
            names = set(
                model.objects.filter(locale__language_code=lang).values_list("name", flat=True)
            )
            assert names == expected, (lang, model.__name__)


def test_the_demo_home_page_can_be_saved_as_it_is():
    """The seeded home page's hero (no button) and call to action (to the about page) are
    valid, so an editor can edit and save it."""
    for home in HomePage.objects.all():
        HomePage.body.field.stream_block.clean(home.body)
        calls = [block for block in home.body if block.block_type == "call_to_action"]
        assert calls and all(block.value["link"]["page"] for block in calls)
