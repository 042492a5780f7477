"""Admin forms that offer each taxonomy term once, in the language the relation stores.

wagtail-localize translates a foreign key to a translatable snippet (a country page's
country, a compliance point's cluster) into the target's locale, but copies a
``ParentalManyToManyField`` (a resource's countries, industries, topics, audiences) from the
source unchanged (``wagtail_localize.fields.copy_synchronised_fields``), and the library's
facets read those default-language terms. So a single choice offers the object's own
language, a multiple choice the default (source) language: one row per term either way."""

from urllib.parse import urlencode

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.widgets import AdminSnippetChooser


class LocaleSnippetChooser(AdminSnippetChooser):
    """The snippet chooser whose modal opens on the terms of one language."""

    def __init__(self, model=None, locale=None, **kwargs):
        self.locale = locale
        super().__init__(model=model, **kwargs)

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        if self.locale is None:
            return url
        return f"{url}?{urlencode({'locale': self.locale.language_code})}"


def is_translatable_term(model):
    return (
        model is not None and issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    )


def limit_terms_to_locale(form, locale):
    """Every single choice of a translatable snippet (taxonomy) in `form` is narrowed to
    `locale`, every multiple choice to the default locale (what wagtail-localize copies)."""
    if locale is None:
        return
    default = Locale.get_default()
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not is_translatable_term(queryset.model):
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.queryset = queryset.filter(locale=default)
            continue
        field.queryset = queryset.filter(locale=locale)
        if isinstance(field.widget, AdminSnippetChooser):
            field.widget = LocaleSnippetChooser(model=queryset.model, locale=locale)


class LocalizedTermsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
        if locale is None and parent_page is not None:
            locale = parent_page.locale
        limit_terms_to_locale(self, locale)


class LocalizedTermsModelForm(WagtailAdminModelForm):
    """For translatable snippets that point at other terms (a compliance point's cluster)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(self.instance, "locale_id", None):
            limit_terms_to_locale(self, self.instance.locale)
