"""The demo's publications and adapted tools: created once, translated into every demo
language with their own files, and left alone when seed_demo runs again."""

import io

import pytest
from wagtail.models import Locale

from knowledge.demo import Vocab, seed_library
from knowledge.demo_publications import seed_publications
from knowledge.demo_text import LANGUAGES
from knowledge.models import GoodPracticeGuidePage, Material, PublicationPage, PublicationSeries
from portal.models import HomePage

pytestmark = pytest.mark.django_db


def _seed(capture):
    home = HomePage.objects.get(locale=Locale.get_default())
    with capture(execute=True):
        library = seed_library(home)
    with capture(execute=True):
        seed_publications(library, Vocab(), io.StringIO())


def _snapshot():
    return (
        PublicationPage.objects.count(),
        GoodPracticeGuidePage.objects.count(),
        PublicationSeries.objects.count(),
        Material.objects.count(),
    )


def test_seed_twice_is_idempotent_and_translates_everything(
    client, django_capture_on_commit_callbacks
):
    _seed(django_capture_on_commit_callbacks)
    first = _snapshot()
    assert first[0] == 4 * (1 + len(LANGUAGES))
    assert first[2] == 3 * (1 + len(LANGUAGES))
    _seed(django_capture_on_commit_callbacks)
    assert _snapshot() == first

    brief = PublicationPage.objects.get(
        slug="working-hours-in-cambodian-garment-factories", locale=Locale.get_default()
    )
    km = brief.get_translation(Locale.objects.get(language_code="km"))
    assert km.live and km.title == "ម៉ោងធ្វើការនៅក្នុងរោងចក្រកាត់ដេរនៅកម្ពុជា"
    assert km.series.name == "សេចក្តីសង្ខេបស្រាវជ្រាវ"
    english_file, khmer_file = Material.objects.get(page=brief), Material.objects.get(page=km)
    assert english_file.material_key == khmer_file.material_key
    assert english_file.document_id != khmer_file.document_id
    html = client.get(km.url).content.decode()
    assert "Sreymom Chea" in html and "978-92-2-039114-3" in html

    paper = PublicationPage.objects.get(
        slug="better-work-and-womens-wellbeing", locale__language_code="ar"
    )
    assert paper.doi_url == "https://doi.org/10.54394/BWDP0047"
    assert client.get(paper.url).status_code == 200

    toolkit = GoodPracticeGuidePage.objects.get(
        slug="bipartite-committee-toolkit", locale=Locale.get_default()
    )
    html = client.get(toolkit.url).content.decode()
    adapted_in = html[html.index("Adapted in") :]
    assert "Cambodia" in adapted_in and "Vietnam" in adapted_in
    vi = GoodPracticeGuidePage.objects.get(
        slug="bipartite-committee-toolkit-vietnam", locale__language_code="vi"
    )
    assert vi.adapted_from_id == toolkit.pk
    vi_toolkit = toolkit.get_translation(Locale.objects.get(language_code="vi"))
    assert f'href="{vi_toolkit.url}"' in client.get(vi.url).content.decode()
