"""Admin report of the newsletter: how many readers per language and per country (counts only,
no addresses). Shown to superusers and holders of ``communities.view_newslettersubscription``
(the Editors group, by migration). Registered by ``communities/wagtail_hooks.py``."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from portal.models import Country

from ..models import Frequency, NewsletterSubscription

PERMISSION = "communities.view_newslettersubscription"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def report(request):
    if not can_view(request.user):
        raise PermissionDenied
    languages = dict(settings.LANGUAGE_NAMES_TRANSLATED)
    frequencies = dict(Frequency.choices)
    by_language = [
        (languages.get(row["language"], row["language"]), row["n"])
        for row in NewsletterSubscription.objects.values("language")
        .annotate(n=Count("pk"))
        .order_by("-n", "language")
    ]
    by_frequency = [
        (frequencies.get(row["frequency"], row["frequency"]), row["n"])
        for row in NewsletterSubscription.objects.values("frequency")
        .annotate(n=Count("pk"))
        .order_by("-n", "frequency")
    ]
    through = NewsletterSubscription.countries.through
    counts = dict(
        through.objects.values("country_id").annotate(n=Count("pk")).values_list("country_id", "n")
    )
    by_country = sorted(
        (
            (country.name, counts.get(country.pk, 0))
            for country in Country.objects.filter(locale=Locale.get_default())
        ),
        key=lambda row: (-row[1], row[0].casefold()),
    )
    context = {
        "page_title": _("Newsletter subscribers"),
        "header_icon": "mail",
        "total": NewsletterSubscription.objects.count(),
        "every_country": NewsletterSubscription.objects.filter(countries__isnull=True).count(),
        "by_language": by_language,
        "by_frequency": by_frequency,
        "by_country": by_country,
    }
    return render(request, "communities/newsletter/admin_report.html", context)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletter/", report, name="newsletter_report")]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        gettext_lazy("Newsletter subscribers"),
        reverse("newsletter_report"),
        name="newsletter-subscribers",
        icon_name="mail",
        order=900,
    )
