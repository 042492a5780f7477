"""The library listing's and resource pages' context and a resource's download routes (called
from the page models)."""

from django.conf import settings
from django.db.models import CharField, QuerySet, Value
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import formatting
from portal.cache_versions import CONTENT, RESOURCE_INDEX
from portal.components import Card, Download, LanguageLink
from portal.facets import facet_list, filter_panel
from portal.fragments import cached, is_public, locale_codes, restricted_paths
from portal.localization import cached_page_fallback
from portal.storage import private_storage

from .adaptations import adaptations, adapted_from
from .bundles import bundle_status
from .downloads import record_download
from .filters import ResourceFilter, languages_for, taxonomy_labels
from .indexing import TAXONOMY_FACETS
from .models import Material, ResourceEntry, ResourceLibraryPage, resource_type_choices
from .models.index import GLOBAL

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


def _page_of_results(request, filterset, page_obj):
    """The entries of one page of results and their language versions: cached under the
    library's index version (every change to the index bumps it), except in the "most
    downloaded" order, which each download changes without touching the index."""

    def build():
        entries = list(page_obj.object_list)
        return entries, languages_for(entries)

    if filterset.sort_key == "downloads":
        return build()
    return cached(
        request,
        "knowledge:library-page",
        build,
        filterset.selection_digest(),
        filterset.sort_key,
        page_obj.number,
        kinds=(RESOURCE_INDEX,),
    )


