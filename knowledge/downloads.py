"""Download counting (counters only: no user, IP or time is stored) and access checks for the
Wagtail documents that are materials of restricted resources."""

from django.db.models import F
from wagtail.models import PageViewRestriction

from .models import Material, ResourceEntry
from .models.materials import increment_material


def record_download(page, material):
    increment_material(material.pk)
    ResourceEntry.objects.filter(translation_key=page.translation_key).update(
        downloads=F("downloads") + 1
    )


def document_access(document, request):
    """None when the request may see ``document``; otherwise "login" or "forbidden".

    A document used as a material is served only if at least one page using it accepts the
    request (Wagtail's page view restrictions, including those inherited from ancestors)."""
    pages = [m.page for m in Material.objects.filter(document=document).select_related("page")]
    if not pages:
        return None
    needs_login = False
    for page in pages:
        restrictions = page.get_view_restrictions()
        if all(r.accept_request(request) for r in restrictions):
            return None
        if any(r.restriction_type != PageViewRestriction.PASSWORD for r in restrictions):
            needs_login = True
    if needs_login and not request.user.is_authenticated:
        return "login"
    return "forbidden"
