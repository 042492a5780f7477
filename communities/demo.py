"""The communities' part of `seed_demo`: communities of each visibility in several languages
(English, French, Spanish, Vietnamese, Khmer, Arabic, Bengali; Cambodia's and Bangladesh's
practitioners have their own, written in their language) with threads, replies, @mentions and
an attachment. Every community's name and description is translated into the portal's other
languages (`demo_translations.py`). Idempotent: a community that exists is left as it is; only
its missing translations are added."""

import base64
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.models import Country, HomePage, Industry

from . import attachments, services
from .demo_translations import TRANSLATIONS
from .events.demo import seed_events
from .models import Community, CommunityTranslation, Membership, Profile, Role, Thread, Visibility
from .newsletter import demo as newsletter_demo
from .trainers import demo as trainer_demo

# 1×1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

AUTHORS = [
    # username, display name, organisation, country slug, languages
    ("sokha", "Sokha Chan", "Better Work Cambodia", "cambodia", "km,en"),
    ("linh", "Nguyễn Thị Linh", "Better Work Vietnam", "vietnam", "vi,en"),
    ("amina", "Amina Haddad", "Better Work Jordan", "jordan", "ar,en"),
    ("lucia", "Lucía Pérez", "Better Work Nicaragua", "nicaragua", "es,en"),
    ("claire", "Claire Dubois", "Better Work Haiti", "haiti", "fr,en"),
    ("rahima", "Rahima Akter", "Better Work Bangladesh", "bangladesh", "bn,en"),
]

