"""Machine drafts are never published without a person: a translation may not be published while
any of its strings is still a machine translation (wagtail-localize records
`translation_type = machine`; editing or re-saving a string in the translation editor makes it
manual). Machine translation itself is configured by environment in settings."""

from django.db.models import Exists, OuterRef
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def translations_of(instance):
    return Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id
    )


def unreviewed_machine_strings(translation):
    """How many of `translation`'s strings are machine translations nobody has reviewed."""
    in_source = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return StringTranslation.objects.filter(
        Exists(in_source),
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).count()


def unreviewed_machine_strings_of(instance):
    if not hasattr(instance, "translation_key"):
        return 0
    return sum(unreviewed_machine_strings(t) for t in translations_of(instance))


def machine_message(count):
    """Why a translation with `count` unreviewed machine strings was not published."""
    return ngettext(
        "Not published: %(count)d machine-translated string has not been reviewed by a person. "
        "Check or edit it in the translation editor, then publish.",
        "Not published: %(count)d machine-translated strings have not been reviewed by a "
        "person. Check or edit them in the translation editor, then publish.",
        count,
    ) % {"count": count}
