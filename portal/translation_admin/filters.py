"""Admin listing filters over taxonomy: one choice per term, not one per language.

Relations that are not translated (a factory's country, a community's countries) store the
default-language term, so the filter offers those."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from .forms import is_translatable_term


def _default_locale_terms(model):
    def queryset(request):
        return model.objects.filter(locale=Locale.get_default())

    return queryset


class DefaultLocaleTermsFilterSet(WagtailFilterSet):
    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        filter_ = super().filter_for_field(field, field_name, lookup_expr)
        model = getattr(field, "related_model", None)
        if is_translatable_term(model) and hasattr(filter_, "queryset"):
            filter_.queryset = _default_locale_terms(model)  # django-filter calls it per request
        return filter_
