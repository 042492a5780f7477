"""Numbers, percentages and dates for the reader's language (portal/formatting.py): separators
and month names of the language, Khmer and Bengali digits, Latin digits for Arabic; values for
machines stay Latin and ISO."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.utils import translation

from portal.formatting import (
    digits,
    format_date,
    format_number,
    format_percent,
    intl_locale,
)

NNBSP, NBSP = "\u202f", "\u00a0"
WHEN = datetime(2025, 3, 7, 14, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1,234,567"),
        ("fr", f"1{NBSP}234{NBSP}567"),
        ("es", f"1{NBSP}234{NBSP}567"),
        ("ar", "1,234,567"),
        ("vi", "1.234.567"),
        ("km", "១.២៣៤.៥៦៧"),
        ("id", "1.234.567"),
        ("bn", "১২,৩৪,৫৬৭"),  # lakh grouping
    ],
)
def test_numbers_are_grouped_with_the_languages_separators_and_digits(lang, expected):
    assert format_number(1234567, language=lang) == expected


def test_decimals_and_odd_values():
    assert format_number(12.5, language="fr") == "12,5"
    assert format_number(Decimal("70.20"), 1, language="km") == "៧០,២"
    assert format_number(0.5, language="bn") == "০.৫"
    assert format_number(12.5, language="ar") == "12.5"  # Latin digits, Latin separators
    assert format_number(1234, language="es") == "1234"  # Spanish groups from five digits
    assert format_number(12345, language="es") == f"12{NBSP}345"
    assert format_number("42", language="km") == "៤២"
    assert format_number("—", language="km") == "—"
    assert format_number(None) == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "42.5%"),
        ("fr", f"42,5{NNBSP}%"),
        ("es", f"42,5{NBSP}%"),
        ("ar", "42.5%"),
        ("vi", "42,5%"),
        ("km", "៤២,៥%"),
        ("id", "42,5%"),
        ("bn", "৪২.৫%"),
    ],
)
def test_percentages(lang, expected):
    assert format_percent(42.5, language=lang) == expected


def test_a_whole_percentage_keeps_the_decimals_it_was_given():
    assert format_percent(50.0, language="fr") == f"50,0{NNBSP}%"
    assert format_percent(7, language="km") == "៧%"
    assert format_percent(None) == ""


@pytest.mark.parametrize(
    ("lang", "long", "short_datetime"),
    [
        ("en", "March 7, 2025", "03/07/2025 2:05 p.m."),
        ("fr", "7 mars 2025", "07/03/2025 14:05"),
        ("ar", "7 مارس، 2025", "07\u200f/03\u200f/2025 2:05 م"),  # day first, Latin digits
        ("km", "៧ ខែ មិនា ឆ្នាំ ២០២៥", "៧ មិនា ២០២៥, ១៤:០៥"),
        ("bn", "৭ মার্চ, ২০২৫", "৭ মার্চ, ২০২৫, ২:০৫ অপরাহ্ন"),
    ],
)
def test_dates_have_local_month_names_order_and_digits(lang, long, short_datetime):
    assert format_date(WHEN, language=lang) == long
    assert format_date(WHEN, "SHORT_DATETIME_FORMAT", language=lang) == short_datetime
    assert format_date(date(2025, 3, 7), language=lang) == long
    assert format_date(None, language=lang) == ""


def test_digits_and_browser_locale():
    assert digits("Cycle 3, 2024", "km") == "Cycle ៣, ២០២៤"
    assert digits("2024", "ar") == "2024"
    assert intl_locale("km") == "km-u-nu-khmr"
    assert intl_locale("bn") == "bn-u-nu-beng"
    assert intl_locale("ar") == "ar-u-nu-latn"
    assert intl_locale("fr") == "fr-u-nu-latn"


TEMPLATE = (
    "{% load i18n %}{{ n|local_number }}|{{ p|local_percent }}|{{ d|local_date }}|"
    "<time datetime=\"{{ d|date:'c' }}\">{{ d|local_date:'SHORT_DATE_FORMAT' }}</time>|"
    "{% blocktranslate count counter=c|local_count %}{{ counter }} result"
    "{% plural %}{{ counter }} results{% endblocktranslate %}|{{ y|local_digits }}|{{ n }}"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "12,345|42.5%|March 7, 2025|03/07/2025|1 result|2001|12345"),
        ("km", "១២.៣៤៥|៤២,៥%|៧ ខែ មិនា ឆ្នាំ ២០២៥|៧ មិនា ២០២៥|លទ្ធផល ១|២០០១|12345"),
        ("bn", "১২,৩৪৫|৪২.৫%|৭ মার্চ, ২০২৫|৭ মার্চ, ২০২৫|১টি ফলাফল|২০০১|12345"),
    ],
)
def test_template_filters_are_built_in(lang, expected):
    """No {% load %} needed; an unfiltered number (an id, an attribute) stays as it was; the
    <time> attribute stays ISO."""
    template = engines["django"].from_string(TEMPLATE)
    with translation.override(lang):
        html = template.render({"n": 12345, "p": 42.5, "d": WHEN, "c": 1, "y": 2001})
    machine = re.search(r'datetime="([^"]+)"', html).group(1)
    assert machine == "2025-03-07T14:05:00+00:00"
    assert re.sub(r"<time[^>]*>|</time>", "", html) == expected


def test_local_count_chooses_the_plural_by_number():
    template = engines["django"].from_string(
        "{% load i18n %}{% blocktranslate count counter=c|local_count %}{{ counter }} result"
        "{% plural %}{{ counter }} results{% endblocktranslate %}"
    )
    with translation.override("fr"):
        assert template.render({"c": 1}) == "1 résultat"
        assert template.render({"c": 12345}) == f"12{NBSP}345 résultats"


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "workers", "started"),
    [
        ("en", "700,000", "2001"),
        ("fr", f"700{NBSP}000", "2001"),
        ("ar", "700,000", "2001"),
        ("km", "៧០០.០០០", "២០០១"),
        ("bn", "৭,০০,০০০", "২০০১"),
    ],
)
def test_country_page_counts(client, lang, workers, started):
    response = client.get(f"/{lang}/countries/cambodia/")
    assert response.status_code == 200
    facts = response.content.decode().split('class="facts"', 1)[1].split("</section>", 1)[0]
    values = re.findall(r"<dd>([^<]*)</dd>", facts)
    assert started in values
    assert workers in values
    assert digits("600", lang) in values  # factories reached
