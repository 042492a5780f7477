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
