"""The project's URLs as `make run` serves them with DEBUG on: portal/urls.py adds
`static(MEDIA_URL, document_root=MEDIA_ROOT)`, here added the same way whatever DEBUG is."""

from django.conf import settings
from django.conf.urls.static import static
from django.test import override_settings

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns

with override_settings(DEBUG=True):
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
assert urlpatterns, "static() added no media route"
urlpatterns += portal_urlpatterns
