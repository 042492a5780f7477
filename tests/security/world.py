"""A small world with one user per role and one object of every kind an endpoint can address.

Built once per test module (see conftest.py) through the project's own models, services and
test helpers. ``World.ids`` names every value a URL can take ("public" is the public
community's slug, "public_post" its opening post's id …); the permission table refers to
those names only.
"""

import datetime
import json
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Locale, Page, PageViewRestriction

from communities import attachments, services
from communities.accounts import VERIFY_SALT
from communities.events import registration as event_registration
from communities.models import (
    ApiToken,
    Community,
    EventIndexPage,
    EventPage,
    Flag,
    Invitation,
    JoinRequest,
    Membership,
    NewsletterSubscription,
    ProgrammeRecord,
    Role,
    TrainerProfile,
)
from communities.newsletter import tokens as newsletter_tokens
from communities.notifications import unsubscribe_token
from communities.trainers.records import issue_certificate
from ims_bridge.models import CountryStaff, Factory, FactoryAccessGrant, FactoryMembership
from knowledge.models import (
    AwarenessMaterialPage,
    GlossaryPage,
    GlossaryTerm,
    GoodPracticeGuidePage,
    MaterialKind,
    ModelPolicyPage,
    NewsArticlePage,
    NewsIndexPage,
    PublicationPage,
    ResourceLibraryPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from portal.models import Country, CountryIndexPage, CountryPage, HomePage, StandardPage
from portal.roles import BUYERS, translator_group_name
from tests.factories import PNG, compliance_section
from tests.ims_bridge.fixtures import load_fixture
from tests.knowledge.conftest import make_resource

# The roles of the permission matrix, in the order the report lists them.
ROLES = (
    "anonymous",
    "nonmember",
    "member",
    "moderator",
    "editor",
    "translator",
    "factory_user",
    "buyer_with",
    "buyer_without",
    "buyer_expired",
    "buyer_revoked",
    "country_staff",
    "superuser",
)

PASSWORD = "pw-Secret-1"
PAGE_PASSWORD = "open-sesame"


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> User (None for anonymous)
    ids: dict = field(default_factory=dict)  # name -> value a URL parameter can take
    pages: dict = field(default_factory=dict)  # page model label -> a live page of that type

    def user(self, role):
        return self.users[role]


def _groups():
    """The groups the portal's roles use. The editorial ones (Editors, the translator groups)
    come from the migrations (portal/roles.py); the rest from seed_demo's accounts step."""
    for name in ("Community moderators", "Factory users", BUYERS):
        Group.objects.get_or_create(name=name)


def _make_user(username, groups=(), **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def _users(world):
    u = world.users
    u["anonymous"] = None
    u["nonmember"] = _make_user("sec-nonmember")
    u["member"] = _make_user("sec-member")
    u["moderator"] = _make_user("sec-moderator", ["Community moderators"])
    u["editor"] = _make_user("sec-editor", ["Editors"], is_staff=True)
    u["translator"] = _make_user("sec-translator", [translator_group_name("fr")], is_staff=True)
    u["factory_user"] = _make_user("sec-factory", ["Factory users"])
    for role in ("buyer_with", "buyer_without", "buyer_expired", "buyer_revoked"):
        u[role] = _make_user(f"sec-{role.replace('_', '-')}", [BUYERS])
    u["country_staff"] = _make_user("sec-staff-kh")
    u["superuser"] = _make_user("sec-root", is_superuser=True, is_staff=True)


def _communities(world):
    u, ids = world.users, world.ids
    author = _make_user("sec-author")
    applicant = _make_user("sec-applicant")
    ids["author"] = author.get_username()
    ids["author_id"] = author.pk
    for name in ("public", "members", "private"):  # the visibilities; the ids' prefixes
        community = Community.objects.create(
            name=f"Security {name}",
            slug=f"sec-{name}",
            visibility=name,
            description="A community of the security suite.",
        )
        for user, role in (
            (author, Role.MEMBER),
            (u["member"], Role.MEMBER),
            (u["moderator"], Role.MODERATOR),
        ):
            Membership.objects.create(community=community, user=user, role=role)
        attachment = attachments.store(SimpleUploadedFile("photo.png", PNG, "image/png"), author)
        thread = services.create_thread(
            community, author, f"Thread in {name}", "Opening post.", attachments=[attachment]
        )
        reply = services.create_reply(thread, author, "A reply.")
        flag = Flag.objects.create(post=reply, user=u["member"], reason=Flag.Reason.SPAM)
        ids[name] = community.slug
        ids[f"{name}_pk"] = community.pk
        ids[f"{name}_thread"] = thread.pk
        ids[f"{name}_post"] = thread.posts.get(is_opening=True).pk
        ids[f"{name}_reply"] = reply.pk
        ids[f"{name}_attachment"] = attachment.pk
        ids[f"{name}_attachment_token"] = attachment.token
        ids[f"{name}_flag"] = flag.pk
    public = Community.objects.get(slug=ids["public"])
    hidden = services.create_thread(public, author, "A hidden thread", "Spam spam spam.")
    hidden.posts.filter(is_opening=True).update(hidden=True, hidden_reason="spam")
    ids["hidden_thread"] = hidden.pk
    members = Community.objects.get(slug=ids["members"])
    ids["join_request"] = JoinRequest.objects.create(
        community=members, user=applicant, message="Let me in."
    ).pk
    private = Community.objects.get(slug=ids["private"])
    ids["invitation_token"] = Invitation.objects.create(
        community=private, email="guest@example.org", invited_by=u["moderator"]
    ).token
    ids["unsubscribe_token"] = unsubscribe_token(u["member"])
    _newsletter(ids)
    ids["member_api_token"] = ApiToken.issue(u["member"], "A script of the member's")[0].pk
    pending = _make_user("sec-pending", is_active=False)
    ids["verify_token"] = signing.dumps({"u": pending.pk, "e": pending.email}, salt=VERIFY_SALT)
    # For a user no test signs in as (signing in changes last_login, which voids the token).
    ids["reset_uid"] = urlsafe_base64_encode(force_bytes(author.pk))
    ids["reset_token"] = default_token_generator.make_token(author)


def _newsletter(ids):
    reader = NewsletterSubscription.objects.create(email="sec-reader@example.org", language="en")
    ids["newsletter_unsubscribe_token"] = newsletter_tokens.unsubscribe_token(reader)
    # Stores a pending request (NewsletterPending, the token's hash only) and returns its token.
    ids["newsletter_confirm_token"] = newsletter_tokens.confirmation_token(
        "sec-new-reader@example.org", "fr", ["cambodia"], "weekly"
    )


RESOURCE_MODELS = (
    GoodPracticeGuidePage,
    ModelPolicyPage,
    WorkbookPage,
    AwarenessMaterialPage,
    SelfGuidedToolPage,
)


ONE_STEP = json.dumps(
    [{"type": "step", "value": {"title": "Step 1", "text": "<p>Do it.</p>", "worksheet": None}}]
)


def _knowledge(world):
    ids, pages = world.ids, world.pages
    home = HomePage.objects.get(locale=Locale.get_default())
    library = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=library)
    library.save_revision().publish()
    pages["knowledge.ResourceLibraryPage"] = library
    for model in RESOURCE_MODELS:
        extra = {}
        if model in (WorkbookPage, SelfGuidedToolPage):
            extra["steps"] = ONE_STEP
        page = make_resource(
            library,
            model,
            f"Sec {model.__name__}",
            countries=["cambodia"],
            industries=["apparel"],
            materials=[(MaterialKind.TEMPLATE, f"Sec {model.__name__} file")],
            **extra,
        )
        pages[model._meta.label] = page
    pages[PublicationPage._meta.label] = make_resource(
        library,
        PublicationPage,
        "Sec Publication",
        countries=["cambodia"],
        materials=[(MaterialKind.HANDOUT, "Sec Publication file")],
        publication_kind="research-brief",
        publication_date=datetime.date(2025, 6, 1),
    )
    programme = make_resource(
        library,
        TrainingProgrammePage,
        "Sec Programme",
        materials=[(MaterialKind.TRAINER_GUIDE, "Sec Programme guide")],
    )
    module = make_resource(
        programme,
        TrainingModulePage,
        "Sec Module",
        materials=[(MaterialKind.HANDOUT, "Sec Module handout")],
    )
    pages[TrainingProgrammePage._meta.label] = programme
    pages[TrainingModulePage._meta.label] = module
    for label, page in pages.items():
        material = page.knowledge_materials.first()
        if material is not None:
            ids[f"material:{label}"] = material.pk
    # A resource only Editors may read (Wagtail view restriction), and its document.
    private = make_resource(
        library,
        GoodPracticeGuidePage,
        "Sec Private guide",
        materials=[(MaterialKind.TEMPLATE, "Sec Private guide file")],
    )
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))
    private_material = private.knowledge_materials.get()
    ids["private_page_path"] = private.url
    ids["tool_pk"] = pages["knowledge.SelfGuidedToolPage"].pk
    # A self-guided tool only Editors may read (its progress URL is outside the page).
    private_tool = make_resource(library, SelfGuidedToolPage, "Sec Private tool", steps=ONE_STEP)
    tool_restriction = PageViewRestriction.objects.create(
        page=private_tool, restriction_type=PageViewRestriction.GROUPS
    )
    tool_restriction.groups.set(Group.objects.filter(name="Editors"))
    ids["private_tool_pk"] = private_tool.pk
    ids["private_material"] = private_material.pk
    ids["private_document"] = private_material.document.pk
    ids["private_document_file"] = private_material.document.filename
    public_material = pages["knowledge.GoodPracticeGuidePage"].knowledge_materials.get()
    ids["public_document"] = public_material.document.pk
    ids["public_document_file"] = public_material.document.filename
    # A password-protected page (Wagtail's third kind of view restriction).
    secret = StandardPage(title="Sec Password page", slug="sec-password")
    home.add_child(instance=secret)
    secret.save_revision().publish()
    ids["password_restriction"] = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
    ).pk
    ids["password_page"] = secret.pk
    ids["password_page_path"] = secret.url
    ids["home_page"] = home.pk
    ids["home_page_fr"] = Page.objects.get(depth=2, locale__language_code="fr").pk
    ids["discuss_page"] = pages["knowledge.GoodPracticeGuidePage"].pk
    ids["resource_id"] = pages["knowledge.GoodPracticeGuidePage"].pk
    ids["private_resource_id"] = private.pk
    # The baseline page tree (tests/conftest.py) has one page of each portal type.
    english = Locale.get_default()
    pages["portal.HomePage"] = home
    pages["portal.StandardPage"] = StandardPage.objects.get(slug="about", locale=english)
    pages["portal.CountryIndexPage"] = CountryIndexPage.objects.get(locale=english)
    pages["portal.CountryPage"] = CountryPage.objects.get(slug="cambodia", locale=english)


