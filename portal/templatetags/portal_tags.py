from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page

from ..alternates import hreflang_alternates, language_versions
from ..fragments import cached
from ..models import NavigationSettings
from ..providers import provide, resolve_sections

register = template.Library()


@register.simple_tag
def text_direction():
    return "rtl" if get_language_info(get_language() or "en")["bidi"] else "ltr"


def _language_entry(code, url, current):
    info = get_language_info(code)
    return {
        "code": code,
        "name": dict(settings.LANGUAGES)[code],
        "url": url,
        "current": code == current,
        "dir": "rtl" if info["bidi"] else "ltr",
    }


@register.inclusion_tag("portal/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it exists in (pages), or to the same URL under
    another language prefix (other views)."""
    request = context.get("request")
    current = get_language()
    if request is None:
        return {"languages": [], "current": current}
    languages = [
        _language_entry(v["code"], v["url"], current)
        for v in language_versions(request, context.get("page"))
    ]
    return {"languages": languages, "current": current}


@register.inclusion_tag("portal/includes/alternates.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language version of this page or view."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    return {"alternates": hreflang_alternates(request, context.get("page"))}


def _localized_links(stream, request):
    """Title and URL of each chosen page in the active language (the chosen page itself when it
    has no live translation), live pages only. One query for all the translations, whatever
    the number of links; links need only a title and a URL, which the base page has."""
    chosen = [block.value.get("page") for block in stream]
    chosen = [page for page in chosen if page is not None]
    if not chosen:
        return []
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=Locale.get_active(),
            translation_key__in={page.translation_key for page in chosen},
        )
    }
    links = []
    for page in chosen:
        localized = translations.get(page.translation_key, page)
        if localized.live:
            links.append({"title": localized.title, "url": localized.get_url(request)})
    return links


def _navigation_links(request):
    nav = NavigationSettings.load(request_or_site=request)
    provided = [
        {"title": str(item.title), "url": item.url}
        for item in resolve_sections(
            provide("navigation", language=get_language(), request=request),
            get_language(),
            request,
        )
    ]
    return provided + [
        link
        for link in _localized_links(nav.primary_links, request)
        if link["url"] not in {item["url"] for item in provided}
    ]


@register.inclusion_tag("portal/includes/navigation.html", takes_context=True)
def primary_navigation(context):
    """The apps' own sections first (hook ``portal_provides_navigation``), then the pages
    editors chose in the navigation settings; cached per language until the content changes."""
    request = context.get("request")
    links = cached(request, "navigation", lambda: _navigation_links(request))
    return {"links": links, "request": request}


@register.inclusion_tag("portal/includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")

    def build():
        nav = NavigationSettings.load(request_or_site=request)
        return _localized_links(nav.footer_links, request)

    return {"links": cached(request, "footer", build)}


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The home page in the active language, falling back to the default language."""
    request = context.get("request")

    def build():
        site_root = Page.objects.filter(depth=2).first()
        if site_root is None:
            return "/"
        return site_root.localized.get_url(request) or "/"

    return cached(request, "home_url", build)


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """The URL of ``page`` in the active language, else of the page itself (Wagtail's
    ``localized``): cached until the content changes, so a link block costs no Locale and no
    translation query a request."""
    request = context.get("request")
    return cached(request, "localized_url", lambda: page.localized.get_url(request) or "", page)


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """[{"title", "url"}] of the page's ancestors below the tree's root, for the breadcrumbs;
    cached until the content changes."""
    request = context.get("request")

    def build():
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors()
            if not ancestor.is_root()
        ]

    return cached(request, "ancestors", build, page, page.path)
