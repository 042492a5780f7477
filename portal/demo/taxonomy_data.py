"""Reference data seeded by `seed_demo`: the Better Work countries, sectors and the CAT
(clusters and compliance points as listed in shared/IMS.md)."""

# slug, ISO code, English name, programme status, programme started, workers, factories
COUNTRIES = [
    ("bangladesh", "BD", "Bangladesh", "active", 2014, 1_400_000, 420),
    ("cambodia", "KH", "Cambodia", "active", 2001, 700_000, 600),
    ("egypt", "EG", "Egypt", "active", 2020, 60_000, 70),
    ("ethiopia", "ET", "Ethiopia", "active", 2019, 70_000, 40),
    ("haiti", "HT", "Haiti", "active", 2009, 50_000, 30),
    ("indonesia", "ID", "Indonesia", "active", 2011, 500_000, 220),
    ("jordan", "JO", "Jordan", "active", 2008, 80_000, 90),
    ("lesotho", "LS", "Lesotho", "past", 2010, 40_000, 30),
    ("nicaragua", "NI", "Nicaragua", "active", 2011, 80_000, 40),
    ("pakistan", "PK", "Pakistan", "active", 2021, 100_000, 30),
    ("sri-lanka", "LK", "Sri Lanka", "planned", None, 0, 0),
    ("vietnam", "VN", "Vietnam", "active", 2009, 1_000_000, 500),
]

INDUSTRIES = [
    ("apparel", "Apparel"),
    ("footwear", "Footwear"),
    ("travel-goods", "Travel goods"),
    ("agribusiness", "Agribusiness"),
    ("electronics", "Electronics"),
    ("light-manufacturing", "Light manufacturing"),
    ("tourism", "Tourism"),
    ("construction", "Construction"),
    ("transport", "Transport"),
]

TOPICS = [
    ("occupational-safety-and-health", "Occupational safety and health"),
    ("wages-and-working-time", "Wages and working time"),
    ("gender-equality", "Gender equality"),
    ("social-dialogue", "Social dialogue"),
    ("sexual-harassment-prevention", "Sexual harassment prevention"),
    ("productivity", "Productivity"),
    ("supervisory-skills", "Supervisory skills"),
    ("worker-wellbeing", "Worker wellbeing"),
]

AUDIENCES = [
    ("trainers", "Trainers"),
    ("enterprise-advisors", "Enterprise advisors"),
    ("factory-managers", "Factory managers"),
    ("hr-officers", "HR officers"),
    ("osh-officers", "OSH officers"),
    ("supervisors", "Supervisors"),
    ("workers", "Workers"),
    ("buyers", "Buyers"),
]

# (slug, name, kind, aliases, [(compliance point, confirmed, aliases)])
CLUSTERS = [
    (
        "child-labour",
        "Child Labour",
        "ILS",
        [],
        [
            ("Child Labourers", True, []),
            (
                "Hazardous Work and other Worst Forms",
                True,
                ["Hazardous Work", "Unconditional Worst Forms"],
            ),
            ("Documentation and Protection of Young Workers", True, []),
        ],
    ),
    (
        "discrimination",
        "Discrimination",
        "ILS",
        [],
        [
            ("Gender", True, []),
            ("Race and Origin", False, []),
            ("Religion and Political Opinion", False, []),
            ("Other Grounds", False, []),
        ],
    ),
    (
        "forced-labour",
        "Forced Labour",
        "ILS",
        [],
        [
            ("Coercion", True, []),
            ("Forced Labour and Overtime", True, []),
            ("Bonded Labour", False, []),
            ("Prison Labour", False, []),
        ],
    ),
    (
        "freedom-of-association",
        "Freedom of Association and Collective Bargaining",
        "ILS",
        [],
        [
            ("Freedom to Associate", True, []),
            ("Interference and Discrimination", True, []),
            ("Collective Bargaining", True, []),
            ("Strikes", True, []),
            ("Union Operations", True, []),
        ],
    ),
    (
        "compensation",
        "Compensation",
        "NLL",
        [],
        [
            ("Minimum Wages/Piece Rate Wages", True, []),
            ("Overtime Wages", True, []),
            ("Method of Payment", True, []),
            ("Paid Leave", True, []),
            ("Social Security and Other Benefits", True, []),
            ("Wage Information, Use and Deduction", True, []),
            ("Premium Pay", False, []),
        ],
    ),
    (
        "contracts-and-human-resources",
        "Contracts and Human Resources",
        "NLL",
        [],
        [
            ("Employment Contracts", False, []),
            ("Contracting Procedures", False, []),
            ("Dialogue, Discipline and Disputes", True, []),
            ("Termination", False, []),
        ],
    ),
    (
        "occupational-safety-and-health",
        "Occupational Safety and Health",
        "NLL",
        ["Systems"],
        [
            ("OSH Management Systems", True, []),
            ("Chemicals and Hazardous Substances", True, []),
            ("Emergency Preparedness", True, []),
            ("Welfare Facilities", True, []),
            ("Worker Protection", True, []),
            ("Health Services and First Aid", False, []),
            ("Working Environment", False, []),
            ("Worker Accommodation", False, []),
        ],
    ),
    (
        "working-time",
        "Working Time",
        "NLL",
        [],
        [
            ("Regular Hours", True, []),
            ("Overtime", True, []),
            ("Leave", True, []),
        ],
    ),
]
