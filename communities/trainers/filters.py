"""The directory of certified trainers' filters (django-filter), shared by the page and the
API: ``country``, ``topic`` (taxonomy slugs), ``language`` (portal language codes), each
taking several values (OR-ed; filters AND-ed), and ``q``, words in the name, bio or a
certified programme's title. An unknown value makes the form invalid: the callers answer 400
with the form's message rather than ignoring it."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from ..models import Certificate
from .records import directory, taxonomy_names

MAX_QUERY = 200


class SlugsFilter(django_filters.MultipleChoiceFilter):
    field_class = forms.MultipleChoiceField


class TrainerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text", label=_("Name, programme or words in the bio"), max_length=MAX_QUERY
    )
    country = SlugsFilter(field_name="countries__slug", label=_("Country"), distinct=True)
    language = SlugsFilter(
        field_name="languages__language_code", label=_("Language"), distinct=True
    )
    topic = SlugsFilter(field_name="topics__slug", label=_("Topic"), distinct=True)

    def __init__(self, data=None, *, language, **kwargs):
        super().__init__(data, queryset=directory(), **kwargs)
        self.names = taxonomy_names(language)  # the entries' names too
        for name, names in self.names.items():
            self.filters[name].extra["choices"] = sorted(
                names.items(), key=lambda item: item[1].lower()
            )
        self.filters["language"].extra["choices"] = [
            (code, settings.LANGUAGE_NAMES_TRANSLATED[code]) for code, _n in settings.LANGUAGES
        ]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        programme = Certificate.objects.filter(
            trainer=OuterRef("pk"), revoked_at__isnull=True, programme_title__icontains=value
        )
        return queryset.filter(
            Q(name__icontains=value) | Q(bio__icontains=value) | Exists(programme)
        )

    def error_message(self):
        """One sentence naming each refused parameter and why (the form's own messages)."""
        parts = []
        for field, errors in self.form.errors.items():
            parts.append(f"{field}: {' '.join(str(e) for e in errors)}")
        return "; ".join(parts)

    def results(self):
        return self.qs.order_by("name", "pk")
