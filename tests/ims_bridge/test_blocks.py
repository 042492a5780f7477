"""The compliance StreamField blocks, rendered on real pages (HTTP client).

The fixture (fixtures.py, sums in test_aggregates.py), latest assessment per factory:
Cambodia has 6 factories (F1–F5 apparel, F6 footwear), Vietnam 1 (V1). Working Time
(cluster): Cambodia 4 of 6 = 66.7%; Cambodia footwear 1 of 1 is suppressed, and so is
Cambodia apparel (3 of 5), since Cambodia minus apparel would give F6 away; all countries add
up the published countries only, so they equal Cambodia. Overtime (point): Cambodia 3 of 6 =
50.0%, Vietnam 1 of 1 (suppressed), all countries = Cambodia. Regular Hours: Cambodia 1 of 5 =
20.0% (F6 was not asked)."""

import itertools
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from knowledge.models import GoodPracticeGuidePage, ModelPolicyPage, ResourceLibraryPage
from portal.models import CompliancePoint, Country, CountryPage, HomePage, Industry, StandardPage
from tests.factories import translate

from .fixtures import load_fixture

pytestmark = pytest.mark.django_db

_slugs = itertools.count()


@pytest.fixture
def data(tmp_path, compliance_page):
    load_fixture(tmp_path)


