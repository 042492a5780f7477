"""wagtail-factories page factories for every page type of the tree. A page is added under
``parent`` and published (``publish=False`` leaves it a draft), as an editor would; resources
take their taxonomy as slugs or terms and their materials as (kind, document title) pairs."""

import datetime
import json

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale, Page

from ims_bridge.models import ComplianceIndexPage
from knowledge.models import (
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    Material,
    ModelPolicyPage,
    PublicationKind,
    PublicationPage,
    ResourceLibraryPage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from knowledge.pdf import make_pdf
from portal.models import (
    Audience,
    CompliancePoint,
    Country,
    CountryIndexPage,
    CountryPage,
    HomePage,
    Industry,
    StandardPage,
    Topic,
)

from .localize import translate
from .taxonomy import terms


def stream(*blocks):
    """A StreamField value from (block type, value) pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


class PortalPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True  # saved below, before publishing

    publish = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        kwargs.pop("publish", None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        publish = kwargs.pop("publish", True)
        page = super()._create(model_class, *args, **kwargs)
        page._factory_publish = publish
        return page

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        if results:
            instance.save()  # the taxonomy and materials the hooks set
        if getattr(instance, "_factory_publish", False):
            instance.save_revision().publish()


class HomePageFactory(PortalPageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = "home"


class StandardPageFactory(PortalPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")


class CountryIndexPageFactory(PortalPageFactory):
    class Meta:
        model = CountryIndexPage

    title = "Countries"
    slug = "countries"


class CountryPageFactory(PortalPageFactory):
    class Meta:
        model = CountryPage

    country = factory.SubFactory("tests.factories.taxonomy.CountryFactory")
    title = factory.LazyAttribute(lambda page: page.country.name)
    slug = factory.LazyAttribute(lambda page: page.country.slug)


class ResourceLibraryPageFactory(PortalPageFactory):
    class Meta:
        model = ResourceLibraryPage

    title = "Resources"
    slug = "resources"


class ComplianceIndexPageFactory(PortalPageFactory):
    class Meta:
        model = ComplianceIndexPage

    title = "Compliance"
    slug = "compliance"


def compliance_section(locales=None):
    """The compliance section under the English home (made once), translated into ``locales``
    (default: every other language) and published there."""
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ComplianceIndexPage.objects.child_of(home).first()
    if page is None:
        page = ComplianceIndexPageFactory(parent=home, intro="Compliance by country.")
    translate(page, locales)
    # A translation's publication waits for a commit that a test's transaction never makes.
    for translation in page.get_translations().filter(live=False):
        translation.specific.save_revision().publish()
    Page.fix_tree(fix_paths=False)  # wagtail-localize can leave stale child counts
    return page


def make_document(title):
    """A PDF document titled ``title`` (saved with its size and hash, as Wagtail's upload form
    does)."""
    document = Document(title=title)
    name = f"{title.lower().replace(' ', '-')}.pdf"
    document.file.save(name, ContentFile(make_pdf(title)), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _tagger(field, model):
    def tag(page, create, values, **kwargs):
        if create and values:
            getattr(page, field).set(terms(model, values))

    return factory.PostGeneration(tag)


class ResourcePageFactory(PortalPageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}")

    countries = _tagger("countries", Country)
    industries = _tagger("industries", Industry)
    topics = _tagger("topics", Topic)
    audiences = _tagger("audiences", Audience)
    compliance_points = _tagger("compliance_points", CompliancePoint)

    @factory.post_generation
    def materials(page, create, materials, **kwargs):
        for order, (kind, title) in enumerate(materials or ()):
            page.knowledge_materials.add(
                Material(kind=kind, sort_order=order, document=make_document(title))
            )


class TrainingProgrammePageFactory(ResourcePageFactory):
    class Meta:
        model = TrainingProgrammePage


class TrainingModulePageFactory(ResourcePageFactory):
    class Meta:
        model = TrainingModulePage


class ModelPolicyPageFactory(ResourcePageFactory):
    class Meta:
        model = ModelPolicyPage


class GoodPracticeGuidePageFactory(ResourcePageFactory):
    class Meta:
        model = GoodPracticeGuidePage


class WorkbookPageFactory(ResourcePageFactory):
    class Meta:
        model = WorkbookPage


class AwarenessMaterialPageFactory(ResourcePageFactory):
    class Meta:
        model = AwarenessMaterialPage


class SelfGuidedToolPageFactory(ResourcePageFactory):
    class Meta:
        model = SelfGuidedToolPage


class PublicationPageFactory(ResourcePageFactory):
    publication_kind = PublicationKind.RESEARCH_BRIEF
    publication_date = datetime.date(2026, 3, 1)

    class Meta:
        model = PublicationPage


RESOURCE_FACTORIES = {
    factory_class._meta.model: factory_class
    for factory_class in (
        TrainingProgrammePageFactory,
        TrainingModulePageFactory,
        ModelPolicyPageFactory,
        GoodPracticeGuidePageFactory,
        WorkbookPageFactory,
        AwarenessMaterialPageFactory,
        SelfGuidedToolPageFactory,
        PublicationPageFactory,
    )
}
