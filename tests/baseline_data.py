"""What the session baseline (tests/baseline.py) holds: reference taxonomy (country programmes,
sectors, the CAT clusters and compliance points of shared/IMS.md) and short page texts with
their translations. Tests may rely on these slugs and texts; the demo (portal/demo) is free to
change without touching them."""

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
    "Apparel",
    "Footwear",
    "Travel goods",
    "Agribusiness",
    "Electronics",
    "Light manufacturing",
    "Tourism",
    "Construction",
    "Transport",
]

TOPICS = [
    "Occupational safety and health",
    "Wages and working time",
    "Gender equality",
    "Social dialogue",
    "Sexual harassment prevention",
    "Productivity",
    "Supervisory skills",
    "Worker wellbeing",
]

AUDIENCES = [
    "Trainers",
    "Enterprise advisors",
    "Factory managers",
    "HR officers",
    "OSH officers",
    "Supervisors",
    "Workers",
    "Buyers",
]

# (slug, name, kind, legacy aliases, [(compliance point, confirmed, legacy aliases)])
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

LANGUAGES = ["fr", "es", "ar", "vi", "km", "bn", "id"]

# Country names in each other language.
COUNTRY_NAMES = {
    "Bangladesh": [
        "Bangladesh",
        "Bangladesh",
        "بنغلاديش",
        "Bangladesh",
        "បង់ក្លាដែស",
        "বাংলাদেশ",
        "Bangladesh",
    ],  # noqa: E501
    "Cambodia": ["Cambodge", "Camboya", "كمبوديا", "Campuchia", "កម្ពុជា", "কম্বোডিয়া", "Kamboja"],
    "Egypt": ["Égypte", "Egipto", "مصر", "Ai Cập", "អេហ្ស៊ីប", "মিশর", "Mesir"],
    "Ethiopia": ["Éthiopie", "Etiopía", "إثيوبيا", "Ethiopia", "អេត្យូពី", "ইথিওপিয়া", "Etiopia"],
    "Haiti": ["Haïti", "Haití", "هايتي", "Haiti", "ហៃទី", "হাইতি", "Haiti"],
    "Indonesia": [
        "Indonésie",
        "Indonesia",
        "إندونيسيا",
        "Indonesia",
        "ឥណ្ឌូណេស៊ី",
        "ইন্দোনেশিয়া",
        "Indonesia",
    ],  # noqa: E501
    "Jordan": ["Jordanie", "Jordania", "الأردن", "Jordan", "ហ្ស៊កដានី", "জর্ডান", "Yordania"],
    "Lesotho": ["Lesotho", "Lesotho", "ليسوتو", "Lesotho", "ឡេសូតូ", "লেসোথো", "Lesotho"],
    "Nicaragua": [
        "Nicaragua",
        "Nicaragua",
        "نيكاراغوا",
        "Nicaragua",
        "នីការ៉ាហ្គា",
        "নিকারাগুয়া",
        "Nikaragua",
    ],  # noqa: E501
    "Pakistan": ["Pakistan", "Pakistán", "باكستان", "Pakistan", "ប៉ាគីស្ថាន", "পাকিস্তান", "Pakistan"],
    "Sri Lanka": [
        "Sri Lanka",
        "Sri Lanka",
        "سريلانكا",
        "Sri Lanka",
        "ស្រីលង្កា",
        "শ্রীলঙ্কা",
        "Sri Lanka",
    ],
    "Vietnam": ["Viet Nam", "Viet Nam", "فيتنام", "Việt Nam", "វៀតណាម", "ভিয়েতনাম", "Vietnam"],
}