def term(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def summary(country=None, industry=None, heading="Compliance summary", limit=8):
    value = {"heading": heading, "limit": limit, "country": None, "industry": None}
    if country:
        value["country"] = term(Country, country).pk
    if industry:
        value["industry"] = term(Industry, industry).pk
    return ("compliance_summary", value)


def comparison(indicator, heading="Compare countries"):
    return ("compliance_comparison", {"heading": heading, "indicator": indicator, "text": ""})


def top_issues(country=None, limit=5, resources=3, heading="Top issues"):
    return (
        "compliance_top_issues",
        {
            "heading": heading,
            "limit": limit,
            "text": "",
            "country": term(Country, country).pk if country else None,
            "resources": resources,
        },
    )


def page_with(*blocks, language="en", model=StandardPage, parent=None):
    """A published page carrying `blocks`, under the home page of `language`; its URL."""
    parent = parent or HomePage.objects.get(locale__language_code=language)
    page = model(title="Blocks test", slug=f"blocks-{next(_slugs)}", body=stream(*blocks))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.url


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def rows(html):
    """{row header: [cells]} of every table row in `html`, tags stripped."""
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells:
            found.setdefault(cells[0], []).append(cells[1:])
    return found


def section(html, heading):
    """The block whose <h2> is `heading`."""
    start = html.index(f"<h2>{heading}</h2>")
    return html[start : html.index("</section>", start)]


# --- (a) compliance summary ---------------------------------------------------------------


def test_summary_for_a_country_an_industry_and_everywhere(client, data):
    url = page_with(
        summary("cambodia", heading="Cambodia"),
        summary("cambodia", "apparel", heading="Cambodia apparel"),
        summary("cambodia", "footwear", heading="Cambodia footwear"),
        summary(heading="Everywhere"),
    )
    html = get_html(client, url)
    cambodia = section(html, "Cambodia")
    assert rows(cambodia)["Working Time"] == [["6", "66.7%"]]
    assert "<caption>" in cambodia and 'scope="row"' in cambodia
    assert 'href="/en/compliance/countries/cambodia/"' in cambodia
    assert 'href="/en/compliance/countries/cambodia/clusters/csv/"' in cambodia
    # Cambodia minus its apparel factories would be F6 alone: apparel is withheld too.
    assert rows(section(html, "Cambodia apparel"))["Working Time"] == [
        ["—", "not enough factories"]
    ]
    # All countries add up the published countries only (Vietnam's one factory is left out).
    assert rows(section(html, "Everywhere"))["Working Time"] == [["6", "66.7%"]]
    # One footwear factory: the cell is suppressed, its rate and exact count never shown.
    footwear = section(html, "Cambodia footwear")
    assert rows(footwear)["Working Time"] == [["—", "not enough factories"]]
    assert "100" not in footwear and "%" not in re.sub(r"<caption>.*?</caption>", "", footwear)
    assert "/clusters/csv/" not in footwear  # the country CSV is not this table


def test_seeded_country_page_summary_keeps_working(client, data):
    """Country pages seeded before the block had a country/industry choice use the page's."""
    html = get_html(client, "/en/countries/cambodia/")
    assert rows(section(html, "Compliance summary"))["Working Time"] == [["6", "66.7%"]]
    vietnam = section(get_html(client, "/en/countries/vietnam/"), "Compliance summary")
    assert rows(vietnam)["Working Time"] == [["—", "not enough factories"]]
    assert "100.0%" not in vietnam


def test_summary_without_data_says_so(client, compliance_page):
    html = get_html(client, page_with(summary("cambodia"), comparison("point:overtime")))
    assert html.count("Compliance data will appear here once it is imported.") == 2


# --- (b) cross-country comparison -----------------------------------------------------------


def test_comparison_of_one_compliance_point(client, data):
    html = section(get_html(client, page_with(comparison("point:overtime"))), "Compare countries")
    table = rows(html)
    assert table["Cambodia"] == [["6", "50.0%"]]
    assert table["Vietnam"] == [["—", "not enough factories"]]
    assert "100.0%" not in html  # V1 alone is non-compliant: never shown
    assert "Non-compliance by country: Overtime" in html
    assert 'href="/en/compliance/?indicator=point:overtime"' in html
    assert 'href="/en/compliance/comparison/csv/?indicator=point:overtime"' in html
    assert 'href="/en/compliance/countries/cambodia/"' in html
    csv = client.get("/en/compliance/comparison/csv/?indicator=point:overtime")
    assert csv.status_code == 200 and b"Cambodia,6,50.0" in csv.content


def test_comparison_of_a_cluster(client, data):
    html = get_html(client, page_with(comparison("cluster:working-time")))
    assert rows(section(html, "Compare countries"))["Cambodia"] == [["6", "66.7%"]]


def test_comparison_indicator_choices_come_from_the_taxonomy():
    from portal.blocks import ComplianceComparisonBlock

    block = ComplianceComparisonBlock()
    choices = dict(block.child_blocks["indicator"].field.choices)
    assert choices["cluster:working-time"] == "Working Time"
    assert choices["point:overtime"] == "— Overtime"
    assert len([key for key in choices if key.startswith("point:")]) == 38
    with pytest.raises(Exception, match="valid choice"):
        block.child_blocks["indicator"].clean("point:atlantis")


# --- (c) top issues and the resources that help -------------------------------------------


@pytest.fixture
def library(db):
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def resource(library, title, points, model=GoodPracticeGuidePage, publish=True, **fields):
    page = model(title=title, slug=f"r-{next(_slugs)}", summary=f"About {title}", **fields)
    library.add_child(instance=page)
    page.compliance_points.set([term(CompliancePoint, slug) for slug in points])
    page.save()
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def resources(library, django_capture_on_commit_callbacks):
    made = {
        "guide": resource(library, "Overtime guide", ["overtime"], featured=True),
        "policy": resource(library, "Overtime policy", ["overtime"], model=ModelPolicyPage),
        "old": resource(library, "Old overtime note", ["overtime"]),
        "hours": resource(library, "Hours handbook", ["regular-hours"]),
        "draft": resource(library, "Unpublished hours draft", ["regular-hours"], publish=False),
        "other": resource(library, "Wages primer", ["overtime-wages"]),
    }
    fr = Locale.objects.get(language_code="fr")
    memory = {"fr": {"Resources": "Ressources", "Overtime guide": "Guide des heures sup"}}
    for page in (library, made["guide"]):
        with django_capture_on_commit_callbacks(execute=True):
            translate(Page.objects.get(pk=page.pk).specific, [fr], memory=memory)
    return made


def issues(html):
    """[(issue title, summary, [resource titles])] of a top-issues block."""
    found = []
    for item in re.findall(r"<li>\s*<h3>(.*?)</li>\s*(?=<li>\s*<h3>|</ol>)", html, re.S):
        title = re.sub(r"<[^>]+>", "", item.split("</h3>")[0]).strip()
        summary_text = re.search(r"</h3>\s*<p>(.*?)</p>", item, re.S).group(1)
        titles = [
            re.sub(r"<[^>]+>", "", t).strip()
            for t in re.findall(r'<li class="card"[^>]*>\s*<a [^>]*>(.*?)</a>', item)
        ]
        found.append((title, summary_text, titles))
    return found


def test_top_issues_for_a_country_with_linked_resources(client, data, resources):
    html = section(get_html(client, page_with(top_issues("cambodia", resources=2))), "Top issues")
    assert issues(html) == [
        # featured first, then the newest
        ("Overtime", "50.0% of 6 factories non-compliant", ["Overtime guide", "Old overtime note"]),
        ("Regular Hours", "20.0% of 5 factories non-compliant", ["Hours handbook"]),
    ]
    assert "Unpublished hours draft" not in html and "Wages primer" not in html
    assert 'href="/en/compliance/countries/cambodia/"' in html
    assert f'href="{resources["guide"].url}"' in html


def test_top_issues_globally_never_rank_suppressed_cells(client, data, resources):
    html = section(get_html(client, page_with(top_issues(limit=1, resources=1))), "Top issues")
    # All countries = the published countries only: Cambodia's 3 of 6, not 4 of 7 with Vietnam.
    assert issues(html) == [("Overtime", "50.0% of 6 factories non-compliant", ["Overtime guide"])]
    assert 'href="/en/compliance/?indicator=point:overtime"' in html
    vietnam = section(get_html(client, page_with(top_issues("vietnam"))), "Top issues")
    assert issues(vietnam) == []  # Vietnam's only cells are suppressed
    assert "Compliance data will appear here once it is imported." in vietnam
    assert "100.0%" not in vietnam


def test_top_issue_without_resources_says_so(client, data, library):
    html = section(get_html(client, page_with(top_issues("cambodia"))), "Top issues")
    assert [title for title, _s, _r in issues(html)] == ["Overtime", "Regular Hours"]
    assert html.count("No resources are linked to this compliance point yet.") == 2
    hidden = section(get_html(client, page_with(top_issues("cambodia", resources=0))), "Top issues")
    assert "No resources are linked" not in hidden


def test_blocks_speak_the_readers_language(client, data, resources):
    """A French page: French labels (gettext), French taxonomy names, the French version of a
    resource where there is one and the English one otherwise."""
    url = page_with(
        summary("vietnam", heading="Résumé"),
        comparison("point:overtime", heading="Comparaison"),
        top_issues("cambodia", heading="Problèmes"),
        language="fr",
    )
    assert url.startswith("/fr/")
    html = get_html(client, url)
    assert "pas assez d’usines" in section(html, "Résumé")
    assert "Durée normale du travail" in section(html, "Problèmes")  # Regular Hours
    assert "Temps de travail" in section(html, "Résumé")  # Working Time
    assert "/fr/compliance/?indicator=point:overtime" in section(html, "Comparaison")
    problems = issues(section(html, "Problèmes"))
    assert problems[0][2] == ["Guide des heures sup", "Old overtime note", "Overtime policy"]
    assert "Cambodge" in section(html, "Comparaison")


def test_blocks_on_home_country_and_resource_pages(client, data, resources):
    home = HomePage.objects.get(locale=Locale.get_default())
    home.body = stream(comparison("point:overtime", heading="On the home page"))
    home.save_revision().publish()
    assert rows(section(get_html(client, "/en/"), "On the home page"))["Cambodia"] == [
        ["6", "50.0%"]
    ]

    # With no country chosen, the block on a country page reports on the page's country.
    country_page = CountryPage.objects.get(locale=Locale.get_default(), slug="cambodia")
    country_page.body = stream(top_issues(heading="On the country page"))
    country_page.save_revision().publish()
    html = section(get_html(client, "/en/countries/cambodia/"), "On the country page")
    assert issues(html)[0][:2] == ("Overtime", "50.0% of 6 factories non-compliant")

    guide = resources["hours"]
    guide.body = stream(summary("cambodia", heading="On a resource page"))
    guide.save_revision().publish()
    html = get_html(client, guide.url)
    assert rows(section(html, "On a resource page"))["Working Time"] == [["6", "66.7%"]]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_blocks_cost_a_fixed_number_of_queries(
    client, data, resources, library, django_assert_max_num_queries
):
    empty = page_with(("heading", {"text": "Nothing to compute"}))
    small = page_with(
        summary("cambodia", limit=1), comparison("point:overtime"), top_issues(limit=1, resources=1)
    )
    large = page_with(
        summary("cambodia", limit=8),
        comparison("cluster:working-time"),
        top_issues("cambodia", limit=12, resources=6),
    )
    for url in (empty, small, large):  # warm the site-root, locale and report caches
        _queries(client, url)
    baseline = _queries(client, empty)
    small_cost, large_cost = _queries(client, small) - baseline, _queries(client, large) - baseline
    for n in range(5):  # more resources on the same points cost nothing more
        resource(library, f"More overtime {n}", ["overtime", "regular-hours"])
    _queries(client, empty)  # publishing changed the content: fill the fragments again
    _queries(client, large)
    assert _queries(client, large) - baseline == large_cost
    assert abs(large_cost - small_cost) <= 2  # the scope (country or not) may add a look-up
    with django_assert_max_num_queries(baseline + 6):  # items cached: the blocks own values
        client.get(large)


def test_editors_get_the_blocks_in_the_page_editor(client, data, make_user):
    page_with(summary("cambodia"), comparison("point:overtime"), top_issues())
    page = StandardPage.objects.get(slug__startswith="blocks-")
    client.force_login(make_user("editor-in-chief", is_superuser=True, is_staff=True))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Compliance summary", "Compliance: compare countries", "Compliance: top issues"):
        assert label in html
    assert "point:overtime" in html and "cluster:working-time" in html  # the indicator choices


def test_a_page_with_the_blocks_translates(client, data, django_capture_on_commit_callbacks):
    """wagtail-localize copies the blocks (choices, numbers, chosen terms) into a translation."""
    page_with(summary("cambodia"), comparison("point:overtime"), top_issues("cambodia"))
    source = StandardPage.objects.get(slug__startswith="blocks-")
    fr = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        translate(source, [fr], memory={"fr": {"Compare countries": "Comparer les pays"}})
    translation = source.get_translation(fr)
    if not translation.live:
        translation.save_revision().publish()
    html = get_html(client, translation.url)
    summary_fr = section(html, "Synthèse de la conformité")  # the demo translation memory
    assert rows(summary_fr)["Temps de travail"] == [["6", "66,7\u202f%"]]
    assert rows(section(html, "Comparer les pays"))["Cambodge"] == [["6", "50,0\u202f%"]]
    assert issues(section(html, "Top issues"))[0][0] == "Heures supplémentaires"
