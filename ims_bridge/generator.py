"""A synthetic STAR export: N factories × cycles × ~250 questions, in STAR's CSV shape, with
plausible per-country rates that improve over cycles. For demos, tests and benchmarks."""

import csv
import random
from datetime import date, timedelta

from .readers import PLAN_COLUMNS, STAR_COLUMNS, STAR_OPTIONAL

# slug, STAR country name, ISO, base non-compliance level (0..1), industries
COUNTRY_PROFILES = {
    "bangladesh": ("Bangladesh", "BD", 0.30, ["Apparel"]),
    "cambodia": ("Cambodia", "KH", 0.22, ["Apparel", "Footwear", "Travel goods"]),
    "indonesia": ("Indonesia", "ID", 0.26, ["Apparel", "Footwear"]),
    "jordan": ("Jordan", "JO", 0.18, ["Apparel"]),
    "vietnam": ("Vietnam", "VN", 0.24, ["Apparel", "Footwear", "Travel goods"]),
    "haiti": ("Haiti", "HT", 0.28, ["Apparel"]),
    "egypt": ("Egypt", "EG", 0.20, ["Apparel"]),
    "ethiopia": ("Ethiopia", "ET", 0.27, ["Apparel"]),
    "nicaragua": ("Nicaragua", "NI", 0.15, ["Apparel"]),
    "pakistan": ("Pakistan", "PK", 0.29, ["Apparel"]),
}
DEFAULT_COUNTRIES = ["bangladesh", "cambodia", "indonesia", "jordan", "vietnam"]

# compliance point -> (cluster, how often it is breached relative to the country level)
CAT_POINTS = [
    ("Child Labourers", "Child Labour", 0.05),
    ("Hazardous Work and other Worst Forms", "Child Labour", 0.05),
    ("Documentation and Protection of Young Workers", "Child Labour", 0.2),
    ("Gender", "Discrimination", 0.6),
    ("Race and Origin", "Discrimination", 0.1),
    ("Religion and Political Opinion", "Discrimination", 0.05),
    ("Other Grounds", "Discrimination", 0.3),
    ("Coercion", "Forced Labour", 0.1),
    ("Forced Labour and Overtime", "Forced Labour", 0.2),
    ("Bonded Labour", "Forced Labour", 0.05),
    ("Prison Labour", "Forced Labour", 0.02),
    ("Freedom to Associate", "Freedom of Association and Collective Bargaining", 0.5),
    ("Interference and Discrimination", "Freedom of Association and Collective Bargaining", 0.4),
    ("Collective Bargaining", "Freedom of Association and Collective Bargaining", 0.4),
    ("Strikes", "Freedom of Association and Collective Bargaining", 0.1),
    ("Union Operations", "Freedom of Association and Collective Bargaining", 0.3),
    ("Minimum Wages/Piece Rate Wages", "Compensation", 1.0),
    ("Overtime Wages", "Compensation", 1.6),
    ("Method of Payment", "Compensation", 0.6),
    ("Paid Leave", "Compensation", 1.4),
    ("Social Security and Other Benefits", "Compensation", 1.8),
    ("Wage Information, Use and Deduction", "Compensation", 1.2),
    ("Premium Pay", "Compensation", 0.8),
    ("Employment Contracts", "Contracts and Human Resources", 1.5),
    ("Contracting Procedures", "Contracts and Human Resources", 1.0),
    ("Dialogue, Discipline and Disputes", "Contracts and Human Resources", 1.1),
    ("Termination", "Contracts and Human Resources", 0.9),
    ("OSH Management Systems", "Occupational Safety and Health", 2.6),
    ("Chemicals and Hazardous Substances", "Occupational Safety and Health", 2.8),
    ("Emergency Preparedness", "Occupational Safety and Health", 3.0),
    ("Welfare Facilities", "Occupational Safety and Health", 2.0),
    ("Worker Protection", "Occupational Safety and Health", 2.9),
    ("Health Services and First Aid", "Occupational Safety and Health", 2.2),
    ("Working Environment", "Occupational Safety and Health", 2.4),
    ("Worker Accommodation", "Occupational Safety and Health", 0.6),
    ("Regular Hours", "Working Time", 0.8),
    ("Overtime", "Working Time", 2.4),
    ("Leave", "Working Time", 1.0),
]
NAME_PARTS = (
    [
        "Golden",
        "Sun",
        "River",
        "Lotus",
        "Star",
        "Green",
        "Pacific",
        "Royal",
        "Silver",
        "Delta",
        "Orchid",
        "Summit",
    ],
    [
        "Garments",
        "Apparel",
        "Textiles",
        "Fashion",
        "Knitwear",
        "Manufacturing",
        "Footwear",
        "Industries",
    ],
)
PLAN_ACTIONS = [
    "Train supervisors",
    "Update written policy",
    "Repair equipment",
    "Pay arrears to workers",
    "Set up a committee",
    "Post notices",
]
FIELDNAMES = list(STAR_COLUMNS) + list(STAR_OPTIONAL)


