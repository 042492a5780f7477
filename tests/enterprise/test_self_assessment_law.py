"""Each compliance point of a self-assessment shows the national law of the factory's country
(from the knowledge app, through the ``compliance_point_law`` provider)."""

import pytest

from tests.enterprise.test_self_assessment import BASE, start
from tests.knowledge.glossary_helpers import make_law

pytestmark = pytest.mark.django_db


def test_questions_show_the_law_of_the_factory_country(world, as_user):
    make_law("cambodia", "regular-hours", summary="At most eight hours a day.")
    make_law("cambodia", "overtime", article="Article 139", summary="Overtime is voluntary.")
    make_law("vietnam", "overtime", law="Labour Code (2019)", article="Article 107")
    client = as_user(world["factory user"])
    item = start(client)
    html = client.get(f"{BASE}{item.pk}/").content.decode()
    law = [part.split("</div>", 1)[0] for part in html.split('<div class="point-law">')[1:]]
    text = " ".join(law)
    assert "Overtime is voluntary." in text and "At most eight hours a day." in text
    assert "Labour Code (2019)" not in text  # Viet Nam's law, not this factory's


def test_no_references_no_law_block(world, as_user):
    client = as_user(world["factory user"])
    item = start(client)
    assert 'class="point-law"' not in client.get(f"{BASE}{item.pk}/").content.decode()


def test_points_show_their_glossary_terms(world, as_user):
    from tests.knowledge.glossary_helpers import glossary_page, make_term

    glossary_page("en")
    make_term("Overtime", "Work beyond normal hours, voluntary and paid more.", points=["overtime"])
    make_term("Minimum wage", "The lowest pay the law allows.", points=["overtime-wages"])
    client = as_user(world["factory user"])
    item = start(client)
    html = client.get(f"{BASE}{item.pk}/").content.decode()
    terms = " ".join(part.split("</div>\n", 1)[0] for part in html.split('class="point-terms"')[1:])
    assert '<a href="/en/glossary/#term-overtime">Overtime</a>' in terms
    assert "Work beyond normal hours" in terms and "Minimum wage" not in terms
