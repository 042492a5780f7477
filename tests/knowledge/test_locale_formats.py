"""The library's result count in the reader's digits (portal/formatting.py)."""

import pytest
from wagtail.models import Locale, Page

from tests.factories import translate

pytestmark = pytest.mark.django_db

SIX = {"en": "6", "fr": "6", "ar": "6", "km": "៦", "bn": "৬"}


def test_result_count_in_each_language(
    client, dataset, library, django_capture_on_commit_callbacks
):
    locales = list(Locale.objects.filter(language_code__in=["fr", "ar", "bn"]))
    with django_capture_on_commit_callbacks(execute=True):  # published on commit
        translate(Page.objects.get(pk=library.pk).specific, locales)
    for lang, six in SIX.items():
        response = client.get(f"/{lang}/resources/")
        assert response.context["result_count"] == 6
        assert f'<span class="result-count">{six}</span>' in response.content.decode(), lang


def test_material_sizes_and_facts_in_khmer_digits(
    client, dataset, django_capture_on_commit_callbacks
):
    from bs4 import BeautifulSoup

    khmer = Locale.objects.get(language_code="km")
    policy = Page.objects.get(pk=dataset["B"].pk).specific
    with django_capture_on_commit_callbacks(execute=True):
        translate(policy, [khmer])
    page = policy.get_translation(khmer)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    sizes = [dd.get_text(strip=True) for dd in soup.select(".download-facts div:nth-child(3) dd")]
    assert sizes
    for size in sizes:
        assert not any(char.isascii() and char.isdigit() for char in size), size
        assert any("០" <= char <= "៩" for char in size), size
        assert "byte" not in size and "បៃ" in size, size  # Django's Khmer catalogue lacks it
