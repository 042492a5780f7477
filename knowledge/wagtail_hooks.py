from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.wagtail_hooks import require_wagtail_login

from . import providers
from .downloads import document_access


@hooks.register("portal_provides_featured_resources")
def featured_resources(**kwargs):
    return providers.featured_resources(**kwargs)


@hooks.register("portal_provides_country_resources")
def country_resources(**kwargs):
    return providers.country_resources(**kwargs)


@hooks.register("portal_provides_compliance_point_resources")
def compliance_point_resources(**kwargs):
    return providers.compliance_point_resources(**kwargs)


@hooks.register("before_serve_document")
def protect_restricted_materials(document, request):
    """Wagtail's own /documents/ URL must not leak materials of restricted resources."""
    verdict = document_access(document, request)
    if verdict == "login":
        return require_wagtail_login(next=request.get_full_path())
    if verdict == "forbidden":
        raise PermissionDenied
    return None


@hooks.register("portal_provides_navigation")
def navigation_entry(language, request=None, **context):
    from portal.providers import section_link

    from .models import ResourceLibraryPage

    return section_link(ResourceLibraryPage, language, request)