def _ims(world):
    u, ids = world.users, world.ids
    with tempfile.TemporaryDirectory() as tmp:
        load_fixture(Path(tmp))
    world.pages["ims_bridge.ComplianceIndexPage"] = compliance_section([])
    f1, v1 = Factory.objects.get(star_id="F1"), Factory.objects.get(star_id="V1")
    now = timezone.now()
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=u["buyer_with"], expires_at=now + timedelta(days=30)
    )
    FactoryAccessGrant.objects.create(
        factory=f1, buyer=u["buyer_expired"], expires_at=now - timedelta(days=1)
    )
    FactoryAccessGrant.objects.create(factory=f1, buyer=u["buyer_revoked"], revoked_at=now)
    FactoryMembership.objects.create(user=u["factory_user"], factory=f1)
    kh = Country.objects.get(slug="cambodia", locale=Locale.get_default())
    CountryStaff.objects.create(user=u["country_staff"], country=kh)
    ids["factory"] = f1.star_id  # Cambodia; shared with buyer_with only
    ids["other_factory"] = v1.star_id  # Vietnam; nobody's but global staff's
    ids["country"] = kh.slug
    ids["table"] = "clusters"


def _trainers(world):
    """The member is a trainer (issue 18) with a certificate for the world's programme."""
    trainer = TrainerProfile.objects.create(
        user=world.users["member"], name="Sec Trainer", listed=True
    )
    programme = world.pages["knowledge.TrainingProgrammePage"]
    ProgrammeRecord.objects.create(
        trainer=trainer, programme=programme, status="completed", date="2024-01-15"
    )
    certificate = issue_certificate(trainer, programme, "en", world.users["superuser"])
    world.ids["certificate"] = certificate.number
    world.ids["trainer"] = trainer.pk


