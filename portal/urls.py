from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import api_views, documents, serving, views
from .api import api
from .api_content import api_router
from .throttling.views import WagtailPasswordResetView

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's "forgot password" form, throttled like the portal's own (portal/throttling).
    path(
        "admin/password_reset/",
        WagtailPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, with download headers added (portal/documents.py).
    path(
        "documents/<int:document_id>/<path:document_filename>",
        documents.serve,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", api_views.api_index, name="api_index"),
    path("api/v2/", api_views.api_index, name="api_index_v2"),
    # Wagtail's content API (pages, images, documents, headless preview): portal/api_content.py
    path("api/v2/", api_router.urls),
    path("api/v2/", api.urls),
    re_path(
        r"^api/(?P<rest>(?:{})(?:/.*)?|openapi\.json|docs)$".format(
            "|".join(api_views.V1_SECTIONS)
        ),
        api_views.api_moved,
        name="api_moved",
    ),
    re_path(r"^api/", api_views.api_not_found),
    path("healthz", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", views.sitemap, name="sitemap"),
]

if settings.DEBUG:
    # Public media only (image renditions); private files have no URL at all.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's front-end URLs, with its page view replaced by portal/serving.py's (which reads
# less; it stays last: its pattern would match the _util/ paths too).
_wagtail_urls_served_here = [
    pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve")]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("communities/", include("communities.urls")),
    path("accounts/", include("communities.accounts_urls")),
    path("newsletter/", include("communities.newsletter.urls")),
    path("trainers/", include("communities.trainers.urls")),
    path("factory/", include("ims_bridge.enterprise.urls")),
    path("", include("knowledge.urls")),
    path("", include(_wagtail_urls_served_here)),
    prefix_default_language=True,
)
