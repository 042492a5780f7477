import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from ims_bridge.importing.rows import RowByRow
from ims_bridge.importing.sets import StarCsvLoad
from ims_bridge.importing.upserts import Writer
from ims_bridge.models import (
    Assessment,
    BatchStatus,
    Factory,
    FactoryStatus,
    Finding,
    ImportBatch,
    ImprovementPlanItem,
    Question,
    RawRows,
)

from .helpers import HEADER, star_csv, star_row, write

pytestmark = pytest.mark.django_db


def run(path, *args):
    out = io.StringIO()
    call_command("ims_import", str(path), *args, stdout=out)
    return out.getvalue()


def raw_rows():
    return {row.line: row for row in RawRows.objects.rows()}


def raw_count():
    return sum(RawRows.objects.values_list("row_count", flat=True))


def counts():
    return (
        Factory.objects.count(),
        Assessment.objects.count(),
        Question.objects.count(),
        Finding.objects.count(),
        ImprovementPlanItem.objects.count(),
    )


def test_imports_a_star_export_and_keeps_every_raw_row(tmp_path):
    rows = [
        star_row("KH-1", "A1", question="Q1", finding="1"),
        star_row("KH-1", "A1", question="Q2", finding="0", tags="Public Disclosure; Wages"),
        star_row("KH-1", "A1", question="F1", qtype="FGW", finding="37 workers"),
        star_row("KH-2", "A2", name="Old Mill (Obsolete)", question="Q1", finding="0"),
    ]
    output = run(write(tmp_path, star_csv(rows)))
    assert "4 imported, 0 rejected" in output
    assert "Import complete" in output
    assert counts() == (2, 2, 3, 4, 0)
    old = Factory.objects.get(star_id="KH-2")
    assert old.name == "Old Mill" and old.status == FactoryStatus.OBSOLETE
    assert old.country.slug == "cambodia" and old.country.locale.language_code == "en"
    assert old.industry.slug == "apparel"
    q2 = Question.objects.get(star_id="Q2")
    assert q2.public_disclosure and q2.compliance_point.slug == "overtime"
    assert not Question.objects.get(star_id="Q1").public_disclosure
    fgw = Finding.objects.get(question__star_id="F1")
    assert fgw.value is None and fgw.text == "37 workers"
    assessment = Assessment.objects.get(star_id="A1")
    assert assessment.start_date.isoformat() == "2022-03-15"
    assert assessment.cat_version.name == "KH Garment CAT"
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.DONE
    assert [row.line for row in batch.raw_rows.rows()] == [2, 3, 4, 5]
    kept = raw_rows()
    assert kept[5].factory_id == old.pk
    assert kept[2].data["Quest.ID"] == "A1"
    assert kept[4].data["Finding"] == "37 workers" and kept[4].accepted


def test_same_file_twice_changes_nothing(tmp_path):
    path = write(
        tmp_path, star_csv([star_row(question=f"Q{i}", finding=str(i % 2)) for i in range(20)])
    )
    run(path)
    before = counts(), raw_count()
    output = run(path)
    assert "Skipped" in output
    assert (counts(), raw_count()) == before
    # Forced re-import writes a new batch of raw rows but changes no data.
    finding_ids = list(Finding.objects.order_by("pk").values_list("pk", "value"))
    versions = _finding_row_versions()
    run(path, "--force")
    assert counts() == before[0]
    assert list(Finding.objects.order_by("pk").values_list("pk", "value")) == finding_ids
    assert _finding_row_versions() == versions  # not even rewritten with the same values


