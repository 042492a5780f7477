"""Wagtail's content API (``wagtail.api.v2``, the stable one) at ``/api/v2/pages/``,
``/api/v2/images/`` and ``/api/v2/documents/``, plus ``/api/v2/page_preview/`` for a headless
front end's preview (``portal.headless``). docs/api.md describes it for front ends.

What the portal changes in Wagtail's endpoints:

- **Public only.** Pages: live and public, for everybody (``Page.objects.live().public()``:
  a page under any view restriction, login, groups or password, is never listed, found or
  readable through the API, even for a signed-in reader who may see it on the site; no session
  or password authentication is read at all). Documents: those an anonymous reader can
  download on the site: not in a collection under a view restriction and, when the document
  is a resource's material, used by at least one live, public page (the rule of
  ``knowledge.downloads.document_access``, through the ``portal_api_public_documents`` hook).
  Images: not in a collection under a view restriction.
- **Errors** have the portal's JSON shape (``portal.api_errors``): ``{"error", "code"}``; the
  messages of a 400 are English, like Wagtail's own (``limit cannot be higher than 50``).
- **URLs** are paths (``/api/v2/pages/3/``, ``/fr/about/``), or absolute on
  ``WAGTAILAPI_BASE_URL`` when that is set; ``find/?html_path=/fr/resources/`` understands
  the language prefix; a document's
  ``download_url`` is the portal's serve view (``/documents/<id>/<file>``, permission-checked);
  an image's ``download_url`` is a public rendition (originals are private, portal.storage).
- JSON only (no browsable API), whatever the ``Accept`` header says.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.urls import include, path
from rest_framework.exceptions import APIException
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from taggit.managers import _TaggableManager
from wagtail import hooks
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer, TagsField
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import SourceImageIOError
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    Site,
)
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .api_errors import error_body
from .api_fields import WholeObjectField
from .headless import page_from_preview_token

IMAGE_RENDITION = "max-1600x1600"  # the image API's download_url
MAX_OFFSET = 10**9
DIGITS = re.compile(r"[0-9]+")


class JSONOnly(BaseContentNegotiation):
    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if DIGITS.fullmatch(offset) and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PortalAPIMixin:
    """Public reads, JSON only, the portal's error shape."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes = []  # public content only: no session, no Basic authentication
    permission_classes = [AllowAny]
    pagination_class = Pagination

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            status, message = 404, None
        elif isinstance(exc, BadRequestError):
            status, message = 400, str(exc)
        elif isinstance(exc, APIException):
            status, message = exc.status_code, None
        else:
            raise exc
        response = Response(error_body(status, message), status=status)
        if getattr(exc, "wait", None):
            response["Retry-After"] = str(int(exc.wait))
        return response

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            # Wagtail lets the search backend raise ValueError on it: a 500.
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def find_object(self, queryset, request):
        if "id" in request.GET and not DIGITS.fullmatch(request.GET["id"]):
            raise BadRequestError("id must be a positive integer")
        if "id" in request.GET and len(request.GET["id"]) > 18:  # past 64 bits: nothing
            return None
        return super().find_object(queryset, request)


# --- pages -----------------------------------------------------------------------------------
def page_path(page, request):
    """The page's path on the site ("/fr/about/"), or None if it has no URL."""
    parts = page.get_url_parts(getattr(request, "_request", request))
    return parts[2] if parts else None


class HtmlUrlField(WholeObjectField):
    """The page's address on the site: a path, or absolute with ``WAGTAILAPI_BASE_URL``
    (Wagtail's own field uses the Site record's host name, which a proxy or a test server
    does not share)."""

    def to_representation(self, page):
        request = self.context.get("request")
        path = page_path(page, request)
        return get_full_url(request, path) if path else None


class PortalPageSerializer(PageSerializer):
    html_url = HtmlUrlField()


