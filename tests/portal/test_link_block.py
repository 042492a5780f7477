"""A link (a hero's or a call to action's button) goes somewhere: a page or an external URL."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.blocks import CallToActionBlock, HeroBlock, LinkBlock

pytestmark = pytest.mark.django_db


def is_valid(client, page, link):
    """Whether the admin accepts the page with a call to action pointing at ``link``."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield(
                [("call_to_action", {"heading": "Join us", "text": "", "link": link})]
            ),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    assert response.status_code == 200
    return response.json()["is_valid"]


def test_a_link_needs_a_page_or_a_url(editor_client, about):
    assert not is_valid(editor_client, about, {"page": "", "url": "", "label": "Learn more"})
    assert is_valid(
        editor_client, about, {"page": "", "url": "https://betterwork.org/", "label": "Learn more"}
    )
    assert is_valid(editor_client, about, {"page": about.pk, "url": "", "label": "Learn more"})


def test_the_editor_is_told_what_is_missing():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"page": None, "url": "", "label": "Learn more"}))
    assert [error.message for error in raised.value.non_block_errors.as_data()] == [
        "Choose a page or enter an external URL."
    ]


def test_an_optional_button_may_be_left_empty_but_not_half_filled():
    hero = HeroBlock()
    empty = {"heading": "Welcome", "text": "", "image": None}
    hero.clean(hero.to_python({**empty, "link": {"page": None, "url": "", "label": ""}}))
    with pytest.raises(StructBlockValidationError):
        hero.clean(hero.to_python({**empty, "link": {"page": None, "url": "", "label": "Go"}}))
    call = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        call.clean(
            call.to_python({"heading": "Join", "text": "", "link": {"page": None, "url": ""}})
        )


@pytest.fixture
def home_button(about):
    """The English home page's call to action, pointing at the English About page."""
    import json

    from wagtail.models import Locale

    from portal.models import HomePage

    for home in HomePage.objects.all():
        home.body = json.dumps(
            [
                {
                    "type": "call_to_action",
                    "value": {
                        "heading": "Join us",
                        "text": "",
                        "link": {"page": about.pk, "url": "", "label": "Read more"},
                    },
                }
            ]
        )
        home.save_revision().publish()
    return HomePage.objects.get(locale=Locale.get_default())


def button(client, url):
    import re

    html = client.get(url).content.decode()
    return re.search(r'<a class="button" href="([^"]*)">Read more</a>', html).group(1)


def test_a_page_link_leads_to_the_readers_language_version(client, home_button):
    from wagtail.models import Page

    assert button(client, "/en/") == "/en/about/"
    assert button(client, "/fr/") == "/fr/about/"
    french = Page.objects.get(slug="about", locale__language_code="fr").specific
    french.slug = "a-propos"
    french.save_revision().publish()
    assert button(client, "/fr/") == "/fr/a-propos/"  # at once: the publish bumps the content
    french.unpublish()
    assert button(client, "/fr/") == "/en/about/"  # no French version: the page itself


def test_a_link_costs_no_locale_query_once_shown(client, home_button):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    button(client, "/fr/")
    with CaptureQueriesContext(connection) as captured:
        assert button(client, "/fr/") == "/fr/about/"
    assert not [q for q in captured.captured_queries if "wagtailcore_locale" in q["sql"]]
