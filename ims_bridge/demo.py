"""The IMS bridge's part of `seed_demo`: the compliance section in every language, a small
synthetic STAR export for six countries (imported once), transparency for two programmes,
and the demo factory user sharing its factory with the demo buyer."""

import io
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from portal.demo.localize import translate
from portal.models import Country, HomePage

from .generator import generate
from .importing import Importer
from .models import (
    ComplianceIndexPage,
    Factory,
    FactoryAccessGrant,
    FactoryMembership,
    PublicReporting,
)

DEMO_COUNTRIES = ["bangladesh", "cambodia", "indonesia", "jordan", "vietnam", "haiti"]
PUBLISHING = ["cambodia", "jordan"]


_INTRO = (
    "Aggregate findings of Better Work factory assessments, by country, cluster and "
    "compliance point."
)
PAGE_TRANSLATIONS = {
    "fr": {
        "Compliance data": "Données de conformité",
        _INTRO: "Résultats agrégés des évaluations d'usines de Better Work, par pays, "
        "groupe et point de conformité.",
    },
    "es": {
        "Compliance data": "Datos de cumplimiento",
        _INTRO: "Resultados agregados de las evaluaciones de fábricas de Better Work, por país, "
        "grupo y punto de cumplimiento.",
    },
    "ar": {
        "Compliance data": "بيانات الامتثال",
        _INTRO: "النتائج المجمّعة لتقييمات المصانع في برنامج عمل أفضل، حسب البلد والمجموعة "
        "ونقطة الامتثال.",
    },
    "vi": {
        "Compliance data": "Dữ liệu tuân thủ",
        _INTRO: "Kết quả tổng hợp các đợt đánh giá nhà máy của Better Work, theo quốc gia, "
        "nhóm và điểm tuân thủ.",
    },
    "km": {
        "Compliance data": "ទិន្នន័យអនុលោមភាព",
        _INTRO: "លទ្ធផលសរុបនៃការវាយតម្លៃរោងចក្ររបស់ Better Work តាមប្រទេស ក្រុម និងចំណុចអនុលោមភាព។",
    },
    "id": {
        "Compliance data": "Data kepatuhan",
        _INTRO: "Temuan gabungan penilaian pabrik Better Work, menurut negara, klaster dan "
        "poin kepatuhan.",
    },
    "bn": {
        "Compliance data": "সম্মতি তথ্য",
        _INTRO: "বেটার ওয়ার্কের কারখানা মূল্যায়নের সমন্বিত ফলাফল, দেশ, ক্লাস্টার ও সম্মতি বিষয় অনুযায়ী।",
    },
}


def seed_page(stdout, locales=None):
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return None
    page = ComplianceIndexPage.objects.child_of(home).first()
    if page is None:
        page = ComplianceIndexPage(
            title="Compliance data",
            slug="compliance",
            intro=_INTRO,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    translate(page, locales, memory=PAGE_TRANSLATIONS)
    # Strings without demo translation memory leave the target as a draft: publish it with the
    # English text, as an editor would before translating.
    for translation in page.get_translations().filter(live=False):
        translation.specific.save_revision().publish()
    # wagtail-localize can leave a stale child count on translated parents (see seed_demo).
    Page.fix_tree(fix_paths=False)
    return page


def seed_data(stdout, scale=1):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo-star-export.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            rows = generate(
                out,
                factories=8 * len(DEMO_COUNTRIES) * scale,
                cycles=3,
                questions=60,
                countries=DEMO_COUNTRIES,
                seed=2024,
            )
        batch = Importer(source=f"demo export ({rows:,} rows)").import_path(path)
    stdout.write(f"  compliance: {batch.get_status_display()} ({rows:,} rows)")
    for slug in PUBLISHING:
        country = Country.objects.get(slug=slug, locale=Locale.get_default())
        PublicReporting.objects.get_or_create(country=country)


def seed_access(stdout):
    User = get_user_model()
    factory_user = User.objects.filter(username="factory").first()
    buyer = User.objects.filter(username="buyer").first()
    factory = Factory.objects.order_by("star_id").filter(country__slug="cambodia").first()
    if factory is None or factory_user is None:
        return
    FactoryMembership.objects.get_or_create(user=factory_user, factory=factory)
    if buyer and not FactoryAccessGrant.objects.filter(factory=factory, buyer=buyer).exists():
        FactoryAccessGrant.objects.create(factory=factory, buyer=buyer, granted_by=factory_user)


def seed(context):
    stdout = getattr(context, "stdout", io.StringIO())
    seed_page(stdout)
    seed_data(stdout, getattr(context, "scale", 1))
    seed_access(stdout)