def public_pages(request):
    """Live, public pages of the request's site in every language (the site's root page and
    its translations): the same pages the HTML site shows to anybody."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    pages = Page.objects.live().public()
    roots = [site.root_page, *site.root_page.get_translations()]
    scoped = Page.objects.none()
    for root in roots:
        scoped |= pages.descendant_of(root, inclusive=True)
    return scoped.select_related("locale")


class PortalPagesAPIViewSet(PortalAPIMixin, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer

    def get_base_queryset(self):
        if "site" in self.request.GET:
            raise BadRequestError("the site parameter is not supported")
        return public_pages(self.request)

    def filter_queryset(self, queryset):
        locale = self.request.GET.get("locale")
        if locale is not None and not Locale.objects.filter(language_code=locale).exists():
            raise BadRequestError(f"unknown locale: {locale[:20]}")
        return super().filter_queryset(queryset)

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        # Taxonomy and materials of resource pages in a constant number of queries.
        prefetch = [
            name
            for name in ("countries", "industries", "topics", "audiences", "compliance_points")
            if hasattr(model, name)
        ]
        if hasattr(model, "api_materials"):
            prefetch.append("knowledge_materials__document")
        if prefetch:
            queryset = queryset.prefetch_related(*prefetch)
        if hasattr(model, "country_id"):
            queryset = queryset.select_related("country")
        return queryset

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            page = page_for_html_path(request, request.GET["html_path"])
            if page is not None and queryset.filter(id=page.id).exists():
                return page
            return None
        return super().find_object(queryset, request)


def page_for_html_path(request, html_path):
    """The page an HTML path (``/fr/resources/guide-a/``) shows, or None: the language prefix
    picks that language's version of the site's root page, the rest is routed as Wagtail does."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in html_path.split("/") if component]
    root = site.root_page
    languages = {code for code, _name in settings.LANGUAGES}
    if components and components[0] in languages:
        locale = Locale.objects.filter(language_code=components.pop(0)).first()
        root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
    try:
        page, _args, _kwargs = root.specific.route(request, components)
    except Http404:
        return None
    return page


# --- documents and images --------------------------------------------------------------------
def restricted_collections():
    """Collections under a view restriction, with their descendants (whatever the reader:
    the API serves what an anonymous reader may download)."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    )
    paths = list(restricted.values_list("path", flat=True))
    if not paths:
        return Collection.objects.none()
    condition = Q()
    for collection_path in paths:
        condition |= Q(path__startswith=collection_path)
    return Collection.objects.filter(condition)


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PortalDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class PortalDocumentsAPIViewSet(PortalAPIMixin, DocumentsAPIViewSet):
    base_serializer_class = PortalDocumentSerializer

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._queryset = self.public_documents()
        return self._queryset

    def public_documents(self):
        model = self.model
        queryset = model.objects.exclude(collection__in=restricted_collections())
        for hook in hooks.get_hooks("portal_api_public_documents"):
            queryset = hook(queryset)
        # One plain id filter, so search backends and ordering see a simple queryset.
        return (
            model.objects.filter(pk__in=queryset.values("pk"))
            .prefetch_related("tags")
            .order_by("id")
        )


class RenditionUrlField(WholeObjectField):
    """An image's public rendition (``IMAGE_RENDITION``), as an absolute URL."""

    def to_representation(self, image):
        try:
            rendition = image.get_rendition(IMAGE_RENDITION)
        except SourceImageIOError:  # the original file is missing: no URL rather than a 500
            return None
        return get_full_url(self.context["request"], rendition.url)


class PortalImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    download_url = RenditionUrlField()


class PortalImagesAPIViewSet(PortalAPIMixin, ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer

    def get_queryset(self):
        if hasattr(self, "_queryset"):
            return self._queryset
        self._queryset = (
            self.model.objects.exclude(collection__in=restricted_collections())
            .prefetch_renditions(IMAGE_RENDITION)
            .prefetch_related("tags")
            .order_by("id")
        )
        return self._queryset


# --- headless preview ------------------------------------------------------------------------
class PagePreviewAPIViewSet(PortalAPIMixin, PagesAPIViewSet):
    """``/api/v2/page_preview/?content_type=<app>.<model>&token=<token>``: the draft a preview
    token stands for, serialised like ``/api/v2/pages/<id>/``. A missing parameter answers
    400; an unknown, tampered or expired token 404."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def get_base_queryset(self):
        return public_pages(self.request)

    def listing_view(self, request):
        self.action = "detail_view"  # serialise one page with the detail fields
        page = self.get_object()
        serializer = self.get_serializer(page)
        return Response(serializer.data)

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            content_type = self.request.GET.get("content_type", "")
            token = self.request.GET.get("token", "")
            if not content_type or not token:
                raise BadRequestError("content_type and token are required")
            page = page_from_preview_token(content_type, token)
            if page is None:
                raise Http404("No preview for this token.")
            self._preview_page = page
        return self._preview_page

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


# --- router ----------------------------------------------------------------------------------
class PortalAPIRouter(WagtailAPIRouter):
    """Wagtail's router with ``path()`` patterns (the security suite reads URL templates)."""

    def get_urlpatterns(self):
        urlpatterns = [
            path(f"{name}/", include((class_.get_urlpatterns(), name), namespace=name))
            for name, class_ in self._endpoints.items()
        ]
        decorate_urlpatterns(urlpatterns, self.wrap_view)
        return urlpatterns


api_router = PortalAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
