"""The admin form of resource pages: the taxonomy choices of ``portal`` plus the checks that
need more than one field (a country adaptation's global tool)."""

from portal.translation_admin.forms import LocalizedTermsPageForm

from .models.inventory import validate_adaptation


class ResourcePageForm(LocalizedTermsPageForm):
    def clean(self):
        cleaned = super().clean()
        validate_adaptation(self)
        return cleaned
