"""Forms of the self-assessment pages: one step's answers, and sharing a result."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ims_bridge.models import FactoryAccessGrant

from .self_assessment_service import MAX_TEXT

NCQ_CHOICES = [
    ("", _("Not answered")),
    ("0", _("Yes, compliant")),
    ("1", _("No, not compliant")),
]


def answer_field_name(question):
    return f"q{question.pk}"


def shown_field_name(question):
    return f"shown_q{question.pk}"


class StepForm(forms.Form):
    """The answers of one step. Each question also carries the answer the page showed, so a
    question this user left alone does not overwrite what a colleague saved meanwhile."""

    def __init__(self, items, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            name = answer_field_name(item.question)
            if item.is_ncq:
                field = forms.ChoiceField(
                    label=item.question.label,
                    choices=NCQ_CHOICES,
                    required=False,
                    widget=forms.RadioSelect,
                    initial=item.shown,
                )
            else:
                field = forms.CharField(
                    label=item.question.label,
                    required=False,
                    max_length=MAX_TEXT,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=item.shown,
                )
            self.fields[name] = field
            self.fields[shown_field_name(item.question)] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=item.shown
            )

    def bound_items(self):
        return [
            (item, self[answer_field_name(item.question)], self[shown_field_name(item.question)])
            for item in self.items
        ]

    def changed_answers(self):
        """{question id: value} of the answers this user changed (all posted answers when the
        client sent no shown values)."""
        changed = {}
        for item in self.items:
            name = answer_field_name(item.question)
            if name not in self.data:
                if item.is_ncq and shown_field_name(item.question) in self.data:
                    value = ""  # an unchecked radio group posts nothing
                else:
                    continue
            else:
                value = self.cleaned_data[name]
            shown = self.data.get(shown_field_name(item.question))
            if shown is None or shown != value:
                changed[item.question.pk] = value
        return changed


class ShareForm(forms.Form):
    grants = forms.ModelMultipleChoiceField(
        label=_("Buyers who may read this result"),
        queryset=FactoryAccessGrant.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["grants"]
        field.queryset = (
            FactoryAccessGrant.objects.active().filter(factory=factory).select_related("buyer")
        )
        field.label_from_instance = lambda grant: (
            grant.buyer.get_full_name() or str(grant.buyer.get_username())
        )
