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
    from wagtail.models import Locale

    from portal.providers import ProvidedItem

    from .models import ResourceLibraryPage

    pages = ResourceLibraryPage.objects.live()
    page = pages.filter(locale__language_code=language).first()
    page = page or pages.filter(locale=Locale.get_default()).first()
    return [ProvidedItem(title=page.title, url=page.get_url(request))] if page else []
