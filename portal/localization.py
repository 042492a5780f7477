"""Which parts of a page still show the text of the language it was translated from.

wagtail-localize saves a translation with every segment nobody has translated yet left in the
source language ("fallback"). A Khmer page made from an English one can therefore be partly or
wholly English. Templates mark such fields with the source's ``lang`` and say "Not yet available
in your language.", offering the language versions the text exists in.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language_from_path
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from . import fragments


@dataclass
class Fallback:
    """``language``: code of the language the untranslated fields are in ("" when none are);
    ``fields``: names of the fields that still hold the source text;
    ``complete``: True when every compared field is untranslated (the page is all in
    ``language``)."""

    language: str = ""
    fields: set = field(default_factory=set)
    complete: bool = False
    source: object = None  # the page the untranslated text comes from (for a link to it)

    def __bool__(self):
        return bool(self.fields)

    @property
    def langs(self):
        """{field name: source language} for the untranslated fields (for templates:
        ``{% if fallback.langs.title %} lang="{{ fallback.langs.title }}"{% endif %}``)."""
        return dict.fromkeys(self.fields, self.language)

    @property
    def language_name(self):
        return settings.LANGUAGE_NAMES_TRANSLATED.get(self.language, self.language)


def _comparable(value):
    raw = getattr(value, "raw_data", None)  # StreamField: compare the stored blocks
    if raw is not None:
        return [(block.get("type"), block.get("value")) for block in raw]
    return value


def cached_page_fallback(request, page, fields):
    """``page_fallback``, cached until the content changes (a preview computes its own)."""
    fields = list(fields)
    return fragments.cached(
        request, "page_fallback", lambda: page_fallback(page, fields), page, fields
    )


def page_fallback(page, fields):
    """A ``Fallback`` for the translated `page`: which of `fields` equal the source page's.
    Two queries when the page is a translation, one when it is not."""
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale_id
        )
        .select_related("source__locale")
        .first()
    )
    if translation is None or translation.source.locale_id == page.locale_id:
        return Fallback()
    model = type(page) if isinstance(page, Page) else Page
    source = (
        model.objects.filter(
            translation_key=page.translation_key, locale_id=translation.source.locale_id
        )
        .only(*fields, "url_path", "locale_id")
        .first()
    )
    if source is None:
        return Fallback()
    same = set()
    for name in fields:
        mine, theirs = getattr(page, name, None), getattr(source, name, None)
        if mine and _comparable(mine) == _comparable(theirs):
            same.add(name)
    present = {name for name in fields if getattr(page, name, None)}
    return Fallback(
        language=translation.source.locale.language_code,
        fields=same,
        complete=bool(same) and same == present,
        source=source,
    )


def versions_elsewhere(request):
    """For a page path that found nothing in the request's language: (language code, [live,
    public versions of the page at that path in the other languages' trees]). The page is
    matched by its path under each language's home page, then by its ``translation_key`` (so
    versions whose slug was translated are found too). ("", []) when there is none.
    Three queries (four with a page found)."""
    language = get_language_from_path(request.path_info)
    if not language:
        return "", []
    rest = request.path_info[len(language) + 2 :]
    if rest and not rest.endswith("/"):
        rest += "/"
    site = Site.find_for_request(request)
    if site is None:
        return language, []
    roots = Page.objects.filter(translation_key=site.root_page.translation_key).only("url_path")
    found = (
        Page.objects.live()
        .public()
        .filter(url_path__in=[root.url_path + rest for root in roots])
        .values_list("translation_key", flat=True)
    )
    keys = set(found)
    if not keys:
        return language, []
    versions = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("locale_id")
    )
    return language, list(versions)
