"""The publications and the adapted tools of ``seed_demo`` (called by ``knowledge.demo``):
three publication series, four publications with their authors, ISBNs and a DOI, and a
global toolkit with its Cambodian and Vietnamese adaptations. Publications and the global
toolkit are translated into every demo language, each translation with its own PDF; each
adaptation into its country's language. Idempotent: pages and series are looked up by slug."""

import datetime
from functools import partial

from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page

from portal.demo.localize import demo_locales, translate

from .demo import _document, _set_materials
from .demo_text import LANGUAGES
from .demo_text.publications import COVERAGE, PUBLICATIONS, SERIES, TOOLS, TRANSLATIONS, UNITS
from .models import (
    GoodPracticeGuidePage,
    Material,
    MaterialKind,
    PublicationAuthor,
    PublicationPage,
    PublicationSeries,
)


def _locales(codes):
    return [locale for locale in demo_locales() if locale.language_code in codes]


def seed_series():
    default = Locale.get_default()
    found = {}
    for slug, name in SERIES.items():
        series, _created = PublicationSeries.objects.get_or_create(
            slug=slug, locale=default, defaults={"name": name}
        )
        translate(series, _locales(LANGUAGES), memory=TRANSLATIONS)
        found[slug] = series
    return found


def _resource(spec):
    return {"countries": spec["countries"], "topics": spec.get("topics", [])}


def _publish(library, page, vocab, i, spec, authors=()):
    library.add_child(instance=page)
    vocab.tag(page, i, _resource(spec))
    for order, (name, affiliation) in enumerate(authors):
        page.authors.add(PublicationAuthor(name=name, affiliation=affiliation, sort_order=order))
    page.knowledge_materials.add(
        Material(
            kind=MaterialKind.OTHER,
            title=f"{spec['title']} (PDF)",
            document=_document(spec["title"], [spec["summary"]]),
        )
    )
    page.save()
    page.save_revision().publish()
    return page


def seed_publication_pages(library, vocab, series):
    pages, created = [], 0
    for i, spec in enumerate(PUBLICATIONS):
        page = PublicationPage.objects.child_of(library).filter(slug=spec["slug"]).first()
        if page is None:
            page = PublicationPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                publication_kind=spec["kind"],
                series=series.get(spec["series"]),
                publication_date=datetime.date(*spec["date"]),
                isbn=spec["isbn"],
                doi=spec["doi"],
                contributing_unit=UNITS[spec["unit"]],
                coverage=COVERAGE[spec["coverage"]],
                external_link="https://betterwork.org/research-publications/",
                last_reviewed=datetime.date(*spec["date"]),
            )
            page = _publish(library, page, vocab, 100 + i, spec, spec["authors"])
            created += 1
        pages.append((page, spec))
    return pages, created


def seed_tools(library, vocab):
    pages, created = {}, 0
    for i, (key, spec) in enumerate(TOOLS.items()):
        page = GoodPracticeGuidePage.objects.child_of(library).filter(slug=spec["slug"]).first()
        if page is None:
            page = GoodPracticeGuidePage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                contributing_unit=UNITS[spec["unit"]],
                coverage=COVERAGE[spec["coverage"]],
                adapted_from=pages.get("global"),
            )
            page = _publish(library, page, vocab, 110 + i, spec)
            created += 1
        pages[key] = page
    return pages, created


def _localize_material(source, spec, code):
    """The ``code`` version of ``source`` gets its own PDF, written in that language (the
    translation starts with a copy of the English one, linked by ``material_key``)."""
    target = source.get_translation_or_none(Locale.objects.get(language_code=code))
    if target is None:
        return
    english = set(source.knowledge_materials.values_list("document_id", flat=True))
    title = TRANSLATIONS[code].get(spec["title"], spec["title"])
    summary = TRANSLATIONS[code].get(spec["summary"], spec["summary"])
    files = {}
    with translation.override(code):
        for material in target.knowledge_materials.filter(document_id__in=english):
            name = f"{source.slug[:60]}-{code}"
            files[material.pk] = (title, _document(title, [summary], name).pk)
    if files:
        _set_materials(target.pk, files, publish=False)
        transaction.on_commit(partial(_set_materials, target.pk, files, publish=True))


def seed_translations(pages):
    made = 0
    for page, spec, codes in pages:
        made += translate(
            Page.objects.get(pk=page.pk).specific, _locales(codes), memory=TRANSLATIONS
        )
        for code in codes:
            _localize_material(page, spec, code)
    return made


def seed_publications(library, vocab, stdout):
    series = seed_series()
    publications, made_publications = seed_publication_pages(library, vocab, series)
    tools, made_tools = seed_tools(library, vocab)
    Page.fix_tree(fix_paths=False)  # wagtail-localize can leave stale child counts
    translated = seed_translations(
        [(page, spec, LANGUAGES) for page, spec in publications]
        + [(tools["global"], TOOLS["global"], LANGUAGES)]
        + [(tools[key], TOOLS[key], [TOOLS[key]["language"]]) for key in ("cambodia", "vietnam")]
    )
    stdout.write(
        f"  knowledge: {made_publications} publications and {made_tools} adapted tools created, "
        f"{translated} of their translations"
    )
