"""Glossary terms, their translations, labour-law references and the glossary page, made
through the models (translations with wagtail-localize, as an editor would)."""

import datetime

from wagtail.models import Locale

from knowledge.models import GlossaryPage, GlossaryTerm, LawReference
from portal.models import CompliancePoint, Country, HomePage
from tests.factories import translate


def locale(code):
    return Locale.objects.get(language_code=code)


def default_term(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def make_term(term, definition, *, slug=None, abbreviation="", synonyms="", points=()):
    row = GlossaryTerm(
        term=term,
        slug=slug or term.lower().replace(" ", "-"),
        abbreviation=abbreviation,
        synonyms=synonyms,
        definition=definition,
        locale=Locale.get_default(),
    )
    row.full_clean()
    row.save()
    row.compliance_points.set([default_term(CompliancePoint, s) for s in points])
    row.save()
    return row


def translate_term(source, code, term, definition, abbreviation=""):
    """The term in ``code`` through wagtail-localize, with its texts."""
    memory = {code: {source.term: term, source.definition: definition}}
    if source.abbreviation and abbreviation:
        memory[code][source.abbreviation] = abbreviation
    translate(source, [locale(code)], memory=memory)
    return GlossaryTerm.objects.get(translation_key=source.translation_key, locale=locale(code))


def glossary_page(code="en"):
    """The glossary page in ``code`` (made in English and translated when needed)."""
    page = GlossaryPage.objects.filter(locale__language_code=code).first()
    if page:
        return page
    english = GlossaryPage.objects.filter(locale=Locale.get_default()).first()
    if english is None:
        home = HomePage.objects.get(locale=Locale.get_default())
        english = GlossaryPage(title="Glossary", slug="glossary")
        home.add_child(instance=english)
        english.save_revision().publish()
    if code == "en":
        return english
    translate(GlossaryPage.objects.get(pk=english.pk), [locale(code)])
    page = GlossaryPage.objects.get(locale__language_code=code)
    # wagtail-localize publishes on commit, which a test's transaction never reaches.
    page.save_revision().publish()
    return page


def make_law(country, point, law="Labour Law (1997)", article="Article 137", **fields):
    fields.setdefault("summary", "Normal hours are at most eight a day and 48 a week.")
    fields.setdefault("url", "https://natlex.ilo.org/")
    fields.setdefault("date_checked", datetime.date.today() - datetime.timedelta(days=30))
    row = LawReference(
        country=default_term(Country, country),
        compliance_point=default_term(CompliancePoint, point),
        law_name=law,
        article=article,
        locale=Locale.get_default(),
        **fields,
    )
    row.full_clean()
    row.save()
    return row


def translate_law(source, code, law, article, summary):
    memory = {code: {source.law_name: law, source.article: article, source.summary: summary}}
    translate(source, [locale(code)], memory=memory)
    return LawReference.objects.get(translation_key=source.translation_key, locale=locale(code))


def assert_refused(client, url, data=None):
    """Wagtail refuses with a 403 to a script and sends a person back to the dashboard with
    its "no permission" message; neither sees the page."""
    send = client.post if data is not None else client.get
    assert send(url, data or {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    response = send(url, data or {}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "do not have permission to access this area" in response.content.decode()
