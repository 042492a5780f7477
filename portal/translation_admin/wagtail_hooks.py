"""Admin URLs and the "Translations" menu item (imported by portal/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

app_name = "translation_admin"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/", views.export, name="export"),
    path("upload/", views.upload, name="upload"),
]


# order=-1: the checked upload is listed before wagtail-localize's URLs, so it answers their
# path (and the translation editor's upload button, which reverses wagtail-localize's name).
@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    return [
        path("translations/", include((urlpatterns, app_name), namespace=app_name)),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="translation_admin_upload_pofile",
        ),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translation_admin:dashboard"),
        name="translations",
        icon_name="globe",
        order=850,
    )
