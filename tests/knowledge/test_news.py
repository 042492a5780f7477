"""The news index and articles: rendering in several languages, the country filter, paging,
bad query strings, search by locale, the content API and the query budget."""

import datetime

import pytest
from wagtail.models import Locale, Page

from knowledge.models import NewsArticlePage, NewsIndexPage
from knowledge.models.news import NEWS_PAGE_SIZE
from portal.models import Country, HomePage
from tests.factories import translate

pytestmark = pytest.mark.django_db


def _country(slug):
    return Country.objects.get(slug=slug, locale=Locale.get_default())


@pytest.fixture
def news_index():
    index = NewsIndexPage(title="News", slug="news")
    HomePage.objects.get(locale=Locale.get_default()).add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_article(news_index):
    counter = iter(range(1000))

    def make(title, countries=(), days_ago=0, **fields):
        article = NewsArticlePage(
            title=title,
            slug=f"article-{next(counter)}",
            summary=f"Summary of {title}.",
            body=f"<p>Body of {title}.</p>",
            date=datetime.date.today() - datetime.timedelta(days=days_ago),
            **fields,
        )
        news_index.add_child(instance=article)
        article.countries.set([_country(slug) for slug in countries])
        article.save_revision().publish()
        return NewsArticlePage.objects.get(pk=article.pk)

    return make


def test_index_lists_newest_first_with_country_or_global(client, make_article):
    make_article("Older Vietnam conference", countries=["vietnam"], days_ago=5)
    make_article("New global library", days_ago=1)
    html = client.get("/en/news/").content.decode()
    assert html.index("New global library") < html.index("Older Vietnam conference")
    assert "Global" in html and "Vietnam" in html


def test_country_filter_keeps_global_news(client, make_article):
    make_article("Vietnam conference", countries=["vietnam"])
    make_article("Bangladesh fire safety", countries=["bangladesh"])
    make_article("Global library")
    html = client.get("/en/news/", {"country": "bangladesh"}).content.decode()
    assert "Bangladesh fire safety" in html and "Global library" in html
    assert "Vietnam conference" not in html


@pytest.mark.parametrize("value", ["atlantis", "x" * 500, "'; drop table --"])
def test_unknown_country_lists_everything_with_a_note(client, make_article, value):
    make_article("Vietnam conference", countries=["vietnam"])
    response = client.get("/en/news/", {"country": value, "page": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unknown country" in html and "Vietnam conference" in html


def test_nul_byte_is_a_400(client, news_index):
    assert client.get("/en/news/", {"country": "viet\x00nam"}).status_code == 400


def test_pagination(client, make_article):
    for i in range(NEWS_PAGE_SIZE + 2):
        make_article(f"Story {i:02d}", days_ago=i)
    first = client.get("/en/news/").content.decode()
    assert "Story 00" in first and "Story 11" not in first
    second = client.get("/en/news/", {"page": 2}).content.decode()
    assert "Story 11" in second and "Story 00" not in second
    assert 'rel="prev"' in second


@pytest.mark.parametrize("language", ["ar", "km"])
def test_article_renders_translated(
    client, make_article, news_index, language, django_capture_on_commit_callbacks
):
    article = make_article("Vietnam conference", countries=["vietnam"])
    locale = Locale.objects.get(language_code=language)
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=news_index.pk).specific, [locale])
    Page.fix_tree(fix_paths=False)
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=article.pk).specific, [locale])
    version = article.get_translation(locale)
    response = client.get(version.get_url())
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    listing = client.get(f"/{language}/news/")
    assert listing.status_code == 200
    assert version.get_url() in listing.content.decode()


def test_restricted_and_draft_articles_are_not_listed(client, make_article, news_index):
    from wagtail.models import PageViewRestriction

    make_article("Public story")
    secret = make_article("Partners story")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    draft = NewsArticlePage(title="Draft story", slug="draft", summary="d", live=False)
    news_index.add_child(instance=draft)
    html = client.get("/en/news/").content.decode()
    assert "Public story" in html
    assert "Partners story" not in html and "Draft story" not in html


def test_index_query_budget(client, make_article, django_assert_max_num_queries):
    for i in range(8):
        make_article(f"Story {i}", countries=["vietnam", "cambodia"])
    client.get("/en/news/")  # warm the per-site fragments
    with django_assert_max_num_queries(14):
        response = client.get("/en/news/", {"country": "vietnam"})
    assert response.status_code == 200


def test_search_finds_news_in_the_reader_language(client, make_article):
    from wagtail.search.backends import get_search_backend

    article = make_article("Fire safety milestone", countries=["bangladesh"])
    get_search_backend().add(article)  # what the background index update does
    found = client.get("/api/v2/search/", {"q": "milestone", "language": "en"}).json()
    assert [r["url"] for r in found["results"]] == [article.url], found
    french = client.get("/api/v2/search/", {"q": "milestone", "language": "fr"}).json()
    assert french["count"] == 0


def test_content_api_serves_articles(client, make_article):
    article = make_article("Vietnam conference", countries=["vietnam"])
    data = client.get(
        "/api/v2/pages/", {"type": "knowledge.NewsArticlePage", "fields": "summary,date,countries"}
    ).json()
    [item] = data["items"]
    assert item["id"] == article.pk
    assert item["summary"] == "Summary of Vietnam conference."
    assert item["date"] == article.date.isoformat()


def test_demo_news_is_idempotent_and_translated(client, django_capture_on_commit_callbacks):
    from knowledge.demo_news import seed_news
    from knowledge.demo_text.news import ARTICLES, MEMORY

    home = HomePage.objects.get(locale=Locale.get_default())
    with django_capture_on_commit_callbacks(execute=True):
        seed_news(home)
    Page.fix_tree(fix_paths=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert seed_news(home) == 0
    languages = Locale.objects.count()
    assert NewsArticlePage.objects.filter(live=True).count() == len(ARTICLES) * languages
    html = client.get("/vi/news/", {"country": "vietnam"}).content.decode()
    assert MEMORY["vi"][ARTICLES[0]["title"]] in html
    assert MEMORY["vi"][ARTICLES[2]["title"]] in html  # global news
    assert MEMORY["vi"][ARTICLES[1]["title"]] not in html
