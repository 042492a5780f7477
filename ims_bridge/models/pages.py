"""The public compliance section: /<lang>/compliance/ and everything under it."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from portal import cache_versions
from portal.models import BasePage

from .. import views


class ComplianceIndexPage(RoutablePageMixin, BasePage):
    """Aggregate compliance (public), the transparency list, and signed-in factory reports."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("compliance index page")

    def serve(self, request, *args, **kwargs):
        cache_versions.depend(cache_versions.COMPLIANCE)
        return super().serve(request, *args, **kwargs)

    @path("")
    def comparison(self, request):
        return views.comparison(request, self)

    @path("comparison/csv/")
    def comparison_csv(self, request):
        return views.comparison_csv(request, self)

    @path("transparency/")
    def transparency(self, request):
        return views.transparency(request, self)

    @path("dashboard/")
    def dashboard(self, request):
        return views.dashboard(request, self)

    @re_path(r"^factories/(?P<star_id>[-\w]+)/$")
    def factory(self, request, star_id):
        return views.factory_report(request, self, star_id)

    @re_path(r"^factories/(?P<star_id>[-\w]+)/csv/$")
    def factory_csv(self, request, star_id):
        return views.factory_csv(request, self, star_id)

    @re_path(r"^factories/(?P<star_id>[-\w]+)/pdf/$")
    def factory_pdf(self, request, star_id):
        return views.factory_pdf(request, self, star_id)

    @re_path(r"^factories/(?P<star_id>[-\w]+)/access/$")
    def factory_access(self, request, star_id):
        return views.factory_access(request, self, star_id)

    @re_path(r"^countries/(?P<slug>[-\w]+)/$")
    def country(self, request, slug):
        return views.country_report(request, self, slug)

    @re_path(r"^countries/(?P<slug>[-\w]+)/(?P<table>clusters|points|questions|trend)/csv/$")
    def country_csv(self, request, slug, table):
        return views.country_csv(request, self, slug, table)