# The page texts of the baseline tree in English and each other language (every text is
# translated, as tests/portal/test_i18n.py and test_language_versions.py expect).
PAGE_TEXTS = {
    # English: (fr, es, ar, vi, km, bn, id)
    "Portal home": (
        "Accueil du portail",
        "Inicio del portal",
        "الصفحة الرئيسية للبوابة",
        "Trang chủ cổng thông tin",
        "ទំព័រដើមនៃវិបផតថល",
        "পোর্টালের হোম",
        "Beranda portal",
    ),
    "Guides, tools and data.": (
        "Guides, outils et données.",
        "Guías, herramientas y datos.",
        "أدلة وأدوات وبيانات.",
        "Hướng dẫn, công cụ và dữ liệu.",
        "មគ្គុទ្ទេសក៍ ឧបករណ៍ និងទិន្នន័យ។",
        "নির্দেশিকা, সরঞ্জাম ও তথ্য।",
        "Panduan, alat, dan data.",
    ),
    "Work better": (
        "Mieux travailler",
        "Trabajar mejor",
        "عمل أفضل",
        "Làm việc tốt hơn",
        "ធ្វើការកាន់តែប្រសើរ",
        "আরও ভালো কাজ",
        "Bekerja lebih baik",
    ),
    "Find guides for your country.": (
        "Trouvez des guides pour votre pays.",
        "Encuentre guías para su país.",
        "اعثر على أدلة لبلدك.",
        "Tìm hướng dẫn cho quốc gia của bạn.",
        "ស្វែងរកមគ្គុទ្ទេសក៍សម្រាប់ប្រទេសរបស់អ្នក។",
        "আপনার দেশের জন্য নির্দেশিকা খুঁজুন।",
        "Temukan panduan untuk negara Anda.",
    ),
    "Featured": ("À la une", "Destacados", "مختارات", "Nổi bật", "ពិសេស", "নির্বাচিত", "Unggulan"),
    "Discussions": (
        "Échanges",
        "Debates",
        "النقاشات",
        "Thảo luận",
        "ការពិភាក្សា",
        "আলোচনা",
        "Diskusi",
    ),
    "Compliance rates": (
        "Taux de conformité",
        "Tasas de cumplimiento",
        "معدلات الامتثال",
        "Tỷ lệ tuân thủ",
        "អត្រាអនុលោមភាព",
        "সম্মতির হার",
        "Tingkat kepatuhan",
    ),
    "Rates across countries.": (
        "Taux dans les pays.",
        "Tasas en los países.",
        "المعدلات في البلدان.",
        "Tỷ lệ ở các quốc gia.",
        "អត្រានៅតាមប្រទេស។",
        "দেশভিত্তিক হার।",
        "Tingkat di berbagai negara.",
    ),
    "Join a community": (
        "Rejoindre une communauté",
        "Únase a una comunidad",
        "انضم إلى مجتمع",
        "Tham gia cộng đồng",
        "ចូលរួមសហគមន៍",
        "একটি কমিউনিটিতে যোগ দিন",
        "Bergabung dengan komunitas",
    ),
    "Share what works.": (
        "Partagez ce qui marche.",
        "Comparta lo que funciona.",
        "شارك ما ينجح.",
        "Chia sẻ điều hiệu quả.",
        "ចែករំលែកអ្វីដែលមានប្រសិទ្ធភាព។",
        "যা কাজ করে তা ভাগ করুন।",
        "Bagikan yang berhasil.",
    ),
    "Read more": (
        "En savoir plus",
        "Leer más",
        "اقرأ المزيد",
        "Đọc thêm",
        "អានបន្ថែម",
        "আরও পড়ুন",
        "Baca selengkapnya",
    ),
    "About": ("À propos", "Acerca de", "حول", "Giới thiệu", "អំពី", "পরিচিতি", "Tentang"),
    "What this site is.": (
        "Ce qu’est ce site.",
        "Qué es este sitio.",
        "ما هو هذا الموقع.",
        "Trang này là gì.",
        "គេហទំព័រនេះជាអ្វី។",
        "এই সাইটটি কী।",
        "Apa situs ini.",
    ),
    "Contents": ("Sommaire", "Contenido", "المحتويات", "Nội dung", "មាតិកា", "বিষয়সূচি", "Isi"),
    "Guides and tools.": (
        "Guides et outils.",
        "Guías y herramientas.",
        "أدلة وأدوات.",
        "Hướng dẫn và công cụ.",
        "មគ្គុទ្ទេសក៍ និងឧបករណ៍។",
        "নির্দেশিকা ও সরঞ্জাম।",
        "Panduan dan alat.",
    ),
    "Countries": ("Pays", "Países", "البلدان", "Các quốc gia", "ប្រទេស", "দেশসমূহ", "Negara"),
    "Country programmes.": (
        "Programmes par pays.",
        "Programas por país.",
        "برامج البلدان.",
        "Chương trình quốc gia.",
        "កម្មវិធីតាមប្រទេស។",
        "দেশভিত্তিক কর্মসূচি।",
        "Program negara.",
    ),
    "Resources": (
        "Ressources",
        "Recursos",
        "الموارد",
        "Tài nguyên",
        "ធនធាន",
        "রিসোর্স",
        "Sumber daya",
    ),
    "Communities": (
        "Communautés",
        "Comunidades",
        "المجتمعات",
        "Cộng đồng",
        "សហគមន៍",
        "কমিউনিটি",
        "Komunitas",
    ),
    "Compliance summary": (
        "Synthèse de la conformité",
        "Resumen del cumplimiento",
        "ملخص الامتثال",
        "Tóm tắt tuân thủ",
        "សេចក្តីសង្ខេបអនុលោមភាព",
        "সম্মতির সারসংক্ষেপ",
        "Ringkasan kepatuhan",
    ),
    "Compliance": (
        "Conformité",
        "Cumplimiento",
        "الامتثال",
        "Tuân thủ",
        "អនុលោមភាព",
        "সম্মতি",
        "Kepatuhan",
    ),
    "Compliance by country.": (
        "Conformité par pays.",
        "Cumplimiento por país.",
        "الامتثال حسب البلد.",
        "Tuân thủ theo quốc gia.",
        "អនុលោមភាពតាមប្រទេស។",
        "দেশভিত্তিক সম্মতি।",
        "Kepatuhan per negara.",
    ),
}

# The CAT terms tests read in other languages: (fr, es, ar, vi, km, bn, id).
CAT_NAMES = {
    "Working Time": (
        "Temps de travail",
        "Tiempo de trabajo",
        "وقت العمل",
        "Thời giờ làm việc",
        "ម៉ោងធ្វើការ",
        "কর্মঘণ্টা",
        "Waktu Kerja",
    ),
    "Regular Hours": (
        "Durée normale du travail",
        "Jornada ordinaria",
        "ساعات العمل العادية",
        "Giờ làm việc bình thường",
        "ម៉ោងធ្វើការធម្មតា",
        "নিয়মিত কর্মঘণ্টা",
        "Jam Kerja Normal",
    ),
    "Overtime": (
        "Heures supplémentaires",
        "Horas extraordinarias",
        "العمل الإضافي",
        "Làm thêm giờ",
        "ការងារបន្ថែមម៉ោង",
        "ওভারটাইম",
        "Lembur",
    ),
}


def memory():
    """{language: {English: translation}} for tests.factories.translate."""
    known = {code: {} for code in LANGUAGES}
    for english, names in COUNTRY_NAMES.items():
        for code, name in zip(LANGUAGES, names, strict=True):
            known[code][english] = name
    for english, texts in (*PAGE_TEXTS.items(), *CAT_NAMES.items()):
        for code, text in zip(LANGUAGES, texts, strict=True):
            known[code][english] = text
    return known
