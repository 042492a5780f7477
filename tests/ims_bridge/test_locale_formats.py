"""Published compliance figures in the reader's digits and percent style (portal/formatting.py);
what machines read (chart data attributes, CSV, API) stays Latin."""

import re

import pytest
from wagtail.models import Locale

from tests.factories import compliance_section

from .fixtures import load_fixture

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"
# Cambodia, overtime: 3 of 6 factories non-compliant.
RATE = {"en": "50.0%", "fr": f"50,0{NNBSP}%", "ar": "50.0%", "km": "៥០,០%", "bn": "৫০.০%"}
SIX = {"en": "6", "fr": "6", "ar": "6", "km": "៦", "bn": "৬"}
NUMBER_LOCALE = {
    "en": "en-u-nu-latn",
    "fr": "fr-u-nu-latn",
    "ar": "ar-u-nu-latn",
    "km": "km-u-nu-khmr",
    "bn": "bn-u-nu-beng",
}


@pytest.fixture
def data(tmp_path):
    compliance_section(list(Locale.objects.filter(language_code__in=list(RATE)[1:])))
    load_fixture(tmp_path)


def test_figures_in_each_language(client, data):
    """One import, every language (an import is slow)."""
    for lang in RATE:
        html = client.get(f"/{lang}/compliance/?indicator=point:overtime").content.decode()
        row = re.search(r'<tr data-label="[^"]*" data-value="50.0">.*?</tr>', html, re.S)
        assert re.findall(r"<td>([^<]*)</td>", row.group(0)) == [SIX[lang], RATE[lang]], lang
        assert f'data-locale="{NUMBER_LOCALE[lang]}"' in html  # the chart's axis labels

        report = client.get(f"/{lang}/compliance/countries/cambodia/").content.decode()
        lead = re.search(r'<p class="lead">(.*?)</p>', report, re.S).group(1)
        assert SIX[lang] in lead, lang
        if lang in ("km", "bn"):
            assert not re.search(r"[0-9]", lead), lead

        country = client.get(f"/{lang}/countries/cambodia/").content.decode()
        table = country.split('class="compliance-block"', 1)[1].split("</section>", 1)[0]
        cells = re.findall(r"<td>([^<]*)</td>", table)
        assert SIX[lang] in cells, (lang, cells)
        if lang in ("km", "bn"):
            assert not any(re.search(r"[0-9]", cell) for cell in cells), cells

    # What machines read stays Latin.
    csv_text = client.get("/km/compliance/comparison/csv/?indicator=point:overtime")
    assert "50.0" in csv_text.content.decode()
    api = client.get("/api/v2/compliance/aggregates?level=point&country=cambodia")
    assert api.status_code == 200
    assert "៥" not in api.content.decode()
