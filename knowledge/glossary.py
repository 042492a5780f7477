"""The glossary as readers get it: each language's terms (with the default language's for
terms not translated yet), sorted by that language's collation (ICU, through PyICU), cached
until the content changes, and searched on the server."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.fragments import cached, per_request
from portal.icu_tools import collator
from portal.text import fold_latin_diacritics

from .models import GlossaryPage, GlossaryTerm
from .models.glossary import MAX_QUERY_LENGTH


@dataclass(frozen=True)
class Entry:
    """One glossary term as shown to readers (plain data: it is cached)."""

    slug: str
    term: str
    abbreviation: str
    synonyms: tuple[str, ...]
    definition: str
    language: str  # the language the text is in (the default one for an untranslated term)
    fallback: bool  # True when not translated into the reader's language yet
    compliance_points: tuple[tuple[str, str], ...] = field(default=())  # (slug, name)

    @property
    def anchor(self):
        return f"term-{self.slug}"

    def forms(self):
        return [f for f in (self.term, self.abbreviation, *self.synonyms) if f.strip()]


def sort_entries(entries, language):
    key = collator(language or "en").getSortKey
    return sorted(entries, key=lambda entry: (key(entry.term), entry.slug))


def _point_names(point_ids, locale):
    """{default-locale compliance point id: (slug, name in ``locale``, else default)}."""
    from portal.models import CompliancePoint

    points = list(CompliancePoint.objects.filter(pk__in=point_ids))
    names = {}
    if locale is not None:
        names = dict(
            CompliancePoint.objects.filter(
                locale=locale, translation_key__in=[p.translation_key for p in points]
            ).values_list("translation_key", "name")
        )
    return {p.pk: (p.slug, names.get(p.translation_key, p.name)) for p in points}


def build_entries(language, include_fallback=True):
    """The glossary in ``language``, collated; three queries."""
    default = settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    codes = {language, default} if include_fallback else {language}
    rows = list(
        GlossaryTerm.objects.filter(locale__language_code__in=codes)
        .select_related("locale")
        .prefetch_related("compliance_points")
    )
    own = {row.translation_key for row in rows if row.locale.language_code == language}
    chosen = [
        row
        for row in rows
        if row.locale.language_code == language or row.translation_key not in own
    ]
    point_ids = {point.pk for row in chosen for point in row.compliance_points.all()}
    names = _point_names(point_ids, locale) if point_ids else {}
    entries = [
        Entry(
            slug=row.slug,
            term=row.term,
            abbreviation=row.abbreviation,
            synonyms=tuple(row.synonym_list),
            definition=row.definition,
            language=row.locale.language_code,
            fallback=row.locale.language_code != language,
            compliance_points=tuple(
                names[p.pk]
                for p in sorted(row.compliance_points.all(), key=lambda p: (p.sort_order, p.pk))
                if p.pk in names
            ),
        )
        for row in chosen
    ]
    return sort_entries(entries, language)


def entries_for(language, request=None):
    """``build_entries(language)``, cached per language until the content changes."""
    return per_request(
        request,
        f"glossary_{language}",
        lambda: cached(request, "knowledge_glossary", lambda: build_entries(language), language),
    )


def glossary_url(language, request=None):
    """The live glossary page's URL in ``language`` (else the default language's), or ""."""

    def find():
        pages = GlossaryPage.objects.live().public()
        page = (
            pages.filter(locale__language_code=language).first()
            or pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )
        return page.get_url(request) if page else ""

    return per_request(
        request,
        f"glossary_url_{language}",
        lambda: cached(request, "knowledge_glossary_url", find, language),
    )


class QueryError(ValueError):
    pass


def clean_query(raw):
    """The search text from ``?q=`` (stripped), or QueryError with a message for the reader."""
    text = (raw or "").strip()
    if "\x00" in text:
        raise QueryError(_("The search text contains a character that cannot be searched."))
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("The search text is too long: use at most %(max)d characters.")
            % {"max": MAX_QUERY_LENGTH}
        )
    return text


def search(entries, text):
    """The entries whose term, abbreviation, synonyms or definition contain ``text``, ignoring
    case and Latin accents ("viec" finds "việc"); matches in a term come first."""
    if not text:
        return list(entries)
    folded = _fold(text)
    in_name, in_definition = [], []
    for entry in entries:
        if any(folded in _fold(form) for form in entry.forms()):
            in_name.append(entry)
        elif folded in _fold(entry.definition):
            in_definition.append(entry)
    return in_name + in_definition


def _fold(text):
    """Lower case without Latin accents, for substring search."""
    return fold_latin_diacritics(text).casefold()
