from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from wagtail import hooks
from wagtail.models import Page
from wagtail.wagtail_hooks import require_wagtail_login

from portal.providers import section_link

from . import providers, snippets  # noqa: F401  (snippets registers the admin views)
from .downloads import document_access
from .models import GlossaryPage, Material, NewsIndexPage, ResourceLibraryPage


@hooks.register("portal_provides_featured_resources")
def featured_resources(**kwargs):
    return providers.featured_resources(**kwargs)


@hooks.register("portal_provides_country_resources")
def country_resources(**kwargs):
    return providers.country_resources(**kwargs)


@hooks.register("portal_provides_compliance_point_resources")
def compliance_point_resources(**kwargs):
    return providers.compliance_point_resources(**kwargs)


@hooks.register("portal_provides_country_labour_law")
def country_labour_law(**kwargs):
    return providers.country_labour_law(**kwargs)


@hooks.register("portal_provides_compliance_point_law")
def compliance_point_law(**kwargs):
    return providers.compliance_point_law(**kwargs)


@hooks.register("portal_provides_compliance_point_glossary")
def compliance_point_glossary(**kwargs):
    return providers.compliance_point_glossary(**kwargs)


@hooks.register("before_serve_document")
def protect_restricted_materials(document, request):
    """Wagtail's own /documents/ URL must not leak materials of restricted resources."""
    verdict = document_access(document, request)
    if verdict == "login":
        return require_wagtail_login(next=request.get_full_path())
    if verdict == "forbidden":
        raise PermissionDenied
    return None


@hooks.register("portal_api_public_documents")
def public_material_documents(queryset):
    """The content API lists a document that is a material only if a live, public page uses
    it (portal/api_content.py; the site's own rule is ``document_access``)."""
    used = Material.objects.filter(document=OuterRef("pk"))
    readable = used.filter(page__in=Page.objects.live().public().values("pk"))
    return queryset.filter(~Exists(used) | Exists(readable))


@hooks.register("portal_provides_navigation")
def navigation_entry(**context):
    return section_link(ResourceLibraryPage)


@hooks.register("portal_provides_navigation")
def glossary_navigation_entry(**context):
    return section_link(GlossaryPage)


@hooks.register("portal_provides_navigation")
def news_navigation_entry(**context):
    return section_link(NewsIndexPage)
