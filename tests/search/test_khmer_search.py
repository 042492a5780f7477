"""Khmer is written without spaces between words: a word inside a sentence finds its page and
its discussion, through the search page and the API, because text is cut into words with ICU
word boundaries when it is indexed and when it is searched (``search.segmentation``). Runs on
either database backend (PostgreSQL and SQLite)."""

import pytest
from django.utils import translation
from wagtail.search.backends import get_search_backend

from portal.models import StandardPage

from .conftest import PUBLIC

pytestmark = pytest.mark.django_db

# "All workers must receive training on fire safety in the garment factory", in one run.
SENTENCE = "កម្មករទាំងអស់ត្រូវទទួលបានការបណ្តុះបណ្តាលអំពីសុវត្ថិភាពអគ្គិភ័យនៅក្នុងរោងចក្រកាត់ដេរ"
FIRE = "អគ្គិភ័យ"  # "fire", from the middle of the sentence
FIRE_SAFETY = "សុវត្ថិភាពអគ្គិភ័យ"  # "fire safety": two words, no space
ABSENT = "ប្រាក់ឈ្នួល"  # "wages": not in the sentence


def make_page(language, title, intro, slug, body=()):
    about = StandardPage.objects.get(slug="about", locale__language_code=language)
    page = StandardPage(title=title, slug=slug, intro=intro, body=list(body))
    about.add_child(instance=page)
    page.save_revision().publish()
    page = StandardPage.objects.get(pk=page.pk)
    get_search_backend().add(page)
    return page


@pytest.fixture
def khmer_page():
    return make_page(
        "km",
        "ការណែនាំ",  # "guidance": not one of the query words
        "",
        "khmer-fire-safety",
        body=[("paragraph", f"<p>{SENTENCE}។</p>")],
    )


def api_urls(client, query, language="km"):
    data = client.get("/api/v2/search/", {"q": query, "language": language}).json()
    return [r["url"] for r in data["results"]]


@pytest.mark.parametrize("query", [FIRE, FIRE_SAFETY])
def test_a_khmer_word_inside_a_sentence_finds_the_page(client, khmer_page, query):
    html = client.get("/km/search/", {"q": query}).content.decode()
    assert f'href="{khmer_page.url}"' in html
    data = client.get("/api/v2/search/", {"q": query, "language": "km"}).json()
    assert [r["url"] for r in data["results"]] == [khmer_page.url]
    assert data["count"] == 1


def test_a_khmer_word_not_in_the_page_finds_nothing(client, khmer_page):
    assert api_urls(client, ABSENT) == []
    # Vowel signs and subscripts are part of a word (SQLite's tokenizer once dropped them):
    # a bare consonant, or a word with another vowel, is another word.
    assert api_urls(client, "ក") == []
    assert api_urls(client, "អគ្គីភ័យ") == []


def test_the_excerpt_shows_the_text_as_written(client, khmer_page):
    """The index holds the segmented text; what readers see is the page's own text, unspaced,
    with the query's words marked."""
    make_page("km", "ឯកសារ", SENTENCE, "khmer-intro")
    data = client.get("/api/v2/search/", {"q": FIRE_SAFETY, "language": "km"}).json()
    excerpts = [r["excerpt"] for r in data["results"] if r["excerpt"]]
    assert excerpts == [
        "កម្មករទាំងអស់ត្រូវទទួលបានការបណ្តុះបណ្តាលអំពី<mark>សុវត្ថិភាព</mark><mark>អគ្គិភ័យ</mark>នៅក្នុងរោងចក្រកាត់ដេរ"
    ]


def test_a_khmer_word_on_an_english_page_finds_it(client):
    page = make_page("en", "Fire drills", f"Posters in Khmer: {SENTENCE}", "khmer-on-en")
    assert api_urls(client, FIRE, language="en") == [page.url]


def test_english_and_french_search_is_unchanged(client, khmer_page):
    english = make_page("en", "Fire safety in garment factories", "Evacuation drills", "fire-en")
    french = make_page("fr", "Sécurité incendie", "Exercices d'évacuation des ateliers", "feu-fr")
    assert api_urls(client, "evacuation drills", language="en") == [english.url]
    assert api_urls(client, "évacuation", language="fr") == [french.url]
    html = client.get("/fr/search/", {"q": "ateliers"}).content.decode()
    assert f'href="{french.url}"' in html


def test_a_khmer_community_post_is_found(client, make_community, make_thread):
    community = make_community(PUBLIC, languages=("km",))
    thread = make_thread(community, "សំណួរ", body=SENTENCE)  # title: "a question"
    html = client.get("/km/search/", {"q": FIRE}).content.decode()
    with translation.override("km"):
        assert f'href="{thread.get_absolute_url()}"' in html
    data = client.get("/api/v2/search/", {"q": FIRE_SAFETY, "language": "km"}).json()
    assert [(r["kind"], r["title"]) for r in data["results"]] == [("discussion", "សំណួរ")]


def test_a_misspelt_khmer_word_gets_a_suggestion_word_by_word(client):
    make_page("km", "សុវត្ថិភាពអគ្គិភ័យ", "", "khmer-title")  # "fire safety"
    data = client.get("/api/v2/search/", {"q": "សុវត្ថិភាពអគ្គីភ័យ", "language": "km"}).json()
    assert data["count"] == 0
    assert data["suggestion"] == "សុវត្ថិភាព អគ្គិភ័យ"


def test_title_suggestions_complete_a_khmer_word_inside_a_title(client):
    page = make_page("km", "សុវត្ថិភាពអគ្គិភ័យ", "", "khmer-title")
    data = client.get("/km/search/suggest/", {"q": "អគ្គិភ័យ"}).json()
    assert data["suggestions"] == [{"title": page.title, "url": page.url}]
