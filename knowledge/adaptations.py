"""Global tools and their country adaptations, as readers see them: read from the listing
index (``ResourceEntry.adapted_from_key``), so only live, public versions appear, each in the
reader's language where it exists (else its primary version), like the library."""

from wagtail.models import Page

from .filters import visible_entries
from .models import ResourceFacet
from .models.index import GLOBAL


def adapted_from(page, language):
    """The global tool ``page`` was adapted from as ``{id, title, url, lang}``, or None when
    there is none or it is not public. One query."""
    if not page.adapted_from_id:
        return None
    keys = Page.objects.filter(pk=page.adapted_from_id).values("translation_key")
    entry = visible_entries(language).filter(translation_key__in=keys).first()
    if entry is None:
        return None
    return {
        "id": entry.page_id,
        "title": entry.title,
        "url": entry.url,
        "lang": "" if entry.language == language else entry.language,
    }


def adaptations(page, language, country_names):
    """The public adaptations of ``page`` (any language version of it), each as ``{id, title,
    url, countries: [{slug, name, lang}]}``, ordered by their first country's name.
    ``country_names`` is ``{slug: (name, language code)}`` (``filters.taxonomy_labels``).
    Two queries."""
    entries = list(
        visible_entries(language)
        .filter(adapted_from_key=page.translation_key)
        .exclude(translation_key=page.translation_key)
        .only("page_id", "title", "url", "language")
    )
    if not entries:
        return []
    countries = {}
    rows = ResourceFacet.objects.filter(
        entry_id__in=[e.page_id for e in entries], facet="country"
    ).values_list("entry_id", "value")
    for entry_id, slug in rows:
        if slug != GLOBAL and slug in country_names:
            name, code = country_names[slug]
            countries.setdefault(entry_id, []).append(
                {"slug": slug, "name": name, "lang": "" if code == language else code}
            )
    found = []
    for entry in entries:
        names = sorted(countries.get(entry.page_id, []), key=lambda c: c["name"].lower())
        found.append(
            {
                "id": entry.page_id,
                "title": entry.title,
                "url": entry.url,
                "lang": "" if entry.language == language else entry.language,
                "countries": names,
            }
        )
    return sorted(
        found,
        key=lambda a: (
            a["countries"][0]["name"].lower() if a["countries"] else "~",
            a["title"].lower(),
        ),
    )
