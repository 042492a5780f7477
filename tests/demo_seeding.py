"""For the tests of the demo itself (`seed_demo`, portal/demo and each app's demo module): they
run the demo on a database without the test baseline. ``clear_baseline()`` removes the
baseline's sites, page trees, navigation, taxonomy and translation sources inside the caller's
transaction (rolled back after the test), so what the demo then seeds is the demo's own."""

from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

from portal.models import (
    Audience,
    Cluster,
    CompliancePoint,
    Country,
    Industry,
    NavigationSettings,
    Topic,
)


def clear_baseline():
    Site.objects.all().delete()
    for home in Page.objects.filter(depth=2):
        home.delete()
    for model in (CompliancePoint, Cluster, Country, Industry, Topic, Audience):
        model.objects.all().delete()
    TranslationSource.objects.all().delete()
    nav = NavigationSettings.load()
    nav.primary_links = "[]"
    nav.footer_links = "[]"
    nav.save()
