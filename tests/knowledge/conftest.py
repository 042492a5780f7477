"""A small, known resource library built per test (inside the rolled-back transaction)."""

import itertools

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale, Page

from knowledge.models import (
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    Material,
    MaterialKind,
    ModelPolicyPage,
    ResourceLibraryPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from knowledge.pdf import make_pdf
from portal.demo.localize import translate
from portal.models import Audience, CompliancePoint, Country, HomePage, Industry, Topic

_counter = itertools.count()


def term(model, slug):
    return model.objects.get(slug=slug, locale=Locale.get_default())


def make_document(title):
    doc = Document(title=title)
    doc.file.save(
        f"{title.lower().replace(' ', '-')}.pdf", ContentFile(make_pdf(title)), save=False
    )
    doc._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
    doc.save()
    return doc


def make_resource(
    parent,
    model,
    title,
    *,
    countries=(),
    industries=(),
    topics=(),
    audiences=(),
    points=(),
    materials=(),
    publish=True,
    **fields,
):
    page = model(
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_counter)}",
        summary=f"Summary of {title}",
        **fields,
    )
    parent.add_child(instance=page)
    page.countries.set([term(Country, s) for s in countries])
    page.industries.set([term(Industry, s) for s in industries])
    page.topics.set([term(Topic, s) for s in topics])
    page.audiences.set([term(Audience, s) for s in audiences])
    page.compliance_points.set([term(CompliancePoint, s) for s in points])
    for order, (kind, doc_title) in enumerate(materials):
        page.knowledge_materials.add(
            Material(kind=kind, sort_order=order, document=make_document(doc_title))
        )
    page.save()  # commit the materials so their ids are in the revision
    if publish:
        page.save_revision().publish()
    return model.objects.get(pk=page.pk)


@pytest.fixture
def library(db):
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ResourceLibraryPage(title="Resources", slug="resources")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def dataset(library, django_capture_on_commit_callbacks):
    """Six resources; A also exists in Khmer.

    | | type | countries | industries | topics |
    | A | guide | cambodia | apparel | occupational-safety-and-health |
    | B | policy | cambodia, vietnam | footwear | osh, gender-equality |
    | C | workbook | (global) | apparel | gender-equality |
    | D | awareness | vietnam | apparel | wages-and-working-time |
    | E | programme | bangladesh | apparel | — |
    | M | module of E | bangladesh | apparel | — |
    """
    osh, gender, wages = (
        "occupational-safety-and-health",
        "gender-equality",
        "wages-and-working-time",
    )
    a = make_resource(
        library,
        GoodPracticeGuidePage,
        "Guide A",
        countries=["cambodia"],
        industries=["apparel"],
        topics=[osh],
        audiences=["trainers"],
    )
    b = make_resource(
        library,
        ModelPolicyPage,
        "Policy B",
        countries=["cambodia", "vietnam"],
        industries=["footwear"],
        topics=[osh, gender],
        materials=[(MaterialKind.TEMPLATE, "Policy B template")],
    )
    c = make_resource(library, WorkbookPage, "Workbook C", industries=["apparel"], topics=[gender])
    d = make_resource(
        library,
        AwarenessMaterialPage,
        "Poster D",
        countries=["vietnam"],
        industries=["apparel"],
        topics=[wages],
    )
    e = make_resource(
        library,
        TrainingProgrammePage,
        "Programme E",
        countries=["bangladesh"],
        industries=["apparel"],
    )
    m = make_resource(
        e,
        TrainingModulePage,
        "Module M",
        countries=["bangladesh"],
        industries=["apparel"],
        materials=[
            (MaterialKind.TRAINER_GUIDE, "Module M trainer guide"),
            (MaterialKind.HANDOUT, "Module M handout"),
        ],
    )
    km = Locale.objects.get(language_code="km")
    # wagtail-localize publishes translations on commit.
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=library.pk).specific, [km])
    with django_capture_on_commit_callbacks(execute=True):
        translate(Page.objects.get(pk=a.pk).specific, [km])
    return {"A": a, "B": b, "C": c, "D": d, "E": e, "M": m}
