"""Taxonomy choices in the admin show each term once: a single choice (a country page's
country) in the edited object's language, a multiple choice (a resource's countries) in the
default language, which wagtail-localize copies to every translation unchanged."""

import re

import pytest

from knowledge.models import ResourceLibraryPage
from portal.models import Country, CountryIndexPage

pytestmark = pytest.mark.django_db


def _country_options(html):
    """The option labels of the ``countries`` select."""
    select = re.search(r'<select name="countries".*?</select>', html, re.S)
    assert select, "no countries select in the form"
    return re.findall(r"<option[^>]*>\s*([^<]+?)\s*</option>", select.group(0))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_resource_create_form_lists_each_country_once_in_the_source_language(
    client, superuser, library, language
):
    parent = ResourceLibraryPage.objects.get(
        translation_key=library.translation_key, locale__language_code=language
    )
    client.force_login(superuser)
    response = client.get(f"/admin/pages/add/knowledge/goodpracticeguidepage/{parent.pk}/")
    assert response.status_code == 200
    options = _country_options(response.content.decode())
    expected = list(Country.objects.filter(locale=library.locale).values_list("name", flat=True))
    assert sorted(options) == sorted(expected)
    assert (
        len(options) == len(set(options)) == Country.objects.filter(locale=library.locale).count()
    )


def test_resource_edit_form_lists_the_source_language_terms(client, superuser, module):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == 200
    options = _country_options(response.content.decode())
    assert options.count("Cambodia") == 1
    assert len(options) == Country.objects.filter(locale=module.locale).count()
    assert re.search(r'<option value="\d+" selected>\s*Cambodia', response.content.decode())


def test_a_country_of_another_language_is_refused_on_save(client, superuser, module, fr):
    client.force_login(superuser)
    french = Country.objects.get(slug="jordan", locale=fr)
    form = client.get(f"/admin/pages/{module.pk}/edit/").context["form"]
    assert not form.fields["countries"].queryset.filter(pk=french.pk).exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_country_page_chooser_opens_on_the_page_language(client, superuser, language):
    parent = CountryIndexPage.objects.get(locale__language_code=language)
    client.force_login(superuser)
    response = client.get(f"/admin/pages/add/portal/countrypage/{parent.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    chooser = re.search(r"/admin/snippets/choose/portal/country/\?locale=(\w+)", html)
    assert chooser and chooser.group(1) == language
    listing = client.get(f"/admin/snippets/choose/portal/country/?locale={language}")
    assert listing.status_code == 200
    text = listing.content.decode()
    shown, hidden = ("Cambodia", "Cambodge") if language == "en" else ("Cambodge", "Cambodia")
    assert shown in text
    assert hidden not in text


def test_compliance_point_cluster_in_its_language(client, superuser, fr):
    """A new French point (French ones made by wagtail-localize open its editor instead)."""
    client.force_login(superuser)
    response = client.get("/admin/snippets/portal/compliancepoint/add/?locale=fr")
    assert response.status_code == 200
    assert "/admin/snippets/choose/portal/cluster/?locale=fr" in response.content.decode()
    assert set(
        response.context["form"]
        .fields["cluster"]
        .queryset.values_list("locale__language_code", flat=True)
    ) == {"fr"}


def test_factory_list_filter_lists_each_country_once(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/snippets/ims_bridge/factory/")
    assert response.status_code == 200
    field = response.context["filters"].form.fields["country"]
    names = [str(country) for country in field.queryset]
    assert names.count("Bangladesh") == 1
    assert (
        len(names) == len(set(names)) == Country.objects.filter(locale__language_code="en").count()
    )
