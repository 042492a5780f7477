"""A country's public compliance report shows the national law behind its compliance points
(from the knowledge app, through the ``country_labour_law`` provider)."""

import pytest

from tests.knowledge.glossary_helpers import make_law, translate_law

pytestmark = pytest.mark.django_db


def test_country_report_lists_the_law_references(client, compliance_page):
    hours = make_law("cambodia", "regular-hours")
    make_law("cambodia", "overtime-wages", article="Article 139", summary="Paid at 150%.")
    make_law("vietnam", "regular-hours", law="Labour Code (2019)", article="Article 105")
    html = client.get("/en/compliance/countries/cambodia/").content.decode()
    section = html.split('<section class="law-references"', 1)[1].split("</section>", 1)[0]
    assert "<h3>Regular Hours</h3>" in section and "<h3>Overtime Wages</h3>" in section
    assert "Article 137" in section and "Article 139" in section
    assert "Labour Code (2019)" not in section
    translate_law(hours, "fr", "Loi sur le travail (1997)", "Article 137", "Huit heures par jour.")
    fr = client.get("/fr/compliance/countries/cambodia/").content.decode()
    assert "Loi sur le travail (1997)" in fr and "Droit du travail" in fr


def test_country_without_references_shows_no_section(client, compliance_page):
    make_law("cambodia", "regular-hours")
    html = client.get("/en/compliance/countries/jordan/").content.decode()
    assert "law-references" not in html
