"""The community's admin form: no translation in the community's own language (a translation
row cannot see its community's language before the community is saved; duplicate languages
among the rows are refused by the formset's own unique check)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class CommunityAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("translations")
        if formset is None or not hasattr(self, "cleaned_data"):
            return valid
        own = self.cleaned_data.get("language") or self.instance.language
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("language") == own and not data.get("DELETE"):
                form.add_error(
                    "language",
                    _("The community is already written in this language; choose another one."),
                )
                valid = False
        return valid