def _publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _restrict_to_editors(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Editors"))


def _events(world):
    """Issue 18's events: a public event in Cambodia (the member is registered) and one only
    Editors may read."""
    ids, pages = world.ids, world.pages
    home = HomePage.objects.get(locale=Locale.get_default())
    index = _publish_under(home, EventIndexPage(title="Sec Events", slug="sec-events"))
    pages[EventIndexPage._meta.label] = index
    start = timezone.now() + timedelta(days=10)
    cambodia = Country.objects.get(slug="cambodia", locale=home.locale)
    made = {}
    for name in ("public", "restricted"):
        event = EventPage(
            title=f"Sec {name} workshop",
            slug=f"sec-{name}-workshop",
            summary="A workshop of the security suite.",
            kind="workshop",
            place="Phnom Penh",
            time_zone="Asia/Phnom_Penh",
            start=start,
            end=start + timedelta(hours=3),
            capacity=20,
        )
        event.countries.set([cambodia])  # saved with the page (a parental relation)
        made[name] = _publish_under(index, event)
    _restrict_to_editors(made["restricted"])
    event_registration.register(world.users["member"], made["public"], "en")
    pages[EventPage._meta.label] = made["public"]
    ids["event"] = made["public"].pk
    ids["restricted_event"] = made["restricted"].pk
    ids["restricted_event_path"] = made["restricted"].url


def _news_and_glossary(world):
    ids, pages = world.ids, world.pages
    home = HomePage.objects.get(locale=Locale.get_default())
    news = _publish_under(home, NewsIndexPage(title="Sec News", slug="sec-news"))
    pages[NewsIndexPage._meta.label] = news
    pages[NewsArticlePage._meta.label] = _publish_under(
        news,
        NewsArticlePage(
            title="Sec article",
            slug="sec-article",
            summary="News of the security suite.",
            body="<p>Body.</p>",
            date=datetime.date(2026, 1, 15),
        ),
    )
    pages[GlossaryPage._meta.label] = _publish_under(
        home, GlossaryPage(title="Sec Glossary", slug="sec-glossary")
    )
    term = GlossaryTerm.objects.create(
        term="Sec term",
        slug="sec-term",
        definition="A term of the security suite.",
        locale=home.locale,
    )
    ids["glossary_term"] = term.slug


def build_world():
    _groups()
    world = World()
    _users(world)
    _communities(world)
    _knowledge(world)
    _ims(world)
    _trainers(world)
    _events(world)
    _news_and_glossary(world)
    Page.fix_tree(fix_paths=False)
    return world
