"""Demo translations of seeded content, fed to wagtail-localize as translation memory so the
demo shows real text in each language. Strings missing here fall back to English."""

DEMO_TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        "Better Work knowledge portal": "Portail de connaissances Better Work",
        "Countries": "Pays",
        "About the portal": "À propos du portail",
        "Cambodia": "Cambodge",
        "Vietnam": "Viêt Nam",
    },
    "es": {
        "Better Work knowledge portal": "Portal de conocimiento de Better Work",
        "Countries": "Países",
        "About the portal": "Acerca del portal",
        "Cambodia": "Camboya",
    },
    "ar": {
        "Better Work knowledge portal": "بوابة المعرفة لبرنامج العمل الأفضل",
        "Countries": "البلدان",
        "About the portal": "حول البوابة",
        "Jordan": "الأردن",
        "Egypt": "مصر",
    },
    "vi": {
        "Better Work knowledge portal": "Cổng tri thức Better Work",
        "Countries": "Các quốc gia",
        "About the portal": "Giới thiệu cổng thông tin",
        "Vietnam": "Việt Nam",
    },
    "km": {
        "Better Work knowledge portal": "វិបផតថលចំណេះដឹង Better Work",
        "Countries": "ប្រទេស",
        "Cambodia": "កម្ពុជា",
    },
    "id": {
        "Better Work knowledge portal": "Portal pengetahuan Better Work",
        "Countries": "Negara",
        "About the portal": "Tentang portal",
    },
    "bn": {
        "Better Work knowledge portal": "বেটার ওয়ার্ক জ্ঞান পোর্টাল",
        "Countries": "দেশসমূহ",
        "Bangladesh": "বাংলাদেশ",
    },
}
