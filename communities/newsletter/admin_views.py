"""Admin report of the newsletter: how many readers per language and per country (counts only,
no addresses). Shown to superusers and holders of ``communities.view_newslettersubscription``
(the Editors group, by migration). Registered by ``communities/wagtail_hooks.py``."""

import csv

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from portal.csv_safety import neutralise
from portal.models import Country

from ..models import Frequency, NewsletterSubscription

PERMISSION = "communities.view_newslettersubscription"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _counts():
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
    return {
        "total": NewsletterSubscription.objects.count(),
        "every_country": NewsletterSubscription.objects.filter(countries__isnull=True).count(),
        "by_language": by_language,
        "by_frequency": by_frequency,
        "by_country": by_country,
    }


def report(request):
    if not can_view(request.user):
        raise PermissionDenied
    context = {"page_title": _("Newsletter subscribers"), "header_icon": "mail", **_counts()}
    return render(request, "communities/newsletter/admin_report.html", context)


def export(request):
    """The same counts as CSV (one row per language, frequency and country). Cells are
    neutralised here, and again by ``portal.csv_safety``'s middleware for every CSV."""
    if not can_view(request.user):
        raise PermissionDenied
    counts = _counts()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="newsletter-subscribers.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Grouped by"), _("Name"), _("Subscribers")])
    for group, rows in (
        (_("Language"), counts["by_language"]),
        (_("How often"), counts["by_frequency"]),
        (_("Country"), counts["by_country"]),
    ):
        for name, count in rows:
            writer.writerow([neutralise(group), neutralise(name), count])
    return response


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("newsletter/", report, name="newsletter_report"),
        path("newsletter/export/", export, name="newsletter_export"),
    ]


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
