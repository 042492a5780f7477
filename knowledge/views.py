"""Context for the library listing and resource pages (called from the page models)."""

from django.conf import settings
from django.utils.translation import get_language

from portal.facets import chips, facet_list

from .filters import ResourceFilter, languages_for, reader_locales, taxonomy_choices
from .indexing import TAXONOMY_FACETS
from .models import Material, ResourceEntry, resource_type_choices

PAGE_SIZE = 12


def language_name(code):
    return settings.LANGUAGE_NAMES_TRANSLATED.get(code, code)


def _size(document):
    """The stored size, or the file's (without saving it: no query per material)."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (FileNotFoundError, OSError):
        return None


def library_context(page, request):
    language = page.locale.language_code
    filterset = ResourceFilter(request.GET or None, language=language)
    paginator = filterset.paginator(PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    entries = list(page_obj.object_list)
    versions = languages_for(entries)
    types = dict(resource_type_choices())
    items = []
    for entry in entries:
        items.append(
            {
                "entry": entry,
                "type_label": types.get(entry.resource_type, entry.resource_type),
                "in_reader_language": entry.language == language,
                "versions": [
                    {
                        "code": code,
                        "name": language_name(code),
                        "url": url,
                        "current": code == entry.language,
                    }
                    for code, url in versions.get(entry.translation_key, [])
                ],
            }
        )
    facets = facet_list(filterset.facets())
    return {
        "filter": filterset,
        "facets": facets,
        "chips": chips(facets, request.GET),
        "selected_count": sum(len(facet.selected) for facet in facets),
        "invalid_fields": filterset.invalid_fields(),
        "page_obj": page_obj,
        "items": items,
        "result_count": paginator.count,
    }


def resource_context(page, request):
    """Materials with sizes and counts, translations, and taxonomy labels in one fixed set of
    queries, whatever the number of materials."""
    language = page.locale.language_code or get_language()
    materials = page.materials_with_stats()
    translations = list(
        page.get_translations().live().public().select_related("locale").order_by("locale_id")
    )
    others = {}
    if materials and translations:
        rows = Material.objects.filter(
            material_key__in=[m.material_key for m in materials],
            page__in=[t.pk for t in translations],
        ).values_list("material_key", "page_id", "pk")
        by_page = {t.pk: t for t in translations}
        for key, page_id, pk in rows:
            translation = by_page[page_id]
            others.setdefault(key, []).append(
                {
                    "name": language_name(translation.locale.language_code),
                    "code": translation.locale.language_code,
                    "url": f"{translation.get_url(request)}download/{pk}/",
                }
            )
    base_url = page.get_url(request)
    for material in materials:
        material.download_url = f"{base_url}download/{material.pk}/"
        material.download_count = getattr(getattr(material, "stats", None), "count", 0)
        material.other_languages = others.get(material.material_key, [])
        material.size = _size(material.document)
    try:
        entry = page.resource_entry
        downloads = entry.downloads
    except ResourceEntry.DoesNotExist:
        downloads = 0
    locales = reader_locales(language)
    terms = []
    for field in TAXONOMY_FACETS.values():
        model = page._meta.get_field(field).related_model
        slugs = set(getattr(page, field).values_list("slug", flat=True))
        names = [name for slug, name in taxonomy_choices(model, language, locales) if slug in slugs]
        if names:
            terms.append((model._meta.verbose_name_plural, names))
    return {
        "materials": materials,
        "translations": [
            {
                "name": language_name(t.locale.language_code),
                "code": t.locale.language_code,
                "url": t.get_url(request),
            }
            for t in translations
        ],
        "terms": terms,
        "resource_downloads": downloads,
        "bundle_url": f"{base_url}bundle/"
        if materials or page.resource_type == "training-programme"
        else "",
    }