def _questions(iso, count, rng):
    """A country CAT: ~count questions spread over the points, ~10% FGW, ~26 public."""
    weights = [1 + factor for _p, _c, factor in CAT_POINTS]
    total = sum(weights)
    questions = []
    number = 0
    for (point, cluster, factor), weight in zip(CAT_POINTS, weights, strict=True):
        n = max(1, round(count * weight / total))
        for k in range(1, n + 1):
            number += 1
            global_id = f"G.{CAT_POINTS.index((point, cluster, factor)) + 1:02d}.{k:02d}"
            qtype = "FGW" if k == n and n > 2 else "NCQ"
            questions.append(
                {
                    "id": f"{iso}.{number:03d}",
                    "global_id": global_id,
                    "point": point,
                    "cluster": cluster,
                    "type": qtype,
                    "factor": factor / n * 1.5,
                    "label": f"{point}: requirement {k} ({'facts' if qtype == 'FGW' else 'check'})",
                }
            )
    ncq = [q for q in questions if q["type"] == "NCQ"]
    for question in rng.sample(ncq, min(26, len(ncq))):
        question["public"] = True
    return questions


def generate(
    out, *, factories=50, cycles=3, questions=250, countries=None, seed=1, start_year=2019
):
    """Write a STAR export CSV to the text stream `out`; returns the number of rows."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    countries = countries or DEFAULT_COUNTRIES
    writer = csv.writer(out)
    writer.writerow(FIELDNAMES)
    rows = 0
    per_country = max(1, factories // len(countries))
    for index, slug in enumerate(countries):
        name, iso, level, industries = COUNTRY_PROFILES[slug]
        cat = _questions(iso, questions, rng)
        count = per_country if index < len(countries) - 1 else factories - per_country * index
        for n in range(1, count + 1):
            factory_id = f"{iso}-{n:05d}"
            fname = f"{rng.choice(NAME_PARTS[0])} {rng.choice(NAME_PARTS[1])} {iso}{n}"
            reached = cycles if rng.random() < 0.7 else rng.randint(1, cycles)
            if reached < cycles and rng.random() < 0.5:
                fname += " (Obsolete)"
            propensity = rng.uniform(0.5, 1.5)
            industry = rng.choice(industries)
            workers = rng.randint(150, 6000)
            for cycle in range(1, reached + 1):
                started = date(start_year + cycle - 1, 1, 1) + timedelta(days=rng.randint(0, 330))
                quest = f"Q-{factory_id}-{cycle}"
                version = "Garment CAT" if cycle < 3 else "Garment CAT V2"
                improvement = 0.85 ** (cycle - 1)
                for q in cat:
                    if q["type"] == "NCQ":
                        p = min(0.95, level * q["factor"] * propensity * improvement * 0.6)
                        finding = "1" if rng.random() < p else "0"
                    else:
                        finding = str(rng.randint(0, 40))
                    tags = "Public Disclosure" if q.get("public") else ""
                    writer.writerow(
                        [
                            name,
                            factory_id,
                            fname,
                            quest,
                            started.strftime("%d/%m/%Y"),
                            cycle,
                            q["id"],
                            q["label"],
                            q["type"],
                            finding,
                            q["point"],
                            q["cluster"],
                            tags,
                            f"{iso} {version}",
                            q["global_id"],
                            industry,
                            workers,
                            f"{iso}2024{n:07d}",
                        ]
                    )
                    rows += 1
    return rows


def generate_plans(out, findings_path, *, per_assessment=3, seed=1):
    """An improvement-plan export for the non-compliant points of a generated export."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    writer = csv.writer(out)
    writer.writerow(list(PLAN_COLUMNS))
    seen, per = set(), {}
    rows = 0
    with open(findings_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["Quest.ID"], row["CP"])
            if row["Finding"] != "1" or row["Question.type"] != "NCQ" or key in seen:
                continue
            seen.add(key)
            per[key[0]] = per.get(key[0], 0) + 1
            if per[key[0]] > per_assessment:
                continue
            started = date(*reversed([int(p) for p in row["Assesment.Start.Date"].split("/")]))
            due = started + timedelta(days=rng.randint(30, 200))
            writer.writerow(
                [
                    row["Factory.Assessed.ID"],
                    row["Quest.ID"],
                    row["CP"],
                    rng.choice(PLAN_ACTIONS),
                    rng.choice(["Pending", "In Progress", "Completed"]),
                    due.strftime("%d/%m/%Y"),
                ]
            )
            rows += 1
    return rows
