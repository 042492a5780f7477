"""Programme staff for Cambodia and a labour inspector for Cambodia (which shares factory
results with its inspectorate) and Vietnam (which does not). The accounts themselves are demo
accounts (portal/demo/seed.py), made only when the demo makes accounts."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from ims_bridge.models import CountryDataSharing, CountryStaff, LabourInspector
from portal.models import Country

SHARING = {"cambodia": True, "vietnam": False}


def seed(world):
    countries = {
        c.slug: c for c in Country.objects.filter(slug__in=SHARING, locale=Locale.get_default())
    }
    for slug, shares in SHARING.items():
        if slug in countries:
            CountryDataSharing.objects.update_or_create(
                country=countries[slug], defaults={"factory_results_for_inspectors": shares}
            )
    User = get_user_model()
    staff = User.objects.filter(username="staff").first()
    if staff is not None:
        CountryStaff.objects.get_or_create(user=staff, country=world.factory.country)
    inspector = User.objects.filter(username="inspector").first()
    if inspector is not None:
        for country in countries.values():
            LabourInspector.objects.get_or_create(user=inspector, country=country)
    world.stdout.write(
        "  enterprise staff: data sharing for inspectors on in Cambodia, off in Vietnam"
    )
