"""Small builders for STAR exports used across the IMS bridge tests."""

import csv
import io

from ims_bridge.readers import STAR_COLUMNS

HEADER = list(STAR_COLUMNS) + ["Global.Question.ID", "Industry"]


def star_row(
    factory="KH-1",
    quest="A1",
    *,
    country="Cambodia",
    name=None,
    date="15/03/2022",
    cycle=1,
    question="Q1",
    qtype="NCQ",
    finding="0",
    cp="Overtime",
    cluster="Working Time",
    tags="",
    cat="KH Garment CAT",
    global_id=None,
    industry="Apparel",
    label=None,
):
    return [
        country,
        factory,
        name or f"Factory {factory}",
        quest,
        date,
        str(cycle),
        question,
        label or f"Question {question}",
        qtype,
        finding,
        cp,
        cluster,
        tags,
        cat,
        global_id or f"G-{question}",
        industry,
    ]


def star_csv(rows, header=None):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    return out.getvalue()


def write(tmp_path, text, name="export.csv", encoding="utf-8"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode(encoding))
    return path


def api_cells(client, params):
    """Every cell ``/api/v2/compliance/aggregates`` answers for ``params``, following ``next``
    through the pages."""
    response = client.get("/api/v2/compliance/aggregates", {**params, "page_size": 100})
    assert response.status_code == 200, response.content
    cells = response.json()["results"]
    while response.json()["next"]:
        response = client.get(response.json()["next"])
        assert response.status_code == 200, response.content
        cells += response.json()["results"]
    return cells
