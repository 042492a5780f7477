import re

import pytest
from wagtail import hooks

from portal.providers import ProvidedItem

pytestmark = pytest.mark.django_db


def nav_links(html):
    nav = html[html.index('class="primary-nav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_navigation_pages_are_shown_in_the_readers_language(client):
    links = nav_links(client.get("/fr/").content.decode())
    urls = [url for url, _title in links]
    assert "/fr/countries/" in urls and "/fr/about/" in urls
    assert not any(url.startswith("/en/") for url in urls)


def test_apps_add_their_sections_first_through_the_hook(client):
    def provider(language, **context):
        return [ProvidedItem(title=f"Section {language}", url=f"/{language}/section/")]

    with hooks.register_temporarily("portal_provides_navigation", provider):
        links = nav_links(client.get("/es/").content.decode())
    urls = [url for url, _title in links]
    assert ("/es/section/", "Section es") in links
    assert urls.index("/es/section/") < urls.index("/es/countries/")


def test_current_page_is_marked(client):
    html = client.get("/en/about/").content.decode()
    assert re.search(r'<a href="/en/about/" aria-current="page">', html)


def test_navigation_queries_do_not_grow_with_its_links(client):
    """Menu and footer read every chosen page's translation at once."""
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale, Page

    from portal.models import NavigationSettings

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/about/").status_code == 200
        return len(captured)

    queries()  # the first request may create the settings row
    before = queries()
    nav = NavigationSettings.load()
    pages = Page.objects.filter(depth__gte=3, locale=Locale.get_default()).live()[:5]
    links = [{"type": "link", "value": {"page": page.pk}} for page in pages]
    assert len(links) > 2
    nav.primary_links = json.dumps(links)
    nav.footer_links = json.dumps(links)
    nav.save()
    html = client.get("/fr/about/").content.decode()
    assert len(nav_links(html)) >= len(links)
    assert queries() == before


def _section_pages():
    """The news and events sections under the English home page, the news also in French."""
    from wagtail.models import Locale

    from communities.models import EventIndexPage
    from knowledge.models import NewsIndexPage
    from portal.models import HomePage
    from tests.factories import translate

    home = HomePage.objects.get(locale=Locale.get_default())
    sections = {}
    for model, title, slug in (
        (NewsIndexPage, "News", "news"),
        (EventIndexPage, "Events", "events"),
    ):
        page = model(title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
        sections[slug] = page
    translate(
        sections["news"],
        [Locale.objects.get(language_code="fr")],
        memory={"fr": {"News": "Actualités"}},
    )
    return sections


def test_sections_are_linked_in_the_readers_language_else_the_default_one(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _section_pages()
    links = nav_links(client.get("/fr/").content.decode())
    assert ("/fr/news/", "Actualités") in links  # translated
    assert ("/en/events/", "Events") in links  # not yet in French: the English section
    urls = [url for url, _title in links]
    assert urls.index("/fr/news/") < urls.index("/fr/countries/")  # sections first


def test_a_section_the_site_has_not_is_left_out(client):
    urls = [url for url, _title in nav_links(client.get("/en/").content.decode())]
    assert not any(url.endswith(("/news/", "/events/")) for url in urls)


def test_every_section_link_costs_one_query_together(client, django_capture_on_commit_callbacks):
    """The menu's section pages (library, glossary, compliance, news, events …) are read in
    one query, however many sections the apps link: adding two costs nothing."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cold_queries():
        cache.clear()  # the navigation is cached per language and content version
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/about/").status_code == 200
        return [q["sql"] for q in captured]

    cold_queries()
    before = cold_queries()
    with django_capture_on_commit_callbacks(execute=True):
        _section_pages()
    cold_queries()
    after = cold_queries()
    assert len(after) == len(before)
    typed = [sql for sql in after if '"wagtailcore_page"."content_type_id" IN' in sql]
    assert len(typed) == 1, typed
