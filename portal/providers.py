"""One-way doors for content the portal shows but other apps own.

The portal's blocks ask for "featured resources" or "latest discussions" by name; the app that
owns that content registers a Wagtail hook ``portal_provides_<name>`` returning a list of
``ProvidedItem``. The portal never imports those apps.
"""

from dataclasses import dataclass, field

from wagtail import hooks


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
    navigation item; an empty list when the site has none."""
    from wagtail.models import Locale

    pages = page_model.objects.live()
    page = pages.filter(locale__language_code=language).first()
    page = page or pages.filter(locale=Locale.get_default()).first()
    return [ProvidedItem(title=page.title, url=page.get_url(request))] if page else []
