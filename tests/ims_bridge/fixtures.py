"""The hand-checked fixture for the rate tests (see test_aggregates.py for the sums)."""

import io

from django.core.management import call_command

from .helpers import star_csv, star_row

# factory -> cycle -> {question: finding}; Q1, Q2 on Overtime, Q3 on Regular Hours (both in
# Working Time); F* are FGW questions whose text must never count.
CAMBODIA = {
    "F1": {1: {"Q1": 1, "Q2": 1, "Q3": 0}, 2: {"Q1": 1, "Q2": 1, "Q3": 0}},
    "F2": {1: {"Q1": 1, "Q2": 0, "Q3": 0}, 2: {"Q1": 0, "Q2": 0, "Q3": 1}},
    "F3": {1: {"Q1": 0, "Q2": 1, "Q3": 0}},
    "F4": {1: {"Q1": 0, "Q2": 0, "Q3": 0}, 2: {"Q1": 0, "Q2": 0, "Q3": 0}},
    "F5": {1: {"Q1": 1, "Q2": 0, "Q3": 0}, 2: {"Q1": 0, "Q2": 0, "Q3": 0, "FGW1": "1"}},
    "F6": {1: {"Q1": 0, "Q2": 0, "Q3": 1}, 2: {"Q1": 0, "Q2": 1, "FGW2": "1"}},
}
VIETNAM = {"V1": {1: {"Q1": 1, "Q2": 0, "Q3": 0}}}
POINTS = {
    "Q1": "Overtime",
    "Q2": "Overtime",
    "Q3": "Regular Hours",
    "FGW1": "Overtime",
    "FGW2": "Regular Hours",
}


def fixture_rows():
    rows = []
    for country, factories in (("Cambodia", CAMBODIA), ("Vietnam", VIETNAM)):
        for factory, cycles in factories.items():
            for cycle, answers in cycles.items():
                for question, value in answers.items():
                    rows.append(
                        star_row(
                            factory,
                            f"{factory}-{cycle}",
                            country=country,
                            date=f"10/0{cycle}/202{cycle}",
                            cycle=cycle,
                            question=question,
                            qtype="FGW" if question.startswith("FGW") else "NCQ",
                            finding=str(value),
                            cp=POINTS[question],
                            global_id=f"G-{question}",
                            tags="Public Disclosure" if question == "Q2" else "",
                            cat=f"{country} CAT",
                            industry="Apparel" if factory != "F6" else "Footwear",
                        )
                    )
    return rows


def load_fixture(tmp_path):
    path = tmp_path / "fixture.csv"
    path.write_text(star_csv(fixture_rows()), encoding="utf-8")
    call_command("ims_import", str(path), stdout=io.StringIO())
