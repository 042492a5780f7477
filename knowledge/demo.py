"""The knowledge library's part of `seed_demo`: the resource library in every language and
42 resources (×scale) of every type, with generated PDF materials. Idempotent: every page is
looked up by slug before it is created; existing pages are left alone."""

import datetime
import itertools
import json

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from portal.demo.localize import demo_locales, translate
from portal.models import Audience, CompliancePoint, Country, HomePage, Industry, Topic

from .indexing import index_page
from .models import (
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    Material,
    MaterialKind,
    ModelPolicyPage,
    ResourceLibraryPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from .pdf import make_pdf

# Translation memory for the demo resources (strings missing here stay in English).
MEMORY = {
    "ar": {
        "Resources": "الموارد",
        "Supervisory Skills Training": "التدريب على المهارات الإشرافية",
        "Communication for supervisors": "التواصل للمشرفين",
        "Workplace cooperation": "التعاون في مكان العمل",
        "Model anti-harassment policy": "نموذج سياسة مكافحة التحرش",
        "Fire safety poster": "ملصق السلامة من الحرائق",
    },
    "fr": {
        "Resources": "Ressources",
        "Supervisory Skills Training": "Formation aux compétences de supervision",
        "Communication for supervisors": "Communication pour les superviseurs",
        "Model anti-harassment policy": "Modèle de politique contre le harcèlement",
        "Fire safety poster": "Affiche sur la sécurité incendie",
    },
    "km": {
        "Resources": "ធនធាន",
        "Supervisory Skills Training": "វគ្គបណ្តុះបណ្តាលជំនាញត្រួតពិនិត្យ",
        "Communication for supervisors": "ការទំនាក់ទំនងសម្រាប់អ្នកត្រួតពិនិត្យ",
        "Workplace cooperation": "កិច្ចសហប្រតិបត្តិការនៅកន្លែងធ្វើការ",
        "Fire safety poster": "ផ្ទាំងរូបភាពសុវត្ថិភាពអគ្គីភ័យ",
    },
    "vi": {
        "Resources": "Tài nguyên",
        "Supervisory Skills Training": "Đào tạo kỹ năng giám sát",
        "Communication for supervisors": "Giao tiếp dành cho tổ trưởng",
        "Workplace cooperation": "Hợp tác tại nơi làm việc",
        "Model anti-harassment policy": "Chính sách mẫu về phòng chống quấy rối",
    },
}

PROGRAMMES = [
    (
        "supervisory-skills-training",
        "Supervisory Skills Training",
        "supervisor",
        [
            "Communication for supervisors",
            "Workplace cooperation",
            "Managing productivity",
            "Preventing harassment on the line",
        ],
    ),
    (
        "twelve-month-enterprise-programme",
        "Twelve-month enterprise programme",
        "modular",
        [
            "Setting up a bipartite committee",
            "Occupational safety basics",
            "Wages and overtime",
            "Grievance handling",
        ],
    ),
]
OTHERS = [
    (
        ModelPolicyPage,
        [
            "Model anti-harassment policy",
            "Model grievance procedure",
            "Model overtime policy",
            "Model maternity protection policy",
            "Model child labour remediation procedure",
            "Model recruitment policy",
            "Model OSH policy",
        ],
    ),
    (
        GoodPracticeGuidePage,
        [
            "Guide to effective worker-management committees",
            "Guide to fire safety audits",
            "Guide to fair piece-rate systems",
            "Guide to gender-responsive HR",
            "Guide to heat stress prevention",
            "Guide to ergonomic workstations",
            "Guide to social dialogue at the factory",
        ],
    ),
    (
        WorkbookPage,
        [
            "Workbook: reduce rework in sewing lines",
            "Workbook: chemical storage mini project",
            "Workbook: absenteeism mini project",
            "Workbook: canteen improvement",
            "Workbook: first-aid corner",
            "Workbook: water and sanitation",
        ],
    ),
    (
        AwarenessMaterialPage,
        [
            "Fire safety poster",
            "Comic: Sokha's first payslip",
            "Soap opera: Factory Lines, ep. 1",
            "Video: what is a union?",
            "Poster: know your leave rights",
            "Comic: speaking up safely",
        ],
    ),
    (
        SelfGuidedToolPage,
        [
            "Self-guided tool: working-hours check",
            "Self-guided tool: OSH committee setup",
            "Self-guided tool: payroll review",
            "Self-guided tool: sexual harassment prevention",
            "Self-guided tool: fire evacuation drill",
            "Self-guided tool: grievance mechanism",
        ],
    ),
]
KIND_CYCLE = [MaterialKind.TRAINER_GUIDE, MaterialKind.HANDOUT, MaterialKind.SLIDES]


def _slugify(title):
    from django.utils.text import slugify

    return slugify(title)[:80]


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _terms(model, slugs):
    return list(model.objects.filter(locale=Locale.get_default(), slug__in=slugs))


def _document(title, lines=(), language="en"):
    name = _slugify(title) or "material"
    doc = Document(title=title)
    doc.file.save(f"{name}.pdf", ContentFile(make_pdf(title, lines)), save=False)
    doc._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
    doc.save()
    return doc


def _translation_memory(page, locales):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        for locale in locales:
            text = MEMORY.get(locale.language_code, {}).get(segment.string.data)
            if text:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text},
                )