def _finding_row_versions():
    """On PostgreSQL, each finding's physical row (``ctid``), which any update or re-insert
    moves; None elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT assessment_id, question_id, ctid::text FROM ims_bridge_finding ORDER BY 1, 2"
        )
        return cursor.fetchall()


def test_a_later_export_updates_changed_findings(tmp_path):
    run(write(tmp_path, star_csv([star_row(finding="1")]), "a.csv"))
    run(write(tmp_path, star_csv([star_row(finding="0")]), "b.csv"))
    assert Finding.objects.get().value == 0


def ten_factories():
    return star_csv([star_row(f"KH-{i}", f"B{i}", question=f"Q{i}") for i in range(10)])


def test_failure_mid_batch_leaves_the_database_as_before(tmp_path, monkeypatch):
    run(write(tmp_path, star_csv([star_row("KH-9", "A9")]), "first.csv"))
    before = counts(), raw_count()
    original = Writer.write_findings
    calls = []

    def failing(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return original(self, *args)

    monkeypatch.setattr(Writer, "write_findings", failing)
    path = write(tmp_path, ten_factories(), "second.csv")
    with pytest.raises(CommandError, match="nothing from this batch was kept: disk on fire"):
        run(path, "--chunk-size", "3", "--row-by-row")
    assert len(calls) == 2  # the first chunk was written, then rolled back
    assert (counts(), raw_count()) == before
    failed = ImportBatch.objects.get(source=str(path))
    assert failed.status == BatchStatus.FAILED and "disk on fire" in failed.message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
def test_failure_in_the_set_by_set_path_leaves_the_database_as_before(tmp_path, monkeypatch):
    run(write(tmp_path, star_csv([star_row("KH-9", "A9")]), "first.csv"))
    before = counts(), raw_count()
    written = []

    def failing(self, batch_pk, chunk):
        written.append(Finding.objects.count())
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(StarCsvLoad, "keep_raw_rows", failing)
    path = write(tmp_path, ten_factories(), "second.csv")
    with pytest.raises(CommandError, match="nothing from this batch was kept: disk on fire"):
        run(path)
    assert written == [11]  # the findings were written, then rolled back
    assert (counts(), raw_count()) == before


def test_legacy_cluster_and_point_aliases(tmp_path):
    rows = [
        star_row(question="S1", cp="OSH Management Systems", cluster="Systems"),
        star_row(question="H1", cp="Hazardous Work", cluster="Child Labour"),
        star_row(question="U1", cp="Unconditional Worst Forms", cluster="Child Labour"),
    ]
    assert "3 imported" in run(write(tmp_path, star_csv(rows)))
    slugs = set(Question.objects.values_list("compliance_point__slug", flat=True))
    assert slugs == {"osh-management-systems", "hazardous-work-and-other-worst-forms"}


def test_rejected_rows_are_reported_with_line_column_and_reason(tmp_path):
    rows = [
        star_row(question="Q1"),
        star_row(question="Q2", date="2022-03-15"),
        star_row(question="Q3", date="31/02/2022"),
        star_row(question="Q4", cp="Making Tea"),
        star_row(question="Q5", finding="2"),
        star_row(question="Q6", country="Atlantis"),
        star_row(question="Q7", qtype="XYZ"),
        star_row(question="Q8", cp="Overtime", cluster="Compensation"),
        star_row(question="Q9", cycle="first"),
        star_row(question="Q10")[:5],
    ]
    output = run(write(tmp_path, star_csv(rows)))
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.DONE_WITH_ERRORS
    assert (batch.rows_read, batch.rows_imported, batch.rows_rejected) == (10, 1, 9)
    by_line = {e["line"]: e for e in batch.errors}
    assert by_line[3]["column"] == "Assesment.Start.Date" and "dd/mm/yyyy" in by_line[3]["reason"]
    assert by_line[4]["column"] == "Assesment.Start.Date"
    assert by_line[5] == {
        "line": 5,
        "column": "CP",
        "reason": "unknown compliance point 'Making Tea'",
    }
    assert by_line[6]["column"] == "Finding" and "'2' is not 0 or 1" in by_line[6]["reason"]
    assert by_line[7]["column"] == "Country"
    assert by_line[8]["column"] == "Question.type"
    assert by_line[9]["column"] == "Cluster" and "belongs to 'Working Time'" in by_line[9]["reason"]
    assert by_line[10]["column"] == "Cycle"
    assert "fields where the header has" in by_line[11]["reason"]
    assert "line 6, column Finding: '2' is not 0 or 1 (NCQ)" in output
    assert Finding.objects.count() == 1
    assert sorted(line for line, row in raw_rows().items() if not row.accepted) == list(
        range(3, 12)
    )


def test_wrong_columns_fail_clearly(tmp_path):
    header = [("Assessment.Start.Date" if c == "Assesment.Start.Date" else c) for c in HEADER]
    with pytest.raises(CommandError, match="missing column.*Assesment.Start.Date.*STAR spells"):
        run(write(tmp_path, star_csv([star_row()], header=header)))
    assert counts() == (0, 0, 0, 0, 0)
    assert ImportBatch.objects.get().status == BatchStatus.FAILED


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (",".join(HEADER).encode() + b"\n", "no rows"),
    ],
)
def test_empty_files(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        run(write(tmp_path, content))


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nope.csv")


def test_non_utf8_rows_are_rejected_one_by_one(tmp_path):
    good = star_csv([star_row(question="Q1"), star_row(question="Q2", name="Café Nam")])
    lines = good.encode("utf-8").splitlines(keepends=True)
    lines[2] = lines[2].decode("utf-8").encode("latin-1")  # a Windows-1252 row
    run(write(tmp_path, b"".join(lines)))
    batch = ImportBatch.objects.get()
    assert batch.rows_imported == 1
    assert batch.errors[0]["line"] == 3 and "UTF-8" in batch.errors[0]["reason"]


def test_utf8_bom_and_windows_line_endings(tmp_path):
    text = star_csv([star_row(question="Q1"), star_row(question="Q2")]).replace("\r\n", "\n")
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    assert "2 imported" in run(write(tmp_path, data))


def test_huge_file_is_streamed_and_runaway_lines_rejected(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(star_csv([star_row(question="Q1")]).encode())
        chunk = b"x" * (1 << 20)
        for _ in range(50):  # one 50 MB line
            out.write(chunk)
        out.write(b"\n")
        out.write(star_csv([star_row(question="Q2")]).encode().split(b"\n", 1)[1])
    assert path.stat().st_size > 50 * 1024 * 1024
    output = run(path)
    batch = ImportBatch.objects.get()
    assert batch.rows_imported == 2 and batch.rows_rejected == 1
    assert "longer than" in batch.errors[0]["reason"]
    assert "100%" in output


def test_json_lines_form(tmp_path):
    lines = [
        {"format": "ims-bridge", "version": 1},
        {
            "kind": "finding",
            "country": "KH",
            "factory_id": "KH-7",
            "factory_name": "Seven",
            "assessment_id": "J1",
            "start_date": "2023-05-02",
            "cycle": 2,
            "question_id": "Q1",
            "label": "Overtime is voluntary",
            "type": "NCQ",
            "finding": 1,
            "cp": "Overtime",
            "cluster": "Working Time",
            "tags": "",
            "cat_version": "KH CAT V2",
            "global_id": "G-OT-1",
            "os_id": "KH2024000007",
            "workers": 1200,
        },
        {
            "kind": "plan_item",
            "factory_id": "KH-7",
            "assessment_id": "J1",
            "cp": "Overtime",
            "action": "Cap overtime at 2h",
            "status": "In Progress",
            "due_date": "2023-09-30",
        },
        {"kind": "finding", "country": "KH"},
        "not an object",
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n{broken\n"
    run(write(tmp_path, text, "export.jsonl"))
    factory = Factory.objects.get(star_id="KH-7")
    assert (factory.os_id, factory.workers) == ("KH2024000007", 1200)
    assert Assessment.objects.get().start_date.isoformat() == "2023-05-02"
    item = ImprovementPlanItem.objects.get()
    assert item.status == "in_progress" and item.due_date.isoformat() == "2023-09-30"
    batch = ImportBatch.objects.get()
    assert [e["line"] for e in batch.errors] == [4, 5, 6]
    assert "missing field" in batch.errors[0]["reason"]


def test_json_lines_version_is_checked(tmp_path):
    text = json.dumps({"format": "ims-bridge", "version": 99}) + "\n"
    with pytest.raises(CommandError, match="Unsupported ims-bridge version 99"):
        run(write(tmp_path, text, "export.jsonl"))


def test_improvement_plan_export(tmp_path):
    run(write(tmp_path, star_csv([star_row("KH-1", "A1")]), "findings.csv"))
    plans = (
        "Factory.Assessed.ID,Quest.ID,CP,Action,Status,Due.Date\n"
        "KH-1,A1,Overtime,Cap overtime,Pending,30/06/2022\n"
        "KH-1,A1,Overtime,Post notices,Done,30/06/2022\n"
        "KH-1,ZZ,Overtime,Cap overtime,Pending,30/06/2022\n"
        "KH-2,A1,Overtime,Cap overtime,Pending,30/06/2022\n"
    )
    run(write(tmp_path, plans, "plans.csv"))
    assert ImprovementPlanItem.objects.get().action == "Cap overtime"
    batch = ImportBatch.objects.order_by("pk").last()
    assert [(e["line"], e["column"]) for e in batch.errors] == [
        (3, "Status"),
        (4, "Quest.ID"),
        (5, "Factory.Assessed.ID"),
    ]


def test_an_assessment_cannot_move_to_another_factory(tmp_path):
    rows = [star_row("KH-1", "A1", question="Q1"), star_row("KH-2", "A1", question="Q2")]
    run(write(tmp_path, star_csv(rows)))
    batch = ImportBatch.objects.get()
    assert batch.errors == [
        {"line": 3, "column": "Quest.ID", "reason": "assessment 'A1' belongs to another factory"}
    ]


def test_generated_export_imports_cleanly(tmp_path):
    path = tmp_path / "gen.csv"
    call_command(
        "ims_generate",
        str(path),
        "--factories",
        "6",
        "--cycles",
        "2",
        "--questions",
        "40",
        "--countries",
        "cambodia,vietnam",
        stderr=io.StringIO(),
    )
    output = run(path)
    batch = ImportBatch.objects.get()
    assert batch.rows_rejected == 0, output
    assert Factory.objects.count() == 6
    assert Finding.objects.count() == batch.rows_imported


def test_duplicate_rows_across_chunks_do_not_break_the_batch(tmp_path):
    rows = [star_row(question=f"Q{i}") for i in range(4)] + [star_row(question="Q0", finding="1")]
    run(write(tmp_path, star_csv(rows)), "--chunk-size", "2")
    assert Finding.objects.count() == 4
    assert Finding.objects.get(question__star_id="Q0").value == 1  # the later row wins


def snapshot():
    """Everything an import writes, in a form two imports can be compared by."""
    batch = ImportBatch.objects.order_by("pk").last()
    return {
        "factories": sorted(
            Factory.objects.values_list(
                "star_id", "name", "status", "country__slug", "industry__slug", "workers", "os_id"
            )
        ),
        "assessments": sorted(
            Assessment.objects.values_list(
                "star_id", "factory__star_id", "cycle", "start_date", "cat_version__name"
            )
        ),
        "questions": sorted(
            Question.objects.values_list(
                "cat_version__name",
                "star_id",
                "type",
                "compliance_point__slug",
                "public_disclosure",
                "global_id",
                "label",
                "tags",
            )
        ),
        "findings": sorted(
            Finding.objects.values_list("assessment__star_id", "question__star_id", "value", "text")
        ),
        "batch": (batch.status, batch.rows_read, batch.rows_imported, batch.rows_rejected),
        "errors": sorted(batch.errors, key=lambda e: e["line"]),
        "raw": [
            (
                row.line,
                row.accepted,
                row.data,
                row.factory_id and Factory.objects.get(pk=row.factory_id).star_id,
            )
            for row in batch.raw_rows.rows()
        ],
    }


MIXED_ROWS = [
    star_row("KH-1", "A1", question="Q1", finding=" 1 "),
    star_row("KH-1", "A1", question="Q2", tags="Public Disclosure; Wages", finding="0"),
    star_row("KH-1", "A1", question="F1", qtype="FGW", finding="\u00a0 37 workers, 2 shifts "),
    star_row("KH-1", "A1", question="Q3", date="31/02/2022"),
    star_row("KH-1", "A1", question="Q4", cp="Making Tea"),
    star_row("KH-1", "A1", question="Q5", finding="2"),
    star_row("KH-2", "A2", country="Atlantis"),
    star_row("KH-1", "A1", question="Q7", qtype="XYZ"),
    star_row("KH-1", "A1", question="Q8", cp="Overtime", cluster="Compensation"),
    star_row("KH-3", "A3", cycle="first"),
    star_row("KH-1", "A1", question="Q1", finding="0"),  # same chunk as line 2: a duplicate
    star_row("KH-4", "A1", question="Q9"),  # A1 is KH-1's
    star_row(" KH-5 ", "A5", name="Nhà máy Sài Gòn (obsolete)", question="Q1"),
    star_row("KH-5", "A5", question="Q2", finding="1"),
    star_row("KH-1", "A1", question="Q2", finding="1"),  # a later chunk: this value wins
    star_row("KH-6", "A6", country=" cambodia ", industry="Knitting Tea"),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
@pytest.mark.parametrize("chunk", ["3", "5000"])
def test_set_by_set_and_row_by_row_give_the_same_result(tmp_path, monkeypatch, chunk):
    path = write(tmp_path, star_csv(MIXED_ROWS))
    run(path, "--chunk-size", chunk, "--row-by-row")
    by_rows = snapshot()
    assert by_rows["batch"][3] >= 8 and by_rows["findings"]
    for model in (ImportBatch, Finding, Assessment, Question, Factory):
        model.objects.all().delete()
    rows_read = []
    monkeypatch.setattr(RowByRow, "write_chunk", lambda self, chunk, header: rows_read.append(1))
    run(path, "--chunk-size", chunk)
    assert rows_read == []  # the set-by-set path took it
    assert snapshot() == by_rows
    # Twice: nothing changes.
    run(path, "--chunk-size", chunk, "--force")
    again = snapshot()
    assert again["findings"] == by_rows["findings"] and again["errors"] == by_rows["errors"]


# Each assessment's rows together, as STAR exports them (the raw rows are cut by part).
BLOCK_ROWS = [
    star_row("KH-1", "A1", question="Q1", finding="1"),
    star_row("KH-1", "A1", question="Q2", tags="Public Disclosure"),
    star_row("KH-1", "A1", question="Q3", finding="7"),
    star_row("KH-1", "A2", question="Q1", cycle=2, date="16/03/2023"),
    star_row("KH-1", "A2", question="Q2", cycle=2, date="16/03/2023", label="a \\ \t tab"),
    star_row("KH-2", "A3", question="Q1", name='Mill, "North"'),
    star_row("KH-2", "A3", question="Q2", name='Mill, "North"', cp="Making Tea"),
    star_row("", "A4", question="Q1"),
    star_row("KH-3", "A1", question="Q1"),  # A1 is KH-1's
    star_row("KH-3", "A5", question="Q1", finding="0"),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
@pytest.mark.parametrize("line_end", ["\r\n", "\n"])
@pytest.mark.parametrize("chunk", ["2", "5000"])
def test_set_by_set_and_row_by_row_agree_on_an_export_in_blocks(
    tmp_path, monkeypatch, chunk, line_end
):
    path = write(tmp_path, star_csv(BLOCK_ROWS).replace("\r\n", line_end))
    run(path, "--chunk-size", chunk, "--row-by-row")
    by_rows = snapshot()
    assert by_rows["batch"][3] == 4 and len(by_rows["raw"]) == len(BLOCK_ROWS)
    for model in (ImportBatch, Finding, Assessment, Question, Factory):
        model.objects.all().delete()
    monkeypatch.setattr(RowByRow, "write_chunk", lambda *args: pytest.fail("read row by row"))
    run(path, "--chunk-size", chunk)
    assert snapshot() == by_rows


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
def test_parts_whose_hashes_collide_are_read_row_by_row(tmp_path, monkeypatch):
    path = write(tmp_path, star_csv(BLOCK_ROWS))
    run(path, "--row-by-row")
    by_rows = snapshot()
    for model in (ImportBatch, Finding, Assessment, Question, Factory):
        model.objects.all().delete()
    monkeypatch.setattr(StarCsvLoad, "_hash", lambda self, keys: "0")  # every part collides
    written = []
    original = RowByRow.write_chunk
    monkeypatch.setattr(
        RowByRow,
        "write_chunk",
        lambda self, chunk, header: written.append(len(chunk)) or original(self, chunk, header),
    )
    run(path)
    assert written == [len(BLOCK_ROWS)]
    assert snapshot() == by_rows


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-by-set path is PostgreSQL's")
@pytest.mark.parametrize("label", ["two\nlines", "carriage\rreturn"])
def test_a_file_the_set_by_set_path_cannot_read_is_read_row_by_row(tmp_path, monkeypatch, label):
    text = star_csv([star_row(question="Q1", label=label), star_row(question="Q2")])
    written = []
    original = RowByRow.write_chunk

    def spy(self, chunk, header):
        written.append(len(chunk))
        return original(self, chunk, header)

    monkeypatch.setattr(RowByRow, "write_chunk", spy)
    assert "2 imported" in run(write(tmp_path, text))
    assert written == [2]
    assert Question.objects.get(star_id="Q1").label == label
    lines = [2, 4] if "\n" in label else [2, 3]  # a carriage return alone ends no line
    assert [row.line for row in ImportBatch.objects.get().raw_rows.rows()] == lines


def test_deleting_an_assessment_question_or_factory_deletes_its_findings(tmp_path):
    # Finding has no database foreign keys (they doubled the import's cost): Django cascades.
    rows = [
        star_row("KH-1", "A1", question="Q1"),
        star_row("KH-1", "A1", question="Q2"),
        star_row("KH-2", "A2", question="Q1"),
        star_row("KH-3", "A3", question="Q2"),
    ]
    run(write(tmp_path, star_csv(rows)))
    Question.objects.filter(star_id="Q1").delete()
    assert sorted(Finding.objects.values_list("assessment__star_id", flat=True)) == ["A1", "A3"]
    Assessment.objects.filter(star_id="A1").delete()
    assert list(Finding.objects.values_list("assessment__star_id", flat=True)) == ["A3"]
    Factory.objects.filter(star_id="KH-3").delete()
    assert not Finding.objects.exists()
