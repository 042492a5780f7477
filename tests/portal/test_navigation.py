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
