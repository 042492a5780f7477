"""Translations the way an editor makes them in wagtail-localize: a translation source, known
strings as translation memory, then the target saved (and, for pages, published on commit).
The translation memory is the baseline's (tests/baseline_data.py) plus what a test adds; strings
it does not know keep their source text."""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.baseline_data import memory as baseline_memory


def other_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


@transaction.atomic
def translate(instance, locales=None, memory=None):
    """Translate ``instance`` into each of ``locales`` (default: every other one) it is not yet
    in; ``memory`` ({language: {source text: translation}}) adds to the baseline's translation
    memory. Returns how many were made."""
    locales = other_locales() if locales is None else locales
    existing = set(instance.get_translations().values_list("locale_id", flat=True))
    missing = [locale for locale in locales if locale.pk not in existing]
    if not missing:
        return 0
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in missing:
        known = {
            **baseline_memory().get(locale.language_code, {}),
            **(memory or {}).get(locale.language_code, {}),
        }
        for segment in segments:
            text = known.get(segment.string.data)
            if text:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text},
                )
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(publish=True)
    return len(missing)
