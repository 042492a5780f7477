"""The programme list's filters (country and industry slugs), checked like any user input."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProgrammeFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    industry = forms.ChoiceField(label=_("Industry"), required=False)

    def __init__(self, data, countries, industries):
        super().__init__(data)
        everything = [("", pgettext_lazy("staff", "All"))]
        self.fields["country"].choices = everything + list(countries)
        self.fields["industry"].choices = everything + list(industries)

    def apply(self, factories):
        """The factories that match the (valid) filters."""
        if self.cleaned_data.get("country"):
            factories = factories.filter(country__slug=self.cleaned_data["country"])
        if self.cleaned_data.get("industry"):
            factories = factories.filter(industry__slug=self.cleaned_data["industry"])
        return factories

    def error_text(self):
        return " ".join(str(e) for errors in self.errors.values() for e in errors)