COMMUNITIES = [
    {
        "slug": "trainers-network",
        "visibility": Visibility.PUBLIC,
        "name": "Trainers' network",
        "description": "Trainers and enterprise advisors share how they deliver Better Work "
        "training: what worked, what did not, and the materials they adapted.",
        "languages": ["en", "fr", "es"],
        "countries": ["cambodia", "haiti", "nicaragua"],
        "industries": ["apparel"],
        "threads": [
            (
                "en",
                "sokha",
                "Running supervisory skills training with large groups",
                "We trained **40 supervisors** at once last month. Splitting into tables of five "
                "with a *table captain* worked well.\n\nHow do others handle role plays? "
                "@linh you mentioned a trick with cards.",
                [
                    (
                        "linh",
                        "Yes! Print each scenario on a card and let tables swap every ten "
                        "minutes. See the guide: [Resources]({resources}).",
                    ),
                    ("amina", "We do the same in Jordan, and add a short debrief in Arabic."),
                ],
            ),
            (
                "fr",
                "claire",
                "Adapter les modules pour les usines de Haïti",
                "Bonjour à tous ! Nous traduisons les exercices en créole. Quelqu'un a-t-il "
                "déjà adapté les **études de cas** ?",
                [
                    (
                        "lucia",
                        "En Nicaragua adaptamos los nombres y los ejemplos locales. "
                        "@claire te envío nuestra versión.",
                    )
                ],
            ),
            (
                "es",
                "lucia",
                "Comités bipartitos: ¿cómo empezar?",
                "Compartimos el acta modelo de nuestro primer comité (adjunta).",
                [("claire", "Merci Lucía, très utile !")],
            ),
        ],
    },
    {
        "slug": "enterprise-advisors",
        "visibility": Visibility.MEMBERS,
        "name": "Enterprise advisors (members only)",
        "description": "A members-only space for enterprise advisors to compare advisory "
        "practice and factory improvement plans.",
        "languages": ["en", "vi", "km"],
        "countries": ["vietnam", "cambodia"],
        "industries": ["apparel", "footwear"],
        "threads": [
            (
                "vi",
                "linh",
                "Kinh nghiệm tư vấn về giờ làm thêm",
                "Các bạn xử lý vấn đề **giờ làm thêm** như thế nào? @sokha",
                [("sokha", "នៅកម្ពុជា យើងចាប់ផ្តើមជាមួយការវិភាគផែនការផលិតកម្ម។")],
            ),
            (
                "km",
                "sokha",
                "ការប្រជុំគណៈកម្មាធិការ PICC",
                "តើអ្នកណាមានគំរូរបៀបវារៈសម្រាប់ការប្រជុំ PICC ទេ?",
                [("linh", "Tôi có một mẫu, sẽ chia sẻ sau.")],
            ),
        ],
    },
    {
        "slug": "osh-working-group",
        "visibility": Visibility.PRIVATE,
        "name": "OSH working group (private)",
        "description": "Invitation-only group of occupational safety and health specialists.",
        "languages": ["en", "ar"],
        "countries": ["jordan", "egypt"],
        "industries": ["apparel"],
        "threads": [
            (
                "ar",
                "amina",
                "تدريبات الإخلاء في حالات الطوارئ",
                "كيف تنظمون تدريبات الإخلاء في المصانع الكبيرة؟ @sokha",
                [
                    (
                        "sokha",
                        "We run one drill per shift, announced the first time, "
                        "unannounced after that.",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "cambodia-trainers",
        "visibility": Visibility.PUBLIC,
        "name": "បណ្តាញគ្រូបង្គោលកម្ពុជា",
        "language": "km",
        "description": "គ្រូបង្គោល និងទីប្រឹក្សាសហគ្រាសនៅកម្ពុជា ចែករំលែកបទពិសោធន៍បណ្តុះបណ្តាល "
        "សម្ភារៈជាភាសាខ្មែរ និងសំណួរអំពីច្បាប់ការងារ។",
        "languages": ["km"],
        "countries": ["cambodia"],
        "industries": ["apparel", "footwear"],
        "threads": [
            (
                "km",
                "sokha",
                "ការបណ្តុះបណ្តាលអំពីការងារបន្ថែមម៉ោងសម្រាប់មេក្រុម",
                "សប្តាហ៍មុន យើងបានប្រើម៉ូឌុល **ការយល់ដឹងអំពីច្បាប់ការងារបន្ថែមម៉ោង** "
                "ជាមួយមេក្រុម ២៥ នាក់។ ករណីសិក្សាអំពីការបដិសេធការងារបន្ថែមម៉ោងបានបង្កើតការពិភាក្សាល្អណាស់។",
                [
                    (
                        "linh",
                        "Cảm ơn Sokha! Chúng tôi sẽ thử tình huống này ở Việt Nam.",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "bangladesh-practitioners",
        "visibility": Visibility.PUBLIC,
        "name": "বাংলাদেশ প্রশিক্ষক ও পরামর্শক নেটওয়ার্ক",
        "language": "bn",
        "description": "বাংলাদেশের কারখানায় কাজ করা প্রশিক্ষক ও এন্টারপ্রাইজ উপদেষ্টাদের জন্য: "
        "অগ্নি নিরাপত্তা, অংশগ্রহণকারী কমিটি ও মজুরি নিয়ে অভিজ্ঞতা বিনিময়।",
        "languages": ["bn"],
        "countries": ["bangladesh"],
        "industries": ["apparel"],
        "threads": [
            (
                "bn",
                "rahima",
                "ডাইং সেকশনে রাসায়নিক সংরক্ষণ: আপনারা কী করছেন?",
                "আমাদের একটি কারখানায় রাসায়নিকের লেবেল ও সেফটি ডেটা শিট নিয়ে সমস্যা পাওয়া গেছে। "
                "কেউ কি **রাসায়নিক সংরক্ষণ ওয়ার্কবুক** ব্যবহার করেছেন?",
                [
                    (
                        "amina",
                        "We used the chemical storage workbook in Jordan: start with the "
                        "inventory, the rest follows.",
                    )
                ],
            ),
        ],
    },
    {
        "slug": "resource-discussions",
        "visibility": Visibility.PUBLIC,
        "name": "Resource discussions",
        "default": True,
        "description": "Questions and experiences about the portal's resources. Every resource "
        "has a 'Discuss this resource' link that leads here.",
        "languages": [],
        "countries": [],
        "industries": [],
        "threads": [],
    },
]


def _user(username, display_name="", organisation="", country=None, languages=""):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        first, _sep, last = display_name.partition(" ")
        user = User(
            username=username, email=f"{username}@example.org", first_name=first, last_name=last
        )
        user.set_unusable_password()
        user.save()
    Profile.objects.get_or_create(
        user=user,
        defaults={
            "display_name": display_name or username,
            "organisation": organisation,
            "country": country,
            "languages": languages,
            "email_verified": True,
            "verified_email": user.email,
            "email_mode": "off",
        },
    )
    return user


def _grant_editor_permissions():
    perms = Permission.objects.filter(
        content_type__app_label="communities",
        codename__in=[
            "add_community",
            "change_community",
            "delete_community",
            "view_community",
            "add_membership",
            "change_membership",
            "delete_membership",
            "view_membership",
            "view_moderationlog",
        ],
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*perms)


def _resources_url():
    page = (
        Page.objects.live()
        .filter(url_path__endswith="/resources/", locale=Locale.get_default())
        .first()
    )
    return page.url if page is not None and page.url else "/en/"


def _add_translations(community):
    """The demo's translations the community lacks (an editor's own are kept)."""
    have = set(community.translations.values_list("language", flat=True))
    for language, (name, description) in TRANSLATIONS.get(community.slug, {}).items():
        if language in have or language == community.language:
            continue
        CommunityTranslation.objects.create(
            community=community, language=language, name=name, description=description
        )


def seed(context):
    _grant_editor_permissions()
    default_locale = Locale.get_default()
    authors = {}
    for username, name, org, country_slug, languages in AUTHORS:
        country = Country.objects.filter(slug=country_slug, locale=default_locale).first()
        authors[username] = _user(username, name, org, country, languages)
    staff = {}
    if context.with_accounts:
        User = get_user_model()
        staff = {
            u.username: u
            for u in User.objects.filter(username__in=["trainer", "moderator", "editor"])
        }
    resources = _resources_url()
    created = 0
    now = timezone.now()
    for spec in COMMUNITIES:
        existing = Community.objects.filter(slug=spec["slug"]).first()
        if existing is not None:
            _add_translations(existing)
            continue
        community = Community.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            description=spec["description"],
            language=spec.get("language", "en"),
            visibility=spec["visibility"],
            is_default_discussion=spec.get("default", False),
        )
        community.languages.set(Locale.objects.filter(language_code__in=spec["languages"]))
        community.countries.set(
            Country.objects.filter(slug__in=spec["countries"], locale=default_locale)
        )
        community.industries.set(
            Industry.objects.filter(slug__in=spec["industries"], locale=default_locale)
        )
        community.save()
        _add_translations(community)
        members = {
            u for _l, a, _t, _b, replies in spec["threads"] for u in [a, *(r[0] for r in replies)]
        }
        for index, username in enumerate(sorted(members)):
            role = Role.OWNER if index == 0 else Role.MEMBER
            Membership.objects.get_or_create(
                community=community, user=authors[username], defaults={"role": role}
            )
        if "moderator" in staff:
            Membership.objects.get_or_create(
                community=community, user=staff["moderator"], defaults={"role": Role.MODERATOR}
            )
        if "trainer" in staff and spec["visibility"] != Visibility.PRIVATE:
            Membership.objects.get_or_create(community=community, user=staff["trainer"])
        for t_index, (_lang, author, title, body, replies) in enumerate(spec["threads"]):
            when = now - timedelta(days=10 - t_index, hours=3)
            files = []
            if spec["slug"] == "trainers-network" and t_index == 2:
                upload = ContentFile(
                    "Acta modelo del comité bipartito\n1. Asistentes\n2. Acuerdos\n".encode(),
                    name="acta-modelo.txt",
                )
                files.append(attachments.store(upload, authors[author]))
            if spec["slug"] == "trainers-network" and t_index == 0:
                files.append(
                    attachments.store(ContentFile(PNG, name="tables.png"), authors[author])
                )
            thread = services.create_thread(
                community, authors[author], title, body, attachments=files, now=when
            )
            for r_index, (replier, text) in enumerate(replies, start=1):
                services.create_reply(
                    thread,
                    authors[replier],
                    text.format(resources=resources),
                    now=when + timedelta(hours=r_index * 5),
                )
            created += 1
        if spec["slug"] == "trainers-network":
            Thread.objects.filter(community=community, title__startswith="Running").update(
                pinned=True
            )
    newsletter_demo.seed(context)
    context.stdout.write(
        f"  communities: {Community.objects.count()} communities, "
        f"{Thread.objects.count()} threads ({created} new)"
    )
    trainer_demo.seed(context)
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is not None:
        new_events, translations = seed_events(home)
        context.stdout.write(f"  events: {new_events} new, {translations} translations")
