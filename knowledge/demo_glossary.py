"""Demo glossary and labour-law references (run by ``knowledge.demo.seed``): the glossary page
in every language, the terms of ``demo_text.glossary`` and the references of
``demo_text.labour_law``, each translated the way an editor would with wagtail-localize.
Idempotent: what exists is left as it is."""

from wagtail.models import Locale

from portal.demo.localize import demo_locales, translate
from portal.models import CompliancePoint, Country

from .demo_text import LANGUAGES
from .demo_text.glossary import PAGE, TERMS
from .demo_text.labour_law import NATLEX, REFERENCES
from .models import GlossaryPage, GlossaryTerm, LawReference


def _memory(pairs_by_language):
    """{language: {English: translation}} from {language: [(English, translation)]}."""
    return {
        code: {en: text for en, text in pairs if en and text}
        for code, pairs in pairs_by_language.items()
    }


def seed_glossary_page(home):
    page = GlossaryPage.objects.child_of(home).first()
    if page is None:
        title, intro = PAGE["en"]
        page = GlossaryPage(title=title, slug="glossary", intro=intro)
        home.add_child(instance=page)
        page.save_revision().publish()
    memory = _memory({code: list(zip(PAGE["en"], PAGE[code], strict=True)) for code in LANGUAGES})
    return translate(GlossaryPage.objects.get(pk=page.pk), demo_locales(), memory=memory)


def seed_terms():
    default = Locale.get_default()
    points = {p.slug: p for p in CompliancePoint.objects.filter(locale=default)}
    locales = {locale.language_code: locale for locale in demo_locales()}
    made = 0
    for slug, texts in TERMS.items():
        term, abbreviation, synonyms, definition = texts["en"]
        source, created = GlossaryTerm.objects.get_or_create(
            slug=slug,
            locale=default,
            defaults={
                "term": term,
                "abbreviation": abbreviation,
                "synonyms": synonyms,
                "definition": definition,
            },
        )
        if created:
            source.compliance_points.set([points[s] for s in texts["points"] if s in points])
            source.save()
        memory = _memory(
            {
                code: list(zip(texts["en"], texts[code], strict=True))
                for code in LANGUAGES
                if code in texts
            }
        )
        wanted = [locales[code] for code in LANGUAGES if code in texts and code in locales]
        new = translate(source, wanted, memory=memory)
        if new:
            # A language without an abbreviation or synonyms for the term has none (the
            # translation memory cannot say "empty").
            for code in LANGUAGES:
                if code in texts and code in locales:
                    term, abbreviation, synonyms, definition = texts[code]
                    GlossaryTerm.objects.filter(
                        translation_key=source.translation_key, locale=locales[code]
                    ).update(abbreviation=abbreviation, synonyms=synonyms)
        made += int(created) + new
    return made


def seed_law():
    default = Locale.get_default()
    countries = {c.slug: c for c in Country.objects.filter(locale=default)}
    points = {p.slug: p for p in CompliancePoint.objects.filter(locale=default)}
    locales = {locale.language_code: locale for locale in demo_locales()}
    made = 0
    for order, (country, point, law, article, summary, checked, translations) in enumerate(
        REFERENCES
    ):
        if country not in countries or point not in points:
            continue
        source, created = LawReference.objects.get_or_create(
            locale=default,
            country=countries[country],
            compliance_point=points[point],
            law_name=law,
            article=article,
            defaults={
                "summary": summary,
                "url": NATLEX,
                "date_checked": checked,
                "sort_order": order,
            },
        )
        memory = _memory(
            {
                code: list(zip((law, article, summary), texts, strict=True))
                for code, texts in translations.items()
            }
        )
        wanted = [locales[code] for code in translations if code in locales]
        made += int(created) + translate(source, wanted, memory=memory)
    return made


def seed(home, stdout):
    pages = seed_glossary_page(home)
    terms = seed_terms()
    references = seed_law()
    stdout.write(
        f"  knowledge: glossary ({pages} page translations, {terms} terms and translations), "
        f"{references} labour-law references and translations"
    )