def _translate(page, codes):
    locales = [locale for locale in demo_locales() if locale.language_code in codes]
    _translation_memory(page, locales)
    return translate(Page.objects.get(pk=page.pk).specific, locales)


class Vocab:
    def __init__(self):
        default = Locale.get_default()
        self.countries = list(Country.objects.filter(locale=default).order_by("pk"))
        self.industries = list(Industry.objects.filter(locale=default).order_by("pk"))
        self.topics = list(Topic.objects.filter(locale=default).order_by("pk"))
        self.audiences = list(Audience.objects.filter(locale=default).order_by("pk"))
        self.points = list(CompliancePoint.objects.filter(locale=default).order_by("pk"))

    def pick(self, items, n, i, step=1):
        if not items:
            return []
        return [items[(i * step + k) % len(items)] for k in range(n)]

    def tag(self, page, i):
        """Deterministic spread: every 5th resource is global; 1–2 countries otherwise."""
        countries = [] if i % 5 == 0 else self.pick(self.countries, 1 + i % 2, i, 3)
        page.countries.set(countries)
        page.industries.set(self.pick(self.industries[:4], 1 + i % 2, i))
        page.topics.set(self.pick(self.topics, 1 + i % 3, i, 2))
        page.audiences.set(self.pick(self.audiences, 2, i))
        page.compliance_points.set(self.pick(self.points, i % 3, i, 7))


def _fields(title, i, featured=False):
    return {
        "title": title,
        "slug": _slugify(title),
        "summary": f"{title}: practical material from Better Work for factories, trainers "
        f"and enterprise advisors.",
        "body": _stream(
            (
                "paragraph",
                f"<p>{title}. Use it in your factory, adapt it to "
                f"national law, and share what worked.</p>",
            )
        ),
        "last_reviewed": datetime.date(2025, 1 + i % 12, 1 + i % 27),
        "version": f"1.{i % 4}",
        "featured": featured,
    }


def _create(parent, page, vocab, i, materials=(), publish=True):
    parent.add_child(instance=page)
    vocab.tag(page, i)
    for order, (kind, title) in enumerate(materials):
        page.knowledge_materials.add(
            Material(
                kind=kind,
                title=title,
                sort_order=order,
                document=_document(
                    title, [page.title, str(kind.label), "Better Work demo material."]
                ),
            )
        )
    if materials:
        page.save()  # commit the materials so their ids are in the revision
    if publish:
        page.save_revision().publish()
    else:  # --scale extras: live without a revision (fast), indexed directly
        page.live = True
        page.first_published_at = page.last_published_at = timezone.now()
        page.save()
        index_page(page)
    return page


def seed_library(home):
    # wagtail-localize can leave translated parents with a stale child count (see seed_demo).
    Page.fix_tree(fix_paths=False)
    library = ResourceLibraryPage.objects.child_of(home).first()
    if library is None:
        library = ResourceLibraryPage(
            title="Resources",
            slug="resources",
            intro="Training modules, model policies, guides, workbooks, awareness material "
            "and self-guided tools, by country, industry and language.",
        )
        home.add_child(instance=library)
        library.save_revision().publish()
    _translate(library, [locale.language_code for locale in demo_locales()])
    return library


