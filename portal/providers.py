"""One-way doors for content the portal shows but other apps own.

The portal's blocks ask for "featured resources" or "latest discussions" by name; the app that
owns that content registers a Wagtail hook ``portal_provides_<name>`` returning a list of
``ProvidedItem``. The portal never imports those apps.
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


@dataclass(frozen=True)
class ProvidedItem:
    title: str
    url: str
    summary: str = ""
    meta: list[str] = field(default_factory=list)
    language: str = ""


def provide(name, **context):
    items = []
    for provider in hooks.get_hooks(f"portal_provides_{name}"):
        items.extend(provider(**context))
    return items


@dataclass(frozen=True)
class SectionLink:
    """A navigation entry for an app's section page (its library, its glossary …), resolved
    with every other section of the menu in one query by ``resolve_sections``."""

    page_model: type


def section_link(page_model):
    """A navigation entry for the live page of ``page_model``, resolved with the menu's other
    sections by ``resolve_sections`` (in the reader's language, else the default one; nothing
    when the site has none)."""
    return [SectionLink(page_model)]


def resolve_sections(items, language, request=None):
    """``items`` with each ``SectionLink`` replaced by its page (in ``language``, else in the
    default language) or dropped when the site has none: one query for every section."""
    models = [item.page_model for item in items if isinstance(item, SectionLink)]
    if not models:
        return items
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    pages = (
        Page.objects.live()
        .type(*models)
        .filter(locale__language_code__in={language, default})
        .select_related("locale")
        .order_by("path")
    )
    found = {}  # (model, language code) -> the first such page in the tree
    for page in pages:
        for model in models:
            if issubclass(page.specific_class, model):
                found.setdefault((model, page.locale.language_code), page)
    resolved = []
    for item in items:
        if not isinstance(item, SectionLink):
            resolved.append(item)
            continue
        model = item.page_model
        page = found.get((model, language)) or found.get((model, default))
        if page is not None:
            resolved.append(ProvidedItem(title=page.title, url=page.get_url(request)))
    return resolved
