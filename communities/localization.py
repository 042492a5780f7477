"""A community's name and description in the reader's language.

Editors write a community in one language (``Community.language``) and may add translations
(``CommunityTranslation``). A reader gets the translation into their language where there is
one; otherwise the original, which templates mark with its own ``lang`` (and ``dir="auto"``),
as pages that fall back to their source language are marked (``portal/localization.py``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html


@dataclass(frozen=True)
class LocalizedCommunity:
    name: str
    description: str
    name_language: str  # the language `name` is written in
    description_language: str
    reader_language: str

    @property
    def name_lang(self):
        """The name's language when it is not the reader's (for a ``lang`` attribute), or ""."""
        return "" if self.name_language == self.reader_language else self.name_language

    @property
    def description_lang(self):
        if self.description_language == self.reader_language:
            return ""
        return self.description_language

    @property
    def name_html(self):
        """The name, escaped, in a ``<span lang dir="auto">`` when it is not in the reader's
        language (for use inside a translated sentence or a link)."""
        if not self.name_lang:
            return format_html("{}", self.name)
        return format_html('<span lang="{}" dir="auto">{}</span>', self.name_lang, self.name)

    def __str__(self):
        return self.name


def reader_language(language):
    codes = dict(settings.LANGUAGES)
    if language in codes:
        return language
    base = (language or "").split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def localize(community, language):
    language = reader_language(language)
    original = community.language or settings.LANGUAGE_CODE
    translation = None
    if language != original:
        # .all() reads a prefetch when the list made one; filtering would bypass it.
        translation = next(
            (t for t in community.translations.all() if t.language == language), None
        )
    if translation is None:
        return LocalizedCommunity(
            community.name, community.description, original, original, language
        )
    if translation.description or not community.description:
        description, description_language = translation.description, language
    else:
        description, description_language = community.description, original
    return LocalizedCommunity(
        translation.name, description, language, description_language, language
    )
