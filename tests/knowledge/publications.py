"""Builders for the publication and tool-inventory tests."""

import datetime

from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from knowledge.models import MaterialKind, PublicationAuthor, PublicationPage, PublicationSeries
from tests.factories import translate

from .conftest import make_resource


def make_series(name="Better Work Research Briefs", slug="research-briefs"):
    return PublicationSeries.objects.create(name=name, slug=slug, locale=Locale.get_default())


def make_publication(library, title, kind="research-brief", *, authors=(), publish=True, **fields):
    fields.setdefault("publication_date", datetime.date(2024, 11, 18))
    page = make_resource(
        library, PublicationPage, title, publication_kind=kind, publish=False, **fields
    )
    for order, (name, affiliation) in enumerate(authors):
        PublicationAuthor.objects.create(
            page=page, name=name, affiliation=affiliation, sort_order=order
        )
    page = PublicationPage.objects.get(pk=page.pk)
    if publish:
        page.save_revision().publish()
    return PublicationPage.objects.get(pk=page.pk)


def translate_into(capture, instance, *codes):
    """Translate as an editor would with wagtail-localize (published when the transaction
    commits): ``capture`` is django_capture_on_commit_callbacks."""
    locales = list(Locale.objects.filter(language_code__in=codes))
    if isinstance(instance, Page):
        instance = Page.objects.get(pk=instance.pk).specific
    with capture(execute=True):
        translate(instance, locales)


def editor_user(django_user_model, username="kn-editor"):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


PDF = [(MaterialKind.OTHER, "Full report")]
