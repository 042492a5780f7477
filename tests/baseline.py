"""The session-wide test baseline, built from tests/factories: every language, the reference
taxonomy and the page tree (home, about, countries with a page per country programme) in every
language, with the navigation. It reads nothing from the demo (portal/demo), so the demo can
change without moving a test; tests/portal/test_baseline_independent.py checks that."""

import json

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from portal.models import (
    Audience,
    Cluster,
    CompliancePoint,
    Country,
    CountryPage,
    Industry,
    NavigationSettings,
    Topic,
)

from . import baseline_data as data
from .factories import (
    AudienceFactory,
    ClusterFactory,
    CompliancePointFactory,
    CountryFactory,
    CountryIndexPageFactory,
    CountryPageFactory,
    HomePageFactory,
    IndustryFactory,
    StandardPageFactory,
    TopicFactory,
    stream,
    translate,
)


def build():
    clear()  # a reused test database keeps the last session's baseline
    ensure_locales()
    build_taxonomy()
    build_pages()
    Page.fix_tree(fix_paths=False)  # wagtail-localize can leave stale child counts


def clear():
    """Remove the sites, page trees, navigation, taxonomy and translation sources: the last
    session's baseline on a reused database, Wagtail's welcome page and its site on a new one."""
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


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def build_taxonomy():
    terms = []
    for slug, iso, name, status, started, workers, factories in data.COUNTRIES:
        terms.append(
            CountryFactory(
                slug=slug,
                name=name,
                iso_code=iso,
                programme_status=status,
                programme_started=started,
                workers_reached=workers,
                factories_reached=factories,
            )
        )
    for factory, names in (
        (IndustryFactory, data.INDUSTRIES),
        (TopicFactory, data.TOPICS),
        (AudienceFactory, data.AUDIENCES),
    ):
        terms += [factory(name=name) for name in names]
    for order, (slug, name, kind, aliases, points) in enumerate(data.CLUSTERS, start=1):
        cluster = ClusterFactory(
            slug=slug, name=name, kind=kind, sort_order=order, aliases="\n".join(aliases)
        )
        terms.append(cluster)
        for point_order, (point, confirmed, point_aliases) in enumerate(points, start=1):
            terms.append(
                CompliancePointFactory(
                    slug=slugify(point),
                    name=point,
                    cluster=cluster,
                    sort_order=point_order,
                    confirmed=confirmed,
                    aliases="\n".join(point_aliases),
                )
            )
    for term in terms:
        translate(term)  # with the baseline's translation memory


def _home_body():
    return stream(
        (
            "hero",
            {
                "heading": "Work better",
                "text": "Find guides for your country.",
                "image": None,
                "link": {"page": None, "url": "", "label": ""},
            },
        ),
        ("featured_resources", {"heading": "Featured", "limit": 4, "pages": []}),
        ("latest_discussions", {"heading": "Discussions", "limit": 4}),
        (
            "compliance_highlight",
            {
                "heading": "Compliance rates",
                "limit": 4,
                "text": "Rates across countries.",
                "country": None,
            },
        ),
        (
            "call_to_action",
            {
                "heading": "Join a community",
                "text": "Share what works.",
                "link": {"page": None, "url": "", "label": "Read more"},
            },
        ),
    )


def build_pages():
    home = HomePageFactory(
        parent=Page.get_first_root_node(),
        title="Portal home",
        intro="Guides, tools and data.",
        body=_home_body(),
    )
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )
    about = StandardPageFactory(
        parent=home,
        title="About",
        slug="about",
        intro="What this site is.",
        body=stream(("heading", {"text": "Contents"}), ("paragraph", "<p>Guides and tools.</p>")),
    )
    _call_to_action_leads_to(home, about)
    countries = CountryIndexPageFactory(parent=home, intro="Country programmes.")
    country_pages = [
        CountryPageFactory(
            parent=countries,
            country=country,
            body=stream(
                ("country_resources", {"heading": "Resources", "limit": 6}),
                ("country_communities", {"heading": "Communities", "limit": 4}),
                ("compliance_summary", {"heading": "Compliance summary", "limit": 8}),
            ),
        )
        for country in Country.objects.filter(locale=Locale.get_default()).order_by("slug")
    ]
    for page in [home, about, countries, *country_pages]:
        translate(Page.objects.get(pk=page.pk).specific)
    nav = NavigationSettings.load()
    nav.primary_links = json.dumps(
        [
            {"type": "link", "value": {"page": countries.pk}},
            {"type": "link", "value": {"page": about.pk}},
        ]
    )
    nav.footer_links = json.dumps([{"type": "link", "value": {"page": about.pk}}])
    nav.save()
    assert CountryPage.objects.filter(locale=Locale.get_default()).count() == len(data.COUNTRIES)


def _call_to_action_leads_to(home, page):
    body = [dict(block) for block in json.loads(_home_body())]
    for block in body:
        if block["type"] == "call_to_action":
            block["value"]["link"]["page"] = page.pk
    home.body = json.dumps(body)
    home.save_revision().publish()
