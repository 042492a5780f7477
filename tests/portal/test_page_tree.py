"""Page-tree rules: where each portal page type may be created."""

import pytest
from wagtail.models import Page

from portal.models import CountryIndexPage, CountryPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, Page, True),
        (StandardPage, HomePage, True),
        (StandardPage, StandardPage, True),
        (CountryIndexPage, HomePage, True),
        (CountryPage, CountryIndexPage, True),
        (CountryPage, HomePage, False),
        (CountryPage, StandardPage, False),
        (CountryIndexPage, StandardPage, False),
        (HomePage, HomePage, False),
        (StandardPage, CountryPage, False),
    ],
)
def test_parent_and_subpage_rules(child, parent, allowed):
    may_nest = parent in child.allowed_parent_page_models()
    assert (may_nest and child in parent.allowed_subpage_models()) is allowed


def test_only_one_country_index_per_home():
    home = HomePage.objects.filter(locale__language_code="en").get()
    assert not CountryIndexPage.can_create_at(home)
