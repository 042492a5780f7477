"""The knowledge library's part of `seed_demo`: the resource library in every language and
49 resources (×scale) of every type, with generated PDF materials, each written for the
countries and topics it is tagged with (texts in ``knowledge.demo_text``). Resources
translated into a language carry materials written in that language. Idempotent: every page
is looked up by slug before it is created; existing pages are left alone."""

import datetime
import itertools
import json
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale, Page

from portal.demo.localize import demo_locales, translate
from portal.models import Audience, CompliancePoint, Country, HomePage, Industry, Topic

from . import demo_glossary, demo_text
from .demo_news import seed_news
from .demo_text.resources import BODY_KEY, COMMON, OTHERS, PROGRAMMES, all_resources
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

MEMORY = demo_text.memory()
KIND_CYCLE = [MaterialKind.TRAINER_GUIDE, MaterialKind.HANDOUT, MaterialKind.SLIDES]
MODELS = {
    model.__name__: model
    for model in (
        AwarenessMaterialPage,
        GoodPracticeGuidePage,
        ModelPolicyPage,
        SelfGuidedToolPage,
        TrainingModulePage,
        TrainingProgrammePage,
        WorkbookPage,
    )
}
FORMATS = {"Comic": "comic", "Soap opera": "soap-opera", "Video": "video"}


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _paragraph(key):
    return f"<p>{COMMON[key]}</p>"


def _document(title, lines=(), name=""):
    name = name or slugify(title)[:80] or "material"
    doc = Document(title=title)
    doc.file.save(f"{name}.pdf", ContentFile(make_pdf(title, lines)), save=False)
    doc._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
    doc.save()
    return doc


def _translate(page, codes):
    locales = [locale for locale in demo_locales() if locale.language_code in codes]
    return translate(Page.objects.get(pk=page.pk).specific, locales, memory=MEMORY)


class Vocab:
    def __init__(self):
        default = Locale.get_default()
        self.countries = {c.slug: c for c in Country.objects.filter(locale=default)}
        self.topics = {t.slug: t for t in Topic.objects.filter(locale=default)}
        self.industries = list(Industry.objects.filter(locale=default).order_by("pk"))
        self.audiences = list(Audience.objects.filter(locale=default).order_by("pk"))
        self.points = list(CompliancePoint.objects.filter(locale=default).order_by("pk"))

    def pick(self, items, n, i, step=1):
        if not items:
            return []
        return [items[(i * step + k) % len(items)] for k in range(n)]

    def tag(self, page, i, resource):
        """Countries and topics as written for the resource; the rest a deterministic spread."""
        page.countries.set(
            [self.countries[s] for s in resource["countries"] if s in self.countries]
        )
        page.topics.set([self.topics[s] for s in resource["topics"] if s in self.topics])
        page.industries.set(self.pick(self.industries[:4], 1 + i % 2, i))
        page.audiences.set(self.pick(self.audiences, 2, i))
        page.compliance_points.set(self.pick(self.points, i % 3, i, 7))


def _fields(resource, model_name, i):
    return {
        "title": resource["title"],
        "slug": resource["slug"],
        "summary": resource["summary"],
        "body": _stream(("paragraph", _paragraph(BODY_KEY[model_name]))),
        "last_reviewed": datetime.date(2025, 1 + i % 12, 1 + i % 27),
        "version": f"1.{i % 4}",
        "featured": resource["featured"],
    }


def _add_materials(page, materials, lines):
    for order, (kind, title) in enumerate(materials):
        page.knowledge_materials.add(
            Material(kind=kind, title=title, sort_order=order, document=_document(title, lines))
        )


def _create(parent, page, vocab, i, resource, materials=(), publish=True):
    parent.add_child(instance=page)
    vocab.tag(page, i, resource)
    _add_materials(page, materials, [resource["summary"]])
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
            title=COMMON["library_title"], slug="resources", intro=COMMON["library_intro"]
        )
        home.add_child(instance=library)
        library.save_revision().publish()
    _translate(library, demo_text.LANGUAGES)
    return library


def _module_materials(title):
    return [(KIND_CYCLE[k], f"{title} – {KIND_CYCLE[k].label}") for k in range(3)]


def _extra_fields(model, resource):
    extra = {}
    if model is AwarenessMaterialPage:
        prefix = resource["title"].split(":")[0]
        extra["format"] = FORMATS.get(prefix, "poster")
    if model in (WorkbookPage, SelfGuidedToolPage):
        extra["steps"] = _stream(
            *[
                (
                    "step",
                    {
                        "title": COMMON[f"step_{n}"],
                        "text": _paragraph(f"step_{n}_text"),
                        "worksheet": None,
                    },
                )
                for n in (1, 2, 3)
            ]
        )
    if model is ModelPolicyPage:
        extra["policy_text"] = _paragraph("policy_outline")
    return extra


