import csv
import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from ims_bridge.models import (
    AggregateCell,
    Assessment,
    ComplianceIndexPage,
    Factory,
    ImportBatch,
    PublicReporting,
)
from portal.models import Country, HomePage
from portal.roles import BUYERS

from .fixtures import load_fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(tmp_path, compliance_page):
    load_fixture(tmp_path)


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_demo_compliance_page_is_under_home_in_every_locale():
    from ims_bridge.demo import seed_page

    seed_page(None)
    assert ComplianceIndexPage.parent_page_types == ["portal.HomePage"]
    assert ComplianceIndexPage.objects.count() == Locale.objects.count()
    for page in ComplianceIndexPage.objects.all():
        assert isinstance(page.get_parent().specific, HomePage)


def test_comparison_page_suppresses_small_cells(client, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(50):
        response = client.get("/en/compliance/?indicator=point:overtime")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>" in html and 'scope="row"' in html
    assert "50.0%" in html  # Cambodia: 3 of 6
    assert "not enough factories" in html  # Vietnam: 1 factory
    assert "chart-4.6.1.umd.min.js" in html


def test_unknown_indicator_falls_back(client, data):
    assert client.get("/en/compliance/?indicator=point:nope").status_code == 200
    assert client.get("/en/compliance/comparison/csv/?indicator=nope").status_code == 404


def test_comparison_csv_is_suppressed(client, data):
    response = client.get("/en/compliance/comparison/csv/?indicator=point:overtime")
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert rows[0] == ["Country", "Factories assessed", "Non-compliance rate (%)"]
    assert ["Cambodia", "6", "50.0"] in rows
    assert ["Vietnam", "—", "not enough factories"] in rows


def test_country_report_and_csvs(client, data):
    response = client.get("/en/compliance/countries/cambodia/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Working Time" in html and "Regular Hours" in html
    clusters = rows_of(client.get("/en/compliance/countries/cambodia/clusters/csv/"))
    assert ["Working Time", "6", "66.7"] in clusters
    assert len(clusters) == 9  # header + the eight clusters
    # The balanced panel (5 factories) would give F3 away: its cycle 1 is the difference between
    # all six factories' cycle 1 and the panel's. So there is no trend (test_suppression.py
    # shows one where it is safe).
    assert "Cycle 2" not in html
    trend = rows_of(client.get("/en/compliance/countries/cambodia/trend/csv/"))
    assert trend == [["Indicator"]]
    vn = rows_of(client.get("/en/compliance/countries/vietnam/points/csv/"))
    assert all(row[-1] == "not enough factories" for row in vn[1:])
    assert client.get("/en/compliance/countries/atlantis/").status_code == 404


def test_api_aggregates_are_paged(client, data):
    """The cells come in pages like every other list; following ``next`` gives each cell
    once, and a page past the last is a 404 in the API's error shape."""
    url = "/api/v2/compliance/aggregates?level=point&country=cambodia"
    whole = client.get(url + "&page_size=100").json()
    first = client.get(url + "&page_size=1").json()
    assert first["count"] == whole["count"] == first["num_pages"] > 1
    assert first["previous"] is None and "page=2" in first["next"]
    seen, page = list(first["results"]), first
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += page["results"]
    assert seen == whole["results"]
    past = client.get(url + f"&page_size=1&page={first['num_pages'] + 1}")
    assert past.status_code == 404 and past.json()["code"] == "not_found"
    too_big = client.get(url + "&page_size=101")
    assert too_big.status_code == 400 and too_big.json()["code"] == "bad_request"


def test_country_report_in_another_language(client, data):
    response = client.get("/fr/compliance/countries/cambodia/")
    assert response.status_code == 200


def test_api_aggregates_are_suppressed(client, data):
    response = client.get("/api/v2/compliance/aggregates?level=point&country=vietnam")
    assert response.status_code == 200
    cells = response.json()["results"]
    assert cells and all(
        c["rate"] is None and c["factories_assessed"] is None and c["suppressed"] for c in cells
    )
    kh = client.get(
        "/api/v2/compliance/aggregates?level=point&country=cambodia&compliance_point=overtime"
    ).json()
    assert kh["count"] == 1 and kh["next"] is None
    assert kh["results"] == [
        {
            "window": "latest",
            "cycle": None,
            "panel": 0,
            "level": "point",
            "country": "cambodia",
            "industry": None,
            "cluster": None,
            "compliance_point": "overtime",
            "global_question_id": "",
            "factories_assessed": 6,
            "rate": 0.5,
            "suppressed": False,
        }
    ]
    bad = client.get("/api/v2/compliance/aggregates?level=nonsense")
    assert bad.status_code == 400 and "error" in bad.json()
    country = client.get("/api/v2/compliance/countries/cambodia").json()
    assert country["overall"]["percent"] == 66.7
    assert client.get("/api/v2/compliance/countries/atlantis").status_code == 404
    schema = client.get("/api/v2/openapi.json").json()
    assert "/api/v2/compliance/aggregates" in schema["paths"]
    assert "/api/v2/compliance/factories/{star_id}" in schema["paths"]


def test_transparency_only_for_publishing_programmes(client, data):
    assert client.get("/api/v2/compliance/transparency").json()["results"] == []
    PublicReporting.objects.create(
        country=Country.objects.get(slug="cambodia", locale=Locale.get_default())
    )
    Assessment.objects.filter(star_id="F1-2").update(factory_response="Overtime now capped.")
    listing = client.get("/api/v2/compliance/transparency").json()
    entries = {e["factory"]: e for e in listing["results"]}
    assert set(entries) == {f"Factory F{i}" for i in range(1, 7)} and listing["count"] == 6
    paged = client.get("/api/v2/compliance/transparency", {"page_size": 4, "page": 2}).json()
    assert [e["factory"] for e in paged["results"]] == ["Factory F5", "Factory F6"]
    assert paged["next"] is None and paged["num_pages"] == 2
    assert client.get("/api/v2/compliance/transparency", {"page": 3}).status_code == 404
    # Only the publicly reported question (Q2) is named, from the latest assessment.
    assert [i["compliance_point"] for i in entries["Factory F1"]["issues"]] == ["overtime"]
    assert entries["Factory F2"]["issues"] == []
    assert entries["Factory F1"]["response"] == "Overtime now capped."
    html = client.get("/en/compliance/transparency/").content.decode()
    assert "Overtime now capped." in html and "Factory V1" not in html


def test_home_and_country_blocks_show_provided_compliance(client, data):
    home = client.get("/en/")
    assert home.status_code == 200
    # Overtime, all countries: the published countries only (Cambodia; Vietnam is suppressed).
    assert "50.0% of 6 factories non-compliant" in home.content.decode()
    country = client.get("/en/countries/cambodia/").content.decode()
    # The country summary is a table of cluster rates (see test_blocks.py).
    row = r'<th scope="row"><a [^>]*>Working Time</a></th>\s*<td>6</td>\s*<td>66.7%'
    assert re.search(row, country)


def test_seed_demo_part_is_idempotent(compliance_page):
    from dataclasses import dataclass

    from ims_bridge import demo

    @dataclass
    class Context:
        stdout: object
        scale: int = 1
        with_accounts: bool = True

    demo.seed(Context(io.StringIO()))
    counts = (
        Factory.objects.count(),
        ImportBatch.objects.count(),
        AggregateCell.objects.count(),
        ComplianceIndexPage.objects.count(),
    )
    assert counts[0] == 48
    assert Factory.objects.values("country").distinct().count() >= 5
    demo.seed(Context(io.StringIO()))
    assert (
        Factory.objects.count(),
        ImportBatch.objects.count(),
        AggregateCell.objects.count(),
        ComplianceIndexPage.objects.count(),
    ) == counts


def test_generate_command_rejects_bad_input():
    with pytest.raises(Exception, match="Unknown country"):
        call_command("ims_generate", "-", "--countries", "atlantis")


def test_question_indicator_comparison(client, data):
    response = client.get("/en/compliance/?indicator=question:G-Q2")
    assert response.status_code == 200 and "50.0%" in response.content.decode()


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["reports", "reports and pages"])
def test_cached_reports_change_with_a_new_import(
    client, data, tmp_path, settings, page_cache_seconds, django_capture_on_commit_callbacks
):
    """With the anonymous page cache on as well, each page is read twice (the second a
    hit) before the import and the threshold change."""
    from .helpers import star_csv, star_row

    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    url = "/en/compliance/?indicator=point:overtime"
    for page in (url, "/en/compliance/countries/cambodia/", "/en/", "/en/countries/cambodia/"):
        client.get(page)
    assert "50.0%" in client.get(url).content.decode()  # Cambodia: 3 of 6
    country_page = client.get("/en/compliance/countries/cambodia/").content.decode()
    assert "50.0%" in country_page
    assert "50.0% of 6 factories" in client.get("/en/").content.decode()  # cached highlights
    summary = r"Working Time</a></th>\s*<td>6</td>"
    assert re.search(summary, client.get("/en/countries/cambodia/").content.decode())
    update = tmp_path / "update.csv"
    update.write_text(
        star_csv(
            [
                star_row(
                    "F4",
                    "F4-2",
                    date="10/02/2022",
                    cycle=2,
                    question="Q1",
                    finding="1",
                    global_id="G-Q1",
                    cat="Cambodia CAT",
                )
            ]
        ),
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ims_import", str(update), stdout=io.StringIO())
    html = client.get(url).content.decode()
    assert "66.7%" in html and "50.0%" not in html  # Cambodia: 4 of 6
    assert "66.7%" in client.get("/en/compliance/countries/cambodia/").content.decode()
    home = client.get("/en/").content.decode()
    assert "66.7% of 6 factories" in home and "50.0%" not in home
    # A stricter suppression threshold applies at once, cached reports or not.
    settings.IMS_MIN_CELL_FACTORIES = 10
    assert "66.7%" not in client.get(url).content.decode()
    country_page = client.get("/en/compliance/countries/cambodia/").content.decode()
    assert "66.7%" not in country_page and "not enough factories" in country_page
    portal_page = client.get("/en/countries/cambodia/").content.decode()
    assert not re.search(summary, portal_page) and "not enough factories" in portal_page
    assert "% of 6 factories" not in client.get("/en/").content.decode()


def _report_part(html):
    """The page between the header and the footer: what the report fragments cache."""
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize(
    ("url", "rate"),
    [
        ("/en/compliance/?indicator=point:overtime", "50.0%"),
        ("/fr/compliance/countries/cambodia/", "66,7\u202f%"),
    ],
)
def test_cached_report_fragments_hold_nothing_of_the_user(
    client, data, make_user, url, rate, django_assert_max_num_queries
):
    """The report part of a public page is cached for everyone; the header around it (the
    admin's userbar here) stays per request, whoever filled the cache."""
    admin = make_user("admin", is_superuser=True, is_staff=True)
    buyer = make_user("buyer", [BUYERS])
    client.force_login(admin)
    as_admin = client.get(url).content.decode()
    assert "wagtail-userbar" in as_admin
    client.logout()
    with django_assert_max_num_queries(15):  # the report part comes from the cache
        anonymous = client.get(url).content.decode()
    assert "wagtail-userbar" not in anonymous and rate in anonymous
    client.force_login(buyer)
    as_buyer = client.get(url).content.decode()
    assert "wagtail-userbar" not in as_buyer
    assert _report_part(as_admin) == _report_part(anonymous) == _report_part(as_buyer)


def test_a_preview_neither_uses_nor_fills_the_fragment_cache(client, data):
    page = ComplianceIndexPage.objects.get(locale=Locale.get_default())
    page.title = "Draft title nobody may see yet"
    for _ in range(2):  # before and after the public page fills the cache
        preview = page.make_preview_request().render().content.decode()
        assert "Draft title nobody may see yet" in preview
        assert "Draft title" not in client.get("/en/compliance/").content.decode()


def test_download_names_cannot_break_the_header():
    from ims_bridge.reports import attachment

    assert attachment('factory-A"1\r\nX: y.pdf') == 'attachment; filename="factory-A_1_X_y.pdf"'
    assert attachment("factory-ខ្មែរ.csv") == 'attachment; filename="factory-_.csv"'
    assert attachment("...") == 'attachment; filename="download"'


def test_tables_scroll_inside_a_focusable_labelled_region(client, data):
    from bs4 import BeautifulSoup

    for url in ["/en/compliance/", "/fr/compliance/countries/cambodia/"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        tables = soup.select("main table")
        assert tables, url
        for table in tables:
            region = table.parent
            assert "table-scroll" in region.get("class", []), (url, table.caption)
            assert region["tabindex"] == "0" and region["role"] == "region"
            assert region["aria-label"] == table.caption.get_text(strip=True)
        # The chart script and its styles are on these pages (and only on pages with charts).
        assert soup.select_one('script[src*="chart-4"]') and soup.select_one(
            'link[href*="ims_bridge/compliance"]'
        )
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert soup.select_one('script[src*="chart-4"]') is None


def test_compliance_pages_have_alternates_that_keep_their_sub_route(client, data):
    for path in ["/en/compliance/", "/fr/compliance/countries/cambodia/"]:
        html = client.get(path).content.decode()
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        )
        assert set(alternates) == {"en", "fr", "x-default"}, path
        tail = path.removeprefix("/fr/").removeprefix("/en/")
        assert alternates["en"] == f"http://localhost/en/{tail}"
        assert alternates["fr"] == f"http://localhost/fr/{tail}"
        for url in alternates.values():
            assert client.get(url.removeprefix("http://localhost")).status_code == 200
