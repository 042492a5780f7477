"""The portal's taxonomy snippets. Each term is made in the default locale (English) unless a
``locale`` is given; ``django_get_or_create`` on (slug, locale) lets a test ask for a term the
baseline already has and get that row."""

import itertools
import string

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from portal.models import Audience, Cluster, CompliancePoint, Country, Industry, Topic

# ISO 3166 codes kept for user assignment (XA-XZ, QM-QZ): never a real country of the baseline.
_USER_ASSIGNED_CODES = itertools.cycle(
    [f"X{letter}" for letter in string.ascii_uppercase]
    + [f"Q{letter}" for letter in string.ascii_uppercase[12:]]
)


def default_locale():
    return Locale.get_default()


class TermFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    locale = factory.LazyFunction(default_locale)


class CountryFactory(TermFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")
    iso_code = factory.LazyFunction(lambda: next(_USER_ASSIGNED_CODES))
    programme_status = "active"


class IndustryFactory(TermFactory):
    class Meta:
        model = Industry

    name = factory.Sequence(lambda n: f"Industry {n}")


class TopicFactory(TermFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class AudienceFactory(TermFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Audience {n}")


class ClusterFactory(TermFactory):
    class Meta:
        model = Cluster

    name = factory.Sequence(lambda n: f"Cluster {n}")
    kind = "NLL"


class CompliancePointFactory(TermFactory):
    class Meta:
        model = CompliancePoint

    name = factory.Sequence(lambda n: f"Compliance point {n}")
    cluster = factory.SubFactory(ClusterFactory, locale=factory.SelfAttribute("..locale"))
    confirmed = True


def term(model, slug, locale=None):
    """The existing term ``slug`` (default: in English)."""
    return model.objects.get(slug=slug, locale=locale or Locale.get_default())


def terms(model, values):
    """Terms from a mix of slugs and term objects (what the page factories accept)."""
    return [term(model, value) if isinstance(value, str) else value for value in values]
