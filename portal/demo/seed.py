"""The portal's part of `seed_demo`: locales, taxonomy, page tree, navigation, demo accounts.
Every step looks before it creates, so a second run changes nothing."""

import json

from django.apps import apps as live_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from ..models import (
    Audience,
    Cluster,
    CompliancePoint,
    Country,
    CountryIndexPage,
    CountryPage,
    HomePage,
    Industry,
    NavigationSettings,
    StandardPage,
    Topic,
)
from ..roles import BUYERS, ensure_roles, translator_group_name
from .country_intros import COUNTRY_INTROS
from .localize import translate
from .taxonomy_data import AUDIENCES, CLUSTERS, COUNTRIES, INDUSTRIES, TOPICS

DEMO_PASSWORD = "betterwork-demo"  # local demo only; README says so
DEMO_ACCOUNTS = [
    # username, first name, groups, is_superuser
    ("admin", "Ada Admin", [], True),
    ("editor", "Eda Editor", ["Editors"], False),
    ("translator", "Tran Translator", ["Translators"], False),
    ("trainer", "Tola Trainer", ["Trainers"], False),
    ("moderator", "Mona Moderator", ["Community moderators"], False),
    ("factory", "Farid Factory", ["Factory users"], False),
    ("buyer", "Bea Buyer", [BUYERS], False),
    ("staff", "Sokha Staff", [], False),  # country staff of Cambodia (enterprise demo)
    ("inspector", "Ines Inspector", ["Labour inspectors"], False),
]


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _term(model, slug, **fields):
    locale = Locale.get_default()
    obj = model.objects.filter(slug=slug, locale=locale).first()
    if obj is None:
        obj = model.objects.create(slug=slug, locale=locale, **fields)
    translate(obj)
    return obj


def seed_taxonomy(stdout):
    for slug, iso, name, status, started, workers, factories in COUNTRIES:
        _term(
            Country,
            slug,
            name=name,
            iso_code=iso,
            programme_status=status,
            programme_started=started,
            workers_reached=workers,
            factories_reached=factories,
        )
    for model, rows in ((Industry, INDUSTRIES), (Topic, TOPICS), (Audience, AUDIENCES)):
        for slug, name in rows:
            _term(model, slug, name=name)
    for order, (slug, name, kind, aliases, points) in enumerate(CLUSTERS, start=1):
        cluster = _term(
            Cluster, slug, name=name, kind=kind, sort_order=order, aliases="\n".join(aliases)
        )
        for point_order, (point, confirmed, point_aliases) in enumerate(points, start=1):
            _term(
                CompliancePoint,
                slugify(point),
                name=point,
                cluster=cluster,
                sort_order=point_order,
                confirmed=confirmed,
                aliases="\n".join(point_aliases),
            )
    stdout.write(f"  taxonomy: {Country.objects.count()} countries (all languages)")


def _stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def seed_home():
    """Replace Wagtail's welcome page with the portal's HomePage as the default site root."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    for site in Site.objects.all():
        if not isinstance(site.root_page.specific, HomePage):
            site.delete()
    for welcome in Page.objects.filter(depth=2).not_type(HomePage):
        if welcome.get_children_count() == 0:
            welcome.delete()
    home = HomePage(
        title="Better Work knowledge portal",
        slug="home",
        intro="Training, tools and compliance data for better jobs in global supply chains.",
        body=_stream(
            (
                "hero",
                {
                    "heading": "Better work, better business",
                    "text": "Find training modules, model policies and guides in your language, "
                    "for your country and industry.",
                    "image": None,
                    "link": {"page": None, "url": "", "label": ""},
                },
            ),
            ("featured_resources", {"heading": "Featured resources", "limit": 4, "pages": []}),
            ("latest_discussions", {"heading": "Latest discussions", "limit": 4}),
            (
                "compliance_highlight",
                {
                    "heading": "Compliance at a glance",
                    "limit": 4,
                    "text": "Aggregate non-compliance rates across Better Work countries.",
                    "country": None,
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Join a community of practice",
                    "text": "Trainers and enterprise advisors share what works.",
                    "link": {"page": None, "url": "", "label": "Learn more"},
                },
            ),
        ),
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )
    return home


def _call_to_action_leads_to(home, page):
    """The home page's call to action links to ``page`` (made after the home page)."""
    body = json.loads(json.dumps(list(home.body.raw_data)))
    for block in body:
        if block["type"] == "call_to_action" and not block["value"]["link"].get("page"):
            block["value"]["link"]["page"] = page.pk
            home.body = json.dumps(body)
            home.save_revision().publish()
            return


def seed_pages(stdout):
    home = seed_home()
    about, _ = _child(
        home,
        StandardPage,
        "about",
        title="About the portal",
        intro="One place for Better Work's global and country knowledge.",
        body=_stream(
            ("heading", {"text": "What you will find here"}),
            (
                "paragraph",
                "<p>Training modules, model policies, good-practice guides, worker "
                "awareness material and self-guided tools, in many languages.</p>",
            ),
        ),
    )
    _call_to_action_leads_to(home, about)
    countries, _ = _child(
        home,
        CountryIndexPage,
        "countries",
        title="Countries",
        intro="Better Work country programmes and their resources.",
    )
    for slug, _iso, name, *_rest in COUNTRIES:
        country = Country.objects.get(slug=slug, locale=Locale.get_default())
        _child(
            countries,
            CountryPage,
            slug,
            title=name,
            country=country,
            intro=COUNTRY_INTROS[slug]["en"],
            body=_stream(
                ("country_resources", {"heading": "Resources", "limit": 6}),
                ("country_communities", {"heading": "Communities", "limit": 4}),
                ("compliance_summary", {"heading": "Compliance summary", "limit": 8}),
            ),
        )
    for page in [home, about, countries, *CountryPage.objects.child_of(countries)]:
        translate(Page.objects.get(pk=page.pk).specific)
    nav = NavigationSettings.load()
    if not nav.primary_links:
        nav.primary_links = json.dumps(
            [
                {"type": "link", "value": {"page": countries.pk}},
                {"type": "link", "value": {"page": about.pk}},
            ]
        )
        nav.footer_links = json.dumps([{"type": "link", "value": {"page": about.pk}}])
        nav.save()
    stdout.write(f"  pages: {Page.objects.count()} in the tree")


def seed_accounts(stdout):
    # The editorial groups and their rights come from the migrations (portal/roles.py); the
    # demo translator works in French and Khmer.

    ensure_roles(live_apps)
    translator_groups = [translator_group_name("fr"), translator_group_name("km")]
    for name in ("Trainers", "Community moderators", "Factory users", BUYERS):
        Group.objects.get_or_create(name=name)
    User = get_user_model()
    for username, full_name, groups, is_superuser in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        if "Translators" in groups:
            groups = [g for g in groups if g != "Translators"] + translator_groups
        first, last = full_name.split(" ", 1)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            is_staff=is_superuser or bool({"Editors", *translator_groups} & set(groups)),
            is_superuser=is_superuser,
        )
        user.groups.set(Group.objects.filter(name__in=groups))
    stdout.write(f"  accounts: {len(DEMO_ACCOUNTS)} demo accounts (password: {DEMO_PASSWORD})")


def seed(context):
    ensure_locales()
    seed_taxonomy(context.stdout)
    seed_pages(context.stdout)
    if context.with_accounts:
        seed_accounts(context.stdout)