def library_context(page, request):
    language = locale_codes(request)[page.locale_id]
    filterset = ResourceFilter(request.GET or None, language=language, request=request)
    paginator = filterset.paginator(PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    entries, versions = _page_of_results(request, filterset, page_obj)
    types = {value: str(label) for value, label in resource_type_choices()}
    names = {code: str(language_name(code)) for code, _name in settings.LANGUAGES}  # once each
    cards = [
        Card(
            title=entry.title,
            url=entry.url,
            summary=entry.summary,
            language=entry.language,
            kicker=types.get(entry.resource_type, entry.resource_type),
            versions=[
                LanguageLink(code, names.get(code, code), url, current=code == entry.language)
                for code, url in versions.get(entry.translation_key, [])
            ],
            css="resource-card",
        )
        for entry in entries
    ]
    return {
        "filter": filterset,
        **filter_panel(facet_list(filterset.facets()), request.GET),
        "invalid_fields": filterset.invalid_fields(),
        "page_obj": page_obj,
        "cards": cards,
        "result_count": paginator.count,
    }


def _page_term_slugs(page):
    """{facet: [slug]} of the page's taxonomy terms: one query for all five taxonomies (one
    each for a preview's unsaved choices)."""
    per_facet = {facet: getattr(page, field).order_by() for facet, field in TAXONOMY_FACETS.items()}
    slugs = {facet: [] for facet in per_facet}
    if all(isinstance(qs, QuerySet) for qs in per_facet.values()):
        labelled = [
            qs.annotate(facet=Value(facet, output_field=CharField())).values_list("facet", "slug")
            for facet, qs in per_facet.items()
        ]
        rows = labelled[0].union(*labelled[1:], all=True)
    else:
        rows = [(facet, term.slug) for facet, qs in per_facet.items() for term in qs]
    for facet, slug in rows:
        slugs[facet].append(slug)
    return slugs


def _term_links(page, language, labels, library_url, page_slugs):
    """[(label, [{"name", "slug", "facet", "url", "lang"}])] for each taxonomy the page has:
    the name in the reader's language, else the default language's (then marked with its
    ``lang``), each linking to the library filtered by that term. ``labels`` are
    ``taxonomy_labels``, ``page_slugs`` the page's ``_page_term_slugs``."""
    terms = []
    for facet, field in TAXONOMY_FACETS.items():
        model = page._meta.get_field(field).related_model
        known = labels[facet]
        names = {slug: known[slug] for slug in page_slugs[facet] if slug in known}
        links = [
            {
                "name": name,
                "slug": slug,
                "facet": facet,
                "url": f"{library_url}?{urlencode({facet: slug})}" if library_url else "",
                "lang": "" if code == language else code,
            }
            for slug, (name, code) in sorted(names.items(), key=lambda i: i[1][0].lower())
        ]
        if facet == "country" and not links:
            links = [
                {
                    "name": _("Global (all countries)"),
                    "url": f"{library_url}?country={GLOBAL}" if library_url else "",
                    "lang": "",
                    "global": True,
                }
            ]
        if links:
            terms.append((model._meta.verbose_name_plural, links))
    return terms


def _bundle(page, materials, request, base_url):
    """The "download all" ZIP: URL, number of files and their total size (the ZIP is about as
    big: PDFs and Office files hardly compress). One more query for a programme's modules."""
    pages = [p for p in page.bundle_pages() if p.pk != page.pk]
    files = list(materials)
    if pages:
        files += list(
            Material.objects.filter(page__in=[p.pk for p in pages]).select_related("document")
        )
    if not files:
        return None
    sizes = [_size(m.document) for m in files]
    return {
        "url": f"{base_url}bundle/",
        "count": len(files),
        "size": sum(size or 0 for size in sizes),
    }


def _public_translations(page, request):
    """[{"pk", "code", "url"}] of the page's other live versions a reader without an account
    can open, by locale; cached until the content changes."""

    def build():
        restricted = restricted_paths(request)
        translations = page.get_translations().live().select_related("locale")
        return [
            {"pk": t.pk, "code": t.locale.language_code, "url": t.get_url(request)}
            for t in translations.order_by("locale_id")
            if is_public(t.path, restricted)
        ]

    return cached(request, "knowledge_translations", build, page)


def resource_context(page, request):
    """Materials with sizes and counts, translations, taxonomy links and the bundle in one fixed
    set of queries, whatever the number of materials."""
    language = locale_codes(request).get(page.locale_id) or get_language()
    materials = page.materials_with_stats()
    translations = _public_translations(page, request)
    others = {}
    if materials and translations:
        rows = Material.objects.filter(
            material_key__in=[m.material_key for m in materials],
            page__in=[t["pk"] for t in translations],
        ).values_list("material_key", "page_id", "pk")
        by_page = {t["pk"]: t for t in translations}
        for key, page_id, pk in rows:
            translation = by_page[page_id]
            others.setdefault(key, []).append(
                {
                    "name": language_name(translation["code"]),
                    "code": translation["code"],
                    "url": f"{translation['url']}download/{pk}/",
                }
            )
    base_url = page.get_url(request)
    for material in materials:
        material.download_url = f"{base_url}download/{material.pk}/"
        material.download_count = getattr(getattr(material, "stats", None), "count", 0)
        material.other_languages = others.get(material.material_key, [])
        material.size = _size(material.document)
        material.language = language
        material.language_name = language_name(language)
    try:
        entry = page.resource_entry
        downloads = entry.downloads
    except ResourceEntry.DoesNotExist:
        downloads = 0

    def find_library_url():
        library = ResourceLibraryPage.objects.live().filter(locale_id=page.locale_id).first()
        return library.get_url(request) if library else ""

    library_url = cached(request, "knowledge_library_url", find_library_url, page.locale_id)
    order = [code for code, _n in settings.LANGUAGES]
    own = {"pk": page.pk, "code": language, "url": page.get_url(request)}
    versions = sorted(
        [own, *translations],
        key=lambda v: order.index(v["code"]) if v["code"] in order else 99,
    )
    fallback = cached_page_fallback(request, page, [f for f in FALLBACK_FIELDS if hasattr(page, f)])
    _mark_untranslated_labels(materials, fallback)
    labels = taxonomy_labels(request, language)
    return {
        "materials": materials,
        "downloads": [_download(material) for material in materials],
        "translations": [
            {"name": language_name(t["code"]), "code": t["code"], "url": t["url"]}
            for t in translations
        ],
        "language_versions": [
            {
                "name": language_name(version["code"]),
                "code": version["code"],
                "url": version["url"],
                "current": version["pk"] == page.pk,
            }
            for version in versions
        ],
        "terms": _term_links(
            page,
            language,
            labels,
            library_url,
            cached(request, "knowledge_term_slugs", lambda: _page_term_slugs(page), page),
        ),
        "library_url": library_url,
        "type_url": f"{library_url}?{urlencode({'type': page.resource_type})}"
        if library_url
        else "",
        "resource_downloads": downloads,
        # Read from the library's index: kept until it (or the content: the countries' names)
        # changes.
        "adapted_from": cached(
            request,
            "knowledge_adapted_from",
            lambda: adapted_from(page, language),
            page,
            language,
            kinds=(CONTENT, RESOURCE_INDEX),
        ),
        "adaptations": cached(
            request,
            "knowledge_adaptations",
            lambda: adaptations(page, language, labels["country"]),
            page,
            language,
            kinds=(CONTENT, RESOURCE_INDEX),
        ),
        "bundle": _bundle(page, materials, request, base_url),
        "fallback": fallback,
        "fallback_versions": [
            {"name": language_name(t["code"]), "code": t["code"], "url": t["url"]}
            for t in translations
            if t["code"] == fallback.language
        ],
    }


def _download(material):
    size = filesizeformat(material.size) if material.size is not None else "—"
    return Download(
        url=material.download_url,
        label=material.label,
        label_language=material.label_lang,
        file_format=material.extension or "?",
        facts=[
            (_("Type"), material.get_kind_display()),
            (_("Language"), material.language_name),
            (_("Size"), formatting.digits(size)),
            (_("Downloads"), formatting.format_number(material.download_count)),
        ],
        also=[LanguageLink(o["code"], o["name"], o["url"]) for o in material.other_languages],
    )


def _mark_untranslated_labels(materials, fallback):
    """``material.label_lang``: the source's language when the label is still the source
    page's label for the same material ("" otherwise). One query on a translated page."""
    for material in materials:
        material.label_lang = ""
    if not materials or fallback.source is None:
        return
    rows = Material.objects.filter(
        page_id=fallback.source.pk, material_key__in=[m.material_key for m in materials]
    ).values_list("material_key", "title", "document__title")
    source_labels = {key: title or document_title for key, title, document_title in rows}
    for material in materials:
        if material.label and source_labels.get(material.material_key) == material.label:
            material.label_lang = fallback.language


# Fields of a resource page whose untranslated text is marked with the source's language.
FALLBACK_FIELDS = [
    "title",
    "summary",
    "intro",
    "body",
    "policy_text",
    "learning_objectives",
    "steps",
    "contributing_unit",
    "coverage",
    "citation_override",
]


def download(request, page, material_id):
    """A material's file, counted as a download of the material and of its resource."""
    material = get_object_or_404(
        Material.objects.select_related("document"), page=page, pk=material_id
    )
    record_download(page, material)
    document = material.document
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(handle, as_attachment=True, filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    return response


def bundle(request, page):
    """The "download all" ZIP when it is built, else a "being prepared" page (202)."""
    status, name = bundle_status(page)
    if status == "empty":
        raise Http404("This resource has no materials.")
    if status == "ready":
        response = FileResponse(
            private_storage().open(name, "rb"),
            as_attachment=True,
            filename=f"{page.slug}-{get_language()}.zip",
        )
        response["Cache-Control"] = "private, no-store"
        return response
    return TemplateResponse(request, "knowledge/bundle_preparing.html", {"page": page}, status=202)
