"""The options of site search's facets (``portal.facets.Option``), from the counts: most
results first, options without results left out unless chosen."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.facets import Option

from . import taxonomy
from .filters import DISCUSSION


def type_options(type_counts, thread_count, filters, page_types):
    """``type_counts``: {content type id: n}; ``page_types``: {model name: (type, model)}."""
    options = [
        Option.of(name, model._meta.verbose_name, type_counts.get(ct.pk, 0), filters.type)
        for name, (ct, model) in page_types.items()
    ]
    options.append(Option.of(DISCUSSION, _("discussion"), thread_count, filters.type))
    return _by_count(options)


def language_options(language_counts, filters, locales):
    """``language_counts``: {locale id: n}; ``locales``: {language code: locale}."""
    names = dict(settings.LANGUAGES)
    return _by_count(
        [
            Option.of(
                code, names.get(code, code), language_counts.get(locale.pk, 0), filters.language
            )
            for code, locale in locales.items()
        ]
    )


def taxonomy_options(facet, counts, filters, language, request=None):
    """``counts``: {slug: n}; labels in the reader's ``language``, else the default one's
    (cached per language and content version with a ``request``)."""
    selected = getattr(filters, facet)
    slugs = {slug for slug, n in counts.items() if n} | set(selected)
    if not slugs:
        return []
    names = taxonomy.labels_with_languages(facet, slugs, language, request)
    # A selected slug that names no term (a typo, a hostile value) is not echoed back.
    slugs = {slug for slug in slugs if counts.get(slug) or slug in names}
    options = []
    for slug in slugs:
        name, code = names.get(slug, (slug, language))
        lang = "" if code == language else code  # a name in the default language
        options.append(Option.of(slug, name, counts.get(slug, 0), selected, lang))
    return _by_count(options)


def _by_count(options):
    """The options shown, most results first."""
    shown = [option for option in options if option.shown]
    return sorted(shown, key=lambda option: (-option.count, option.label.lower()))
