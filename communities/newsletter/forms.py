"""The subscribe form (anyone) and the form that changes a subscription (its signed-in owner).
Countries are chosen by slug from the portal's taxonomy, checked in Python (no lookup with what
was typed), and named in the reader's language."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.models import Country

from ..models import Frequency, NewsletterSubscription
from ..permissions import normalised_address

MAX_COUNTRIES = 50


def country_choices(language=None):
    """[(slug, name)] of the default-locale countries, named in ``language`` where translated."""
    language = language or get_language() or settings.LANGUAGE_CODE
    default = Locale.get_default()
    rows = Country.objects.filter(
        locale__language_code__in={language, default.language_code}
    ).values_list("slug", "name", "locale_id")
    names, local = {}, {}
    for slug, name, locale_id in rows:
        (names if locale_id == default.pk else local)[slug] = name
    return sorted(((slug, local.get(slug, name)) for slug, name in names.items()), key=_by_name)


def _by_name(choice):
    return choice[1].casefold()


class ChoicesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to hear about every country."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].choices = country_choices()
        self.fields["language"].initial = get_language()
        self.fields["frequency"].initial = Frequency.WEEKLY

    def clean_countries(self):
        countries = self.cleaned_data["countries"]
        if len(countries) > MAX_COUNTRIES:
            raise forms.ValidationError(_("Choose fewer countries."))
        return sorted(set(countries))


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    field_order = ["email", "language", "countries", "frequency"]

    def clean_email(self):
        return normalised_address(self.cleaned_data["email"])


class ManageForm(ChoicesForm):
    """The owner's changes to an existing subscription (the address stays)."""

    def __init__(self, *args, subscription: NewsletterSubscription, **kwargs):
        super().__init__(*args, **kwargs)
        self.subscription = subscription
        self.initial.update(
            language=subscription.language,
            frequency=subscription.frequency,
            countries=[c.slug for c in subscription.countries.all()],
        )

    def save(self):
        subscription = self.subscription
        subscription.language = self.cleaned_data["language"]
        subscription.frequency = self.cleaned_data["frequency"]
        subscription.save(update_fields=["language", "frequency"])
        subscription.countries.set(default_locale_countries(self.cleaned_data["countries"]))
        return subscription


def default_locale_countries(slugs):
    return Country.objects.filter(slug__in=list(slugs), locale=Locale.get_default())
