"""One sitemap per language (``/sitemap-<lang>.xml``) under an index (``/sitemap.xml``).

Each lists the live, public pages of that language's tree (Wagtail's ``live().public()``: no
drafts, nothing under a view restriction, so no private or members-only page), each with its
other language versions as ``<xhtml:link rel="alternate" hreflang>``, then the portal's own
listings that are not pages (the communities index) in that language. Site search is left
out: result pages are not content. A fixed number of queries per language, whatever the
number of pages.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# URL names of public app listings (not Wagtail pages) that belong in every language's sitemap.
APP_LISTINGS = ["communities:list"]


class LanguageSitemap(Sitemap):
    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    @property
    def _pages_by_key(self):
        """{translation_key: {language code: Page}} for every live public page of the site, in
        every language. Three queries per request (the site's home pages, the pages, and
        Wagtail's list of view restrictions), shared by the languages' sitemaps."""
        cached = getattr(self.request, "_portal_sitemap_pages", None)
        if cached is None:
            cached = self._load_pages()
            self.request._portal_sitemap_pages = cached
        return cached

    def _load_pages(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        query = Page.objects.none()
        for root in roots:
            query |= Page.objects.descendant_of(root, inclusive=True)
        pages = (
            query.live()
            .public()
            .select_related("locale")
            .only(
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
            .order_by("path")
        )
        by_key = {}
        for page in pages:
            by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return by_key

    def get_latest_lastmod(self):
        dates = [item.last_published_at for item in self.items() if isinstance(item, Page)]
        dates = [date for date in dates if date is not None]
        return max(dates) if dates else None

    def items(self):
        pages = [
            versions[self.language]
            for versions in self._pages_by_key.values()
            if self.language in versions
        ]
        return sorted(pages, key=lambda page: page.path) + APP_LISTINGS

    def _absolute(self, url):
        return self.request.build_absolute_uri(url)

    def _page_url(self, page):
        url = page.get_url(self.request)
        return self._absolute(url) if url else None

    def _page_entry(self, page):
        location = self._page_url(page)
        if location is None:
            return None
        order = [code for code, _name in settings.LANGUAGES]
        versions = self._pages_by_key.get(page.translation_key, {})
        alternates = [
            {"lang_code": code, "location": self._page_url(versions[code])}
            for code in order
            if code in versions
        ]
        default = versions.get(settings.LANGUAGE_CODE)
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": self._page_url(default)})
        return {
            "item": page,
            "location": location,
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "alternates": [a for a in alternates if a["location"]],
        }

    def _listing_entry(self, name):
        def url_in(code):
            with translation.override(code):
                return self._absolute(reverse(name))

        alternates = [
            {"lang_code": code, "location": url_in(code)} for code, _name in settings.LANGUAGES
        ]
        alternates.append({"lang_code": "x-default", "location": url_in(settings.LANGUAGE_CODE)})
        return {"item": name, "location": url_in(self.language), "alternates": alternates}

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            entry = self._page_entry(item) if isinstance(item, Page) else self._listing_entry(item)
            if entry is not None:
                urls.append(entry)
        return urls


def language_sitemaps(request):
    """{language code: its sitemap} for Django's sitemap views (section = language code)."""
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}
