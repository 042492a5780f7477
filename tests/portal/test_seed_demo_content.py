"""The demo a newcomer sees after `seed_demo`: country portals with resources tagged to them,
resources in the languages of their countries with materials written in those languages,
hand-written summaries, translated summaries and topics that fit the resource.

`seed_demo` runs once for the module, on a database without the test baseline
(tests/demo_seeding.py), inside a transaction rolled back at the end (a few
minutes on a busy machine)."""

import html
import io
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page

from knowledge.demo_text import language
from tests.demo_seeding import clear_baseline
from tests.ims_bridge.pdftext import letters, pdf_text

pytestmark = pytest.mark.django_db

DEMO_COUNTRIES = ["cambodia", "bangladesh", "vietnam", "jordan", "indonesia", "haiti"]
# (country, language, a resource of that country translated into it, a word of its title)
LOCAL_MODULES = [
    ("cambodia", "km", "understanding-overtime-rules-in-cambodia", "បន្ថែមម៉ោង"),
    ("bangladesh", "bn", "occupational-safety-and-health-in-dyeing-units", "নিরাপত্তা"),
    ("jordan", "ar", "rights-of-migrant-workers-in-jordan", "المهاجرين"),
    ("vietnam", "vi", "working-hours-and-overtime-under-viet-nams-labour-code", "làm thêm giờ"),
    ("indonesia", "id", "wage-structure-and-scale-in-indonesia", "skala upah"),
    ("haiti", "fr", "minimum-wage-and-piece-rates-in-haiti", "salaire minimum"),
]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        clear_baseline()
        # As after a real run's commits: wagtail-localize publishes translations on commit.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", "--demo-accounts", stdout=io.StringIO())
        # The command repairs wagtail-localize's stale child counts after its commits; here the
        # commit callbacks ran after that repair, so repair again.
        Page.fix_tree(fix_paths=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def client(client, seeded):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def _resources(lang="en"):
    from knowledge.demo import MODELS

    locale = Locale.objects.get(language_code=lang)
    pages = []
    for model in MODELS.values():
        pages += list(model.objects.filter(locale=locale))
    return pages


def _page(slug, lang):
    return next(page for page in _resources(lang) if page.slug == slug)


def _pdf_text(document):
    """The PDF's letters without spaces (shaped Khmer and Bengali come back with a space
    between some syllables; an Arabic line's words come back in reverse order)."""
    with document.file.open("rb") as pdf:
        return letters(pdf_text(pdf.read()))


def _prints(text, document):
    found = _pdf_text(document)
    return all(letters(word) in found for word in text.split())


@pytest.mark.parametrize("country", DEMO_COUNTRIES)
def test_every_country_portal_lists_resources_of_its_country(seeded, client, country):
    tagged = [p for p in _resources() if p.countries.filter(slug=country).exists()]
    assert len(tagged) >= 3, country
    body = html.unescape(client.get(f"/en/countries/{country}/").content.decode())
    shown = [p.title for p in tagged if p.title in body]
    assert shown, f"{country}'s portal shows none of its {len(tagged)} resources"


@pytest.mark.parametrize("country, lang, slug, word", LOCAL_MODULES)
def test_country_module_is_in_the_country_language_with_materials_in_it(
    seeded, country, lang, slug, word
):
    english = _page(slug, "en")
    assert list(english.countries.values_list("slug", flat=True)) == [country]
    local = _page(slug, lang)
    assert local.live
    title, summary = language(lang)[1][slug]
    assert (local.title, local.summary) == (title, summary)
    assert word in local.title.casefold()
    materials = list(local.knowledge_materials.select_related("document"))
    assert len(materials) == 3
    english_documents = set(english.knowledge_materials.values_list("document_id", flat=True))
    for material in materials:
        assert material.document_id not in english_documents
        assert material.title.startswith(title)
        assert _prints(title, material.document), material.title


def test_khmer_and_bengali_materials_are_not_english(seeded):
    for slug, lang in [
        ("understanding-overtime-rules-in-cambodia", "km"),
        ("occupational-safety-and-health-in-dyeing-units", "bn"),
    ]:
        document = _page(slug, lang).knowledge_materials.first().document
        text = _pdf_text(document)
        assert not re.search(r"[A-Za-z]{4,}", text.replace("BetterWork", "")), text


def test_summaries_are_written_for_each_resource(seeded):
    pages = _resources()
    assert len(pages) >= 45
    summaries = [page.summary for page in pages]
    assert len(set(summaries)) == len(summaries)
    for page in pages:
        assert page.title not in page.summary, page.title
        assert "practical material from Better Work" not in page.summary
    # No shared opening or ending either (a template with the title swapped in).
    openings = Counter(" ".join(s.split()[:4]) for s in summaries)
    endings = Counter(" ".join(s.split()[-4:]) for s in summaries)
    assert openings.most_common(1)[0][1] == 1, openings.most_common(3)
    assert endings.most_common(1)[0][1] == 1, endings.most_common(3)


@pytest.mark.parametrize(
    "lang, slug",
    [
        ("km", "understanding-overtime-rules-in-cambodia"),
        ("km", "supervisory-skills-training"),
        ("bn", "occupational-safety-and-health-in-dyeing-units"),
        ("bn", "guide-to-fire-safety-audits"),
        ("ar", "model-anti-harassment-policy"),
    ],
)
def test_translated_resources_show_translated_summaries(client, lang, slug):
    english = _page(slug, "en")
    page = _page(slug, lang)
    body = html.unescape(client.get(page.url).content.decode())
    title, summary = language(lang)[1][slug]
    assert title in body
    assert summary in body
    assert english.summary not in body


@pytest.mark.parametrize("lang", ["ar", "km", "bn"])
def test_library_intro_and_listed_summaries_are_translated(client, lang):
    common, translated = language(lang)
    body = html.unescape(client.get(f"/{lang}/resources/").content.decode())
    assert common["library_intro"] in body
    assert "Training modules, model policies, guides" not in body
    listing = html.unescape(client.get(f"/{lang}/resources/?language={lang}").content.decode())
    shown = [summary for _title, summary in translated.values() if summary in listing]
    assert shown, f"no {lang} summary in the {lang} library"


@pytest.mark.parametrize(
    "slug, topic",
    [
        ("guide-to-fire-safety-audits", "occupational-safety-and-health"),
        ("fire-safety-poster", "occupational-safety-and-health"),
        ("model-anti-harassment-policy", "sexual-harassment-prevention"),
        ("preventing-sexual-harassment-a-guide-for-supervisors", "sexual-harassment-prevention"),
        ("understanding-overtime-rules-in-cambodia", "wages-and-working-time"),
        ("wage-calculation-tool", "wages-and-working-time"),
        ("workbook-reduce-rework-in-sewing-lines", "productivity"),
    ],
)
def test_topics_match_the_resource(seeded, slug, topic):
    topics = set(_page(slug, "en").topics.values_list("slug", flat=True))
    assert topic in topics
    if topic != "sexual-harassment-prevention":
        assert "sexual-harassment-prevention" not in topics


def test_khmer_and_bengali_readers_find_communities_in_their_language(client):
    for lang, name in [("km", "បណ្តាញគ្រូបង្គោលកម្ពុជា"), ("bn", "বাংলাদেশ প্রশিক্ষক")]:
        body = html.unescape(client.get(f"/{lang}/communities/").content.decode())
        assert name in body, lang
