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
