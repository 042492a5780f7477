"""One-way doors for content the portal shows but other apps own.

The portal's blocks ask for "featured resources" or "latest discussions" by name; the app that
owns that content registers a Wagtail hook ``portal_provides_<name>`` returning a list of
``ProvidedItem``. The portal never imports those apps.
"""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant


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


def section_link(page_model, language, request=None):
    """The live page of `page_model` in `language` (else in the default language) as a
    navigation item; an empty list when the site has none. One query for both languages."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    pages = list(
        page_model.objects.live()
        .filter(locale__language_code__in={language, default})
        .select_related("locale")
    )
    page = next((p for p in pages if p.locale.language_code == language), None) or next(
        (p for p in pages if p.locale.language_code == default), None
    )
    return [ProvidedItem(title=page.title, url=page.get_url(request))] if page else []
