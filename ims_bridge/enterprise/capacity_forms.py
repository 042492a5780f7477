"""Forms of the capacity pages: a training, one month of indicator values, the CSV upload
and the sharing setting."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from knowledge.models import TrainingModulePage

from .capacity_indicators import MAX_VALUE, parse_month
from .models import FactorySharing, Training

MAX_PARTICIPANTS = 100000


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        return f"{page.title} ({page.locale.language_code})"


def training_modules():
    """Live training-module pages of the library, in every language."""
    return Page.objects.live().type(TrainingModulePage).select_related("locale").order_by("title")


class TrainingForm(forms.ModelForm):
    """Participants are counted twice, by role and by sex: both counts must give the same
    total (every participant has one role and is counted as a woman or a man)."""

    module = ModuleChoiceField(
        queryset=Page.objects.none(),
        required=False,
        label=_("Library training module"),
        help_text=_("Or give the programme's name below."),
    )

    class Meta:
        model = Training
        fields = [
            "module",
            "programme",
            "start_date",
            "end_date",
            "managers",
            "supervisors",
            "workers",
            "women",
            "men",
            "notes",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = training_modules()
        self.fields["notes"].max_length = 4000
        self.fields["notes"].widget.attrs["maxlength"] = 4000
        for name in ("managers", "supervisors", "workers", "women", "men"):
            self.fields[name].widget.attrs["max"] = MAX_PARTICIPANTS
            self.fields[name].validators.append(MaxValueValidator(MAX_PARTICIPANTS))

    def clean(self):
        data = super().clean()
        if not data.get("module") and not (data.get("programme") or "").strip():
            self.add_error(
                "programme", _("Choose a library training module or give the programme's name.")
            )
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The training cannot end before it starts."))
        counts = [data.get(name) for name in ("managers", "supervisors", "workers", "women", "men")]
        if None not in counts:
            by_role, by_sex = sum(counts[:3]), sum(counts[3:])
            if by_role == 0:
                self.add_error("workers", _("Give the number of participants."))
            elif by_role != by_sex:
                self.add_error(
                    "men",
                    _(
                        "Women and men (%(by_sex)s) must add up to the managers, supervisors "
                        "and workers (%(by_role)s)."
                    )
                    % {"by_sex": by_sex, "by_role": by_role},
                )
        return data


class MonthForm(forms.Form):
    """One month's values, one field per active indicator; a blank field has no value."""

    month = forms.CharField(
        label=_("Month"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            self.fields[self.key(indicator)] = forms.DecimalField(
                label=f"{indicator.display_name} ({indicator.get_unit_display()})",
                required=False,
                min_value=0,
                max_value=MAX_VALUE,
                max_digits=12,
                decimal_places=3,
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    @staticmethod
    def key(indicator):
        return f"value_{indicator.code}"

    def clean_month(self):
        try:
            return parse_month(self.cleaned_data["month"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def values(self):
        return {i: self.cleaned_data.get(self.key(i)) for i in self.indicators}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: month (YYYY-MM), indicator (its code), value. At most 1 MB."),
    )


class SharingForm(forms.ModelForm):
    class Meta:
        model = FactorySharing
        fields = ["indicators_with_buyers"]
