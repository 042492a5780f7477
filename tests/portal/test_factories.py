"""The test factories (tests/factories) make what they say: published pages of each type in
the tree, resources with their taxonomy and materials, translated terms, threads with their
opening post, IMS findings on one factory's assessment."""

import pytest
from wagtail.models import Locale

from knowledge.models import MaterialKind
from tests.factories import (
    RESOURCE_FACTORIES,
    FindingFactory,
    MembershipFactory,
    PostFactory,
    ResourceLibraryPageFactory,
    StandardPageFactory,
    ThreadFactory,
    TopicFactory,
    UserFactory,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    from portal.models import HomePage

    return HomePage.objects.get(locale=Locale.get_default())


def test_pages_are_published_under_their_parent(client, home):
    page = StandardPageFactory(parent=home, title="Factory page", slug="factory-page")
    draft = StandardPageFactory(parent=home, title="Draft page", publish=False)
    assert page.get_parent().pk == home.pk and page.live
    assert page.get_latest_revision().content["title"] == "Factory page"
    assert client.get("/en/factory-page/").status_code == 200
    assert draft.get_latest_revision() is None


@pytest.mark.parametrize("model", list(RESOURCE_FACTORIES), ids=lambda model: model.__name__)
def test_every_resource_type_takes_taxonomy_and_materials(client, home, model):
    library = ResourceLibraryPageFactory(parent=home)
    page = RESOURCE_FACTORIES[model](
        parent=library,
        countries=["cambodia"],
        topics=[TopicFactory(name="Fire drills")],
        materials=[(MaterialKind.HANDOUT, "Drill handout")],
    )
    page = model.objects.get(pk=page.pk)
    assert [c.slug for c in page.countries.all()] == ["cambodia"]
    assert [t.slug for t in page.topics.all()] == ["fire-drills"]
    assert [m.document.title for m in page.knowledge_materials.all()] == ["Drill handout"]
    assert page.live and client.get(page.url).status_code == 200


def test_translate_uses_the_baseline_memory(django_capture_on_commit_callbacks):
    topic = TopicFactory(name="Countries")  # a string the baseline memory knows
    french = Locale.objects.get(language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        assert translate(topic, [french]) == 1
    assert topic.get_translation(french).name == "Pays"
    assert translate(topic, [french]) == 0


def test_threads_and_replies_go_through_the_services():
    membership = MembershipFactory()
    thread = ThreadFactory(
        community=membership.community, author=membership.user, body="Hi **all**"
    )
    reply = PostFactory(thread=thread, author=UserFactory())
    thread.refresh_from_db()
    opening = thread.posts.get(is_opening=True)
    assert "<strong>all</strong>" in opening.html
    assert thread.reply_count == 1 and reply.thread_id == thread.pk


def test_findings_share_their_assessment_and_cat_version():
    finding = FindingFactory(value=1)
    assert finding.question.cat_version == finding.assessment.cat_version
    assert finding.assessment.factory.country.slug == "cambodia"
    assert finding.question.compliance_point.slug == "overtime"
