"""IMS (STAR) rows for tests that need a factory or an assessment without an import. Tests of
the import itself build STAR exports with tests/ims_bridge/helpers.py instead."""

import datetime

from factory import LazyAttribute, LazyFunction, SelfAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory

from ims_bridge.models import (
    Assessment,
    CatVersion,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryMembership,
    Finding,
    Question,
)
from portal.models import CompliancePoint, Country

from .taxonomy import term
from .users import UserFactory


class StarFactoryFactory(DjangoModelFactory):
    """An IMS factory (a garment factory, not a factory_boy one)."""

    class Meta:
        model = Factory

    star_id = Sequence(lambda n: f"T{n}")
    name = LazyAttribute(lambda row: f"Factory {row.star_id}")
    country = LazyFunction(lambda: term(Country, "cambodia"))


class CatVersionFactory(DjangoModelFactory):
    class Meta:
        model = CatVersion
        django_get_or_create = ("country", "name")

    country = LazyFunction(lambda: term(Country, "cambodia"))
    name = "Test CAT"


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    cat_version = SubFactory(CatVersionFactory)
    star_id = Sequence(lambda n: f"Q{n}")
    global_id = LazyAttribute(lambda row: f"G-{row.star_id}")
    label = LazyAttribute(lambda row: f"Question {row.star_id}")
    type = "NCQ"
    compliance_point = LazyFunction(lambda: term(CompliancePoint, "overtime"))


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    star_id = Sequence(lambda n: f"A{n}")
    factory = SubFactory(StarFactoryFactory)
    cycle = 1
    start_date = datetime.date(2024, 1, 15)
    cat_version = SubFactory(CatVersionFactory, country=SelfAttribute("..factory.country"))


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    assessment = SubFactory(AssessmentFactory)
    question = SubFactory(QuestionFactory, cat_version=SelfAttribute("..assessment.cat_version"))
    value = 0


class FactoryMembershipFactory(DjangoModelFactory):
    class Meta:
        model = FactoryMembership

    user = SubFactory(UserFactory, groups=["Factory users"])
    factory = SubFactory(StarFactoryFactory)


class FactoryAccessGrantFactory(DjangoModelFactory):
    class Meta:
        model = FactoryAccessGrant

    factory = SubFactory(StarFactoryFactory)
    buyer = SubFactory(UserFactory)


class CountryStaffFactory(DjangoModelFactory):
    class Meta:
        model = CountryStaff

    user = SubFactory(UserFactory)
    country = LazyFunction(lambda: term(Country, "cambodia"))
