"""Forms of trainer development: the trainer's own profile (site), and the trainer
coordinators' admin forms, which note who recorded a programme or issued a certificate and
copy what a certificate prints when it is issued."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from portal.models import Country, Topic

from ..models import TrainerProfile
from .records import fill_certificate


def _default_terms(model):
    return model.objects.filter(locale=Locale.get_default()).order_by("name")


class TrainerProfileForm(forms.ModelForm):
    class Meta:
        model = TrainerProfile
        fields = ["name", "languages", "countries", "topics", "bio", "listed"]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "countries": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "name": forms.TextInput(attrs={"dir": "auto"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].queryset = _default_terms(Country)
        self.fields["topics"].queryset = _default_terms(Topic)
        self.fields["languages"].queryset = Locale.objects.order_by("language_code")
        self.fields["languages"].label_from_instance = lambda locale: locale.get_display_name()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter your name."))
        return name


class DefaultTermsAdminForm(WagtailAdminModelForm):
    """Profiles point at default-language taxonomy terms, as communities do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in (("countries", Country), ("topics", Topic)):
            if name in self.fields:
                self.fields[name].queryset = _default_terms(model)


class ProgrammeRecordAdminForm(WagtailAdminModelForm):
    def save(self, commit=True):
        if self.instance.recorded_by_id is None and self.for_user is not None:
            self.instance.recorded_by = self.for_user
        return super().save(commit=commit)


class CertificateAdminForm(WagtailAdminModelForm):
    """Issuing: trainer, programme and language, nothing else; once issued these stay as
    they are and the certificate can only be revoked (with a reason)."""

    revoke = forms.BooleanField(
        label=_("Revoke this certificate"),
        required=False,
        help_text=_("The verification page then says it is revoked. This cannot be undone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        issued = self.instance.pk is not None
        for name in ("trainer", "programme", "language"):
            if name in self.fields:
                self.fields[name].disabled = issued
        if not issued:
            self.fields.pop("revoke", None)
            self.fields.pop("revocation_reason", None)
        elif self.instance.revoked_at is not None:
            self.fields["revoke"].initial = True
            self.fields["revoke"].disabled = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            fields = ("trainer", "programme", "language")
            if all(cleaned.get(name) for name in fields):
                for name in fields:
                    setattr(self.instance, name, cleaned[name])
                try:
                    fill_certificate(self.instance)
                except ValidationError as error:
                    for field, messages in error.message_dict.items():
                        self.add_error(field if field in self.fields else None, messages)
        elif (
            cleaned.get("revoke")
            and self.instance.revoked_at is None
            and not cleaned.get("revocation_reason", "").strip()
        ):
            self.add_error("revocation_reason", _("Say why the certificate is revoked."))
        return cleaned

    def save(self, commit=True):
        certificate = self.instance
        if certificate.pk is None and self.for_user is not None:
            certificate.issued_by = self.for_user
        if self.cleaned_data.get("revoke") and certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = self.for_user
        return super().save(commit=commit)
