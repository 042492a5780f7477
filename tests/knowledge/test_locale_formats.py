"""The library's result count in the reader's digits (portal/formatting.py)."""

import pytest
from wagtail.models import Locale, Page

from portal.demo.localize import translate

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
