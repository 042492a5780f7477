"""Forms of the improvement plan pages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.models import CompliancePoint

from ...models import PlanAction, PlanNotificationPreference, PlanParticipant, Training


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ActionEditForm(forms.ModelForm):
    class Meta:
        model = PlanAction
        fields = ["owner", "due_date", "status", "notes", "trainings"]
        widgets = {
            "due_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "trainings": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, factory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainings"].queryset = Training.objects.filter(factory=factory).order_by(
            "-start_date"
        )
        self.fields["trainings"].help_text = _("Trainings of this factory this action addresses.")


class ActionAddForm(ActionEditForm):
    class Meta(ActionEditForm.Meta):
        fields = ["compliance_point", "action", *ActionEditForm.Meta.fields]
        widgets = {**ActionEditForm.Meta.widgets, "action": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, factory, **kwargs):
        super().__init__(*args, factory=factory, **kwargs)
        self.fields["compliance_point"].queryset = (
            CompliancePoint.objects.filter(locale=Locale.get_default())
            .select_related("cluster")
            .order_by("cluster__sort_order", "sort_order", "name")
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Evidence file"),
        help_text=_("PDF, PNG, JPEG, DOCX or XLSX."),
    )


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = PlanParticipant
        fields = ["name", "position", "side", "picc_member", "since"]
        widgets = {"since": DateInput()}


class NotificationForm(forms.ModelForm):
    class Meta:
        model = PlanNotificationPreference
        fields = ["reminders", "buyer_digest"]
