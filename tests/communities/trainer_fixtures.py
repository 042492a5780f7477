"""Fixtures of the trainer development tests (imported by tests/communities/test_trainers_*):
a published training programme with a Khmer translation, trainers, coordinators and a way to
record and certify through the public services."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from communities.models import ProgrammeRecord, ProgrammeStatus, TrainerProfile
from communities.trainers.records import issue_certificate
from knowledge.models import ResourceLibraryPage, TrainingProgrammePage
from portal.models import Country, HomePage, Topic

PROGRAMME_EN = "Supervisory Skills Training"
PROGRAMME_KM = "វគ្គបណ្តុះបណ្តាលជំនាញប្រធានក្រុម"


@pytest.fixture
def programme(db):
    home = HomePage.objects.get(locale=Locale.get_default())
    library = ResourceLibraryPage(title="Resources", slug="resources-trainers")
    home.add_child(instance=library)
    library.save_revision().publish()
    page = TrainingProgrammePage(
        title=PROGRAMME_EN, slug="supervisory-skills-test", summary="For line supervisors."
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    khmer = page.copy_for_translation(Locale.objects.get(language_code="km"), copy_parents=True)
    khmer.title = PROGRAMME_KM
    khmer.save_revision().publish()
    for translated in khmer.get_ancestors().filter(depth__gt=2, live=False):
        translated.specific.save_revision().publish()
    return TrainingProgrammePage.objects.get(pk=page.pk)


@pytest.fixture
def second_programme(programme):
    page = TrainingProgrammePage(
        title="Bipartite committee training", slug="committees-test", summary="Committees."
    )
    programme.get_parent().add_child(instance=page)
    page.save_revision().publish()
    return TrainingProgrammePage.objects.get(pk=page.pk)


@pytest.fixture
def coordinator(make_user):
    user = make_user("coordinator")
    user.groups.add(Group.objects.get(name="Trainer coordinators"))
    return user


def terms(model, *slugs):
    return model.objects.filter(slug__in=slugs, locale=Locale.get_default())


@pytest.fixture
def make_trainer(make_user):
    def make(
        username,
        name,
        *,
        listed=True,
        languages=("km",),
        countries=("cambodia",),
        topics=("supervisory-skills",),
        bio="",
    ):
        user = make_user(username)
        profile = TrainerProfile.objects.create(user=user, name=name, listed=listed, bio=bio)
        profile.languages.set(Locale.objects.filter(language_code__in=languages))
        profile.countries.set(terms(Country, *countries))
        profile.topics.set(terms(Topic, *topics))
        return profile

    return make


@pytest.fixture
def certify(coordinator):
    def certify(trainer, programme, language="en", when=datetime.date(2024, 3, 15)):
        ProgrammeRecord.objects.get_or_create(
            trainer=trainer,
            programme=programme,
            status=ProgrammeStatus.COMPLETED,
            defaults={"date": when, "recorded_by": coordinator},
        )
        return issue_certificate(trainer, programme, language, coordinator)

    return certify
