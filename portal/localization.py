"""Which parts of a page still show the text of the language it was translated from.

wagtail-localize saves a translation with every segment nobody has translated yet left in the
source language ("fallback"). A Khmer page made from an English one can therefore be partly or
wholly English. Templates mark such fields with the source's ``lang`` and say "Not yet available
in your language.", offering the language versions the text exists in.
"""

from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail_localize.models import Translation


@dataclass
class Fallback:
    """``language``: code of the language the untranslated fields are in ("" when none are);
    ``fields``: names of the fields that still hold the source text;
    ``complete``: True when every compared field is untranslated (the page is all in
    ``language``)."""

    language: str = ""
    fields: set = field(default_factory=set)
    complete: bool = False

    def __bool__(self):
        return bool(self.fields)

    @property
    def langs(self):
        """{field name: source language} for the untranslated fields (for templates:
        ``{% if fallback.langs.title %} lang="{{ fallback.langs.title }}"{% endif %}``)."""
        return dict.fromkeys(self.fields, self.language)


def _comparable(value):
    raw = getattr(value, "raw_data", None)  # StreamField: compare the stored blocks
    if raw is not None:
        return [(block.get("type"), block.get("value")) for block in raw]
    return value


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
        .only(*fields)
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
    )
