"""A small, known resource library built per test (inside the rolled-back transaction)."""

import itertools

import pytest
from wagtail.models import Locale, Page

from knowledge.models import (
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    MaterialKind,
    ModelPolicyPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
)
from portal.models import HomePage
from tests.factories import (
    RESOURCE_FACTORIES,
    ResourceLibraryPageFactory,
    make_document,  # noqa: F401  (imported from here by other suites)
    translate,
)

_counter = itertools.count()


def make_resource(parent, model, title, *, publish=True, **fields):
    """A resource page of type ``model`` under ``parent`` (tests/factories/pages.py): taxonomy
    as slugs (``countries``, ``industries``, ``topics``, ``audiences``, ``points``), materials
    as (kind, document title) pairs; published unless ``publish=False``."""
    if "points" in fields:
        fields["compliance_points"] = fields.pop("points")
    page = RESOURCE_FACTORIES[model](
        parent=parent,
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{next(_counter)}",
        publish=publish,
        **fields,
    )
    return model.objects.get(pk=page.pk)


@pytest.fixture
def library(db):
    return ResourceLibraryPageFactory(parent=HomePage.objects.get(locale=Locale.get_default()))


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