def seed_resources(library, vocab, stdout):
    created = 0
    counter = itertools.count()
    for spec in PROGRAMMES:
        i = next(counter)
        programme = (
            TrainingProgrammePage.objects.child_of(library).filter(slug=spec["slug"]).first()
        )
        if programme is None:
            programme = _create(
                library,
                TrainingProgrammePage(
                    programme_kind=spec["kind"],
                    duration=COMMON[spec["duration"]],
                    **_fields(spec, "TrainingProgrammePage", i),
                ),
                vocab,
                i,
                spec,
                [
                    (
                        MaterialKind.TRAINER_GUIDE,
                        f"{spec['title']} – {MaterialKind.TRAINER_GUIDE.label}",
                    )
                ],
            )
            created += 1
        for position, module in enumerate(spec["modules"]):
            j = next(counter)
            if TrainingModulePage.objects.child_of(programme).filter(slug=module["slug"]).exists():
                continue
            _create(
                programme,
                TrainingModulePage(
                    learning_objectives=COMMON["objectives"],
                    duration_minutes=90 + 30 * position,
                    sessions=1 + position % 3,
                    delivery_mode=["classroom", "blended", "online"][position % 3],
                    **_fields(module, "TrainingModulePage", j),
                ),
                vocab,
                j,
                module,
                _module_materials(module["title"]),
            )
            created += 1
    for model_name, resources in OTHERS:
        model = MODELS[model_name]
        for resource in resources:
            i = next(counter)
            if model.objects.child_of(library).filter(slug=resource["slug"]).exists():
                continue
            kind = MaterialKind.TEMPLATE if model is ModelPolicyPage else MaterialKind.HANDOUT
            _create(
                library,
                model(
                    **_fields(resource, model_name, i),
                    **_extra_fields(model, resource),
                ),
                vocab,
                i,
                resource,
                [(kind, f"{resource['title']} (PDF)")],
            )
            created += 1
    return created


def _source_page(slug):
    for model in MODELS.values():
        page = model.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if page is not None:
            return page
    return None


def _set_materials(page_id, files, publish):
    """files: {material id: (title, document id)}."""
    for material_id, (title, document_id) in files.items():
        Material.objects.filter(pk=material_id).update(title=title, document_id=document_id)
    if publish:
        Page.objects.get(pk=page_id).specific.save_revision().publish()


def localize_materials(source, code):
    """Give the `code` version of `source` its own files, written in that language (the
    translation starts with copies of the English materials)."""
    target = source.get_translation_or_none(Locale.objects.get(language_code=code))
    if target is None:
        return 0
    english = set(source.knowledge_materials.values_list("document_id", flat=True))
    _common, translated = demo_text.language(code)
    title, summary = translated[source.slug]
    files = {}
    with translation.override(code):
        for material in target.knowledge_materials.filter(document_id__in=english):
            label = f"{title} – {MaterialKind(material.kind).label}"
            name = f"{source.slug[:60]}-{material.kind}-{code}"
            files[material.pk] = (label, _document(label, [summary], name).pk)
    if files:
        _set_materials(target.pk, files, publish=False)
        # wagtail-localize publishes the translation's first revision (English files) once the
        # transaction commits; put the new files back after that.
        transaction.on_commit(partial(_set_materials, target.pk, files, publish=True))
    return len(files)


def seed_translations():
    """The resources each language's texts translate (``demo_text.<code>.RESOURCES``), with
    materials in that language; the rest of the library stays English-only."""
    made = 0
    order = [resource["slug"] for resource in all_resources()]  # programmes before modules
    for code in demo_text.LANGUAGES:
        _common, translated = demo_text.language(code)
        for slug in sorted(translated, key=order.index):
            source = _source_page(slug)
            if source is None:
                continue
            made += _translate(source, [code])
            localize_materials(source, code)
    return made


def seed_scale(library, vocab, scale, stdout):
    """--scale N: N-1 more copies of the non-programme resources, created without revisions."""
    target = (scale - 1) * sum(len(resources) for _m, resources in OTHERS)
    existing = Page.objects.child_of(library).filter(slug__startswith="scaled-").count()
    rows = [(name, resource) for name, resources in OTHERS for resource in resources]
    for n in range(existing, target):
        model_name, resource = rows[n % len(rows)]
        copy = resource | {"title": f"{resource['title']} #{n // len(rows) + 2}", "featured": False}
        fields = _fields(copy, model_name, n) | {"slug": f"scaled-{n}"}
        _create(library, MODELS[model_name](**fields), vocab, n, copy, publish=False)
        if n and n % 500 == 0:
            stdout.write(f"  … {n}/{target} scaled resources")
    return max(0, target - existing)


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
    from .demo_publications import seed_publications  # cycle: it reuses this module's helpers

    seed_publications(library, vocab, context.stdout)
    translated += seed_news(home)
    scaled = seed_scale(library, vocab, context.scale, context.stdout) if context.scale > 1 else 0
    demo_glossary.seed(home, context.stdout)
    total = Page.objects.descendant_of(library).filter(locale=library.locale).count()
    context.stdout.write(
        f"  knowledge: {created} resources created, {translated} translations, "
        f"{scaled} scaled; {total} in the English library"
    )


__all__ = ["seed"]