def seed_resources(library, vocab, stdout):
    created = 0
    counter = itertools.count()
    for slug, title, kind, modules in PROGRAMMES:
        i = next(counter)
        programme = TrainingProgrammePage.objects.child_of(library).filter(slug=slug).first()
        if programme is None:
            fields = _fields(title, i, featured=True) | {"slug": slug}
            programme = _create(
                library,
                TrainingProgrammePage(programme_kind=kind, duration="12 months", **fields),
                vocab,
                i,
                [(MaterialKind.TRAINER_GUIDE, f"{title} – programme overview")],
            )
            created += 1
        for position, module_title in enumerate(modules):
            j = next(counter)
            if (
                TrainingModulePage.objects.child_of(programme)
                .filter(slug=_slugify(module_title))
                .exists()
            ):
                continue
            _create(
                programme,
                TrainingModulePage(
                    learning_objectives="Explain the key rules\nPractise with a case study\n"
                    "Plan one improvement",
                    duration_minutes=90 + 30 * position,
                    sessions=1 + position % 3,
                    delivery_mode=["classroom", "blended", "online"][position % 3],
                    **_fields(module_title, j),
                ),
                vocab,
                j,
                [(KIND_CYCLE[k], f"{module_title} – {KIND_CYCLE[k].label}") for k in range(3)],
            )
            created += 1
    for model, titles in OTHERS:
        for title in titles:
            i = next(counter)
            if model.objects.child_of(library).filter(slug=_slugify(title)).exists():
                continue
            extra = {}
            if model is AwarenessMaterialPage:
                extra["format"] = ["poster", "comic", "soap-opera", "video"][i % 4]
            if model in (WorkbookPage, SelfGuidedToolPage):
                extra["steps"] = _stream(
                    *[
                        (
                            "step",
                            {
                                "title": f"Step {n}",
                                "text": f"<p>Do part {n} of the work.</p>",
                                "worksheet": None,
                            },
                        )
                        for n in (1, 2, 3)
                    ]
                )
            if model is ModelPolicyPage:
                extra["policy_text"] = f"<p>{title}. Adapt this text to your enterprise.</p>"
            kind = MaterialKind.TEMPLATE if model is ModelPolicyPage else MaterialKind.HANDOUT
            _create(
                library,
                model(**_fields(title, i, featured=i % 9 == 0), **extra),
                vocab,
                i,
                [(kind, f"{title} (PDF)")],
            )
            created += 1
    return created


def seed_translations():
    """Some resources in Arabic, French, Khmer and Vietnamese; the rest stay English-only."""
    made = 0
    programme = TrainingProgrammePage.objects.filter(
        slug="supervisory-skills-training", locale=Locale.get_default()
    ).first()
    if programme is not None:
        made += _translate(programme, ["ar", "fr", "km", "vi"])
        for module in TrainingModulePage.objects.child_of(programme)[:2]:
            made += _translate(module, ["ar", "fr", "km", "vi"])
    for slug, codes in [
        ("model-anti-harassment-policy", ["ar", "fr", "vi"]),
        ("fire-safety-poster", ["ar", "fr", "km"]),
        ("guide-to-heat-stress-prevention", ["ar"]),
        ("self-guided-tool-working-hours-check", ["vi", "km"]),
    ]:
        for model in (
            ModelPolicyPage,
            AwarenessMaterialPage,
            GoodPracticeGuidePage,
            SelfGuidedToolPage,
        ):
            page = model.objects.filter(slug=slug, locale=Locale.get_default()).first()
            if page is not None:
                made += _translate(page, codes)
    return made


def seed_scale(library, vocab, scale, stdout):
    """--scale N: N-1 more copies of the non-programme resources, created without revisions."""
    target = (scale - 1) * sum(len(titles) for _m, titles in OTHERS)
    existing = Page.objects.child_of(library).filter(slug__startswith="scaled-").count()
    models = list(
        itertools.chain.from_iterable(
            [(model, title) for title in titles] for model, titles in OTHERS
        )
    )
    start = existing
    for n in range(start, target):
        model, title = models[n % len(models)]
        fields = _fields(f"{title} #{n // len(models) + 2}", n) | {"slug": f"scaled-{n}"}
        _create(library, model(**fields), vocab, n, publish=False)
        if n and n % 500 == 0:
            stdout.write(f"  … {n}/{target} scaled resources")
    return max(0, target - start)


def seed(context):
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        context.stdout.write("  knowledge: no home page; run the portal seed first")
        return
    library = seed_library(home)
    vocab = Vocab()
    created = seed_resources(library, vocab, context.stdout)
    Page.fix_tree(fix_paths=False)
    translated = seed_translations()
    scaled = seed_scale(library, vocab, context.scale, context.stdout) if context.scale > 1 else 0
    total = Page.objects.descendant_of(library).filter(locale=library.locale).count()
    context.stdout.write(
        f"  knowledge: {created} resources created, {translated} translations, "
        f"{scaled} scaled; {total} in the English library"
    )


__all__ = ["seed"]
