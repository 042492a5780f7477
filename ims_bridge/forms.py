"""The buyer-access form: a factory user names a buyer (an active account of the Buyers group,
by username) and, optionally, the last day of access (YYYY-MM-DD, in the future; access ends at
the end of that day). The factory's access page and the API (``access.grant_input``) use it."""

from datetime import datetime, time

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.roles import BUYERS

NO_BUYER = _("No buyer account with that username.")


class BuyerAccessForm(forms.Form):
    buyer = forms.CharField(error_messages={"required": NO_BUYER})
    expires = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter the expiry date as YYYY-MM-DD.")},
    )

    def clean_buyer(self):
        buyers = get_user_model().objects.filter(groups__name=BUYERS, is_active=True)
        buyer = buyers.filter(username=self.cleaned_data["buyer"]).first()
        if buyer is None:
            raise forms.ValidationError(NO_BUYER)
        return buyer

    def clean_expires(self):
        """The end of the chosen day, as an aware datetime (None without a day)."""
        day = self.cleaned_data["expires"]
        if day is None:
            return None
        expires_at = timezone.make_aware(datetime.combine(day, time.max))
        if expires_at <= timezone.now():
            raise forms.ValidationError(_("The expiry date must be in the future."))
        return expires_at

    def problems(self):
        """(field, message) pairs, the expiry's first (as the API has always listed them)."""
        return [
            (field, message)
            for field in ("expires", "buyer")
            for message in self.errors.get(field, [])
        ]
