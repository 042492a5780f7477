from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PERMISSION, search_analytics


@hooks.register("register_admin_urls")
def register_analytics_url():
    return [path("search-analytics/", search_analytics, name="search_analytics")]


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        _("Search analytics"), reverse("search_analytics"), icon_name="search", order=900
    )
