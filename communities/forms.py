from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.models import Country

from . import attachments
from .models import ApiToken, Community, EmailMode, Flag, Profile


class AttachmentField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            attachments.validate(upload)
        return upload


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        max_length=20000,
        help_text=_(
            "Markdown: **bold**, _italic_, [links](https://…), > quotes, lists. "
            "Mention someone with @username."
        ),
    )
    attachment = AttachmentField(
        label=_("Attach a file"),
        required=False,
        help_text=_(
            "Images (PNG, JPEG, GIF, WebP) or documents (PDF, Word, Excel, PowerPoint, "
            "ODT, TXT, CSV), up to 10 MB."
        ),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Please write a message."))
        return body


class ThreadForm(PostForm):
    title = forms.CharField(
        label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    field_order = ["title", "body", "attachment"]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Please give the thread a title."))
        return title


class EditPostForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        max_length=20000,
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why would you like to join? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Flag.Reason.choices)
    detail = forms.CharField(label=_("Details (optional)"), required=False, max_length=500)


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)


class MoveForm(forms.Form):
    community = forms.ModelChoiceField(label=_("Move to"), queryset=Community.objects.none())

    def __init__(self, *args, communities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = (
            communities if communities is not None else Community.objects.none()
        )


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = ["display_name", "organisation", "country", "languages", "bio"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["country"].queryset = Country.objects.filter(locale=Locale.get_default())
        if self.instance and self.instance.pk:
            self.initial["languages"] = self.instance.language_list

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])


class PreferencesForm(forms.ModelForm):
    email_mode = forms.ChoiceField(
        label=_("E-mail me about notifications"),
        choices=EmailMode.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Profile
        fields = ["email_mode"]


class ApiTokenForm(forms.Form):
    """A new personal API token (profile page and ``POST /api/v2/accounts/tokens``)."""

    MAX_LIVE = 20  # live (unrevoked) tokens per user

    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the script or device that uses it."),
        error_messages={"required": _("Please give the token a name.")},
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=ApiToken.SCOPES,
        initial=ApiToken.READ,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please give the token a name."), code="required")
        return name

    def _limit_error(self):
        return forms.ValidationError(
            _(
                "You already have %(count)s active tokens, the most allowed. Revoke one "
                "you no longer use first."
            )
            % {"count": self.MAX_LIVE},
            code="too_many_tokens",
        )

    def _live_count(self):
        return ApiToken.objects.filter(user=self.user, revoked_at__isnull=True).count()

    def clean(self):
        cleaned = super().clean()
        if self._live_count() >= self.MAX_LIVE:
            raise self._limit_error()
        return cleaned

    def save(self):
        """The new token and its key (shown once, never stored); None, with the form's error,
        when a concurrent request took the last place (the user's row is locked to count)."""
        with transaction.atomic():
            get_user_model().objects.select_for_update().filter(pk=self.user.pk).exists()
            if self._live_count() >= self.MAX_LIVE:
                self.add_error(None, self._limit_error())
                return None
            return ApiToken.issue(self.user, self.cleaned_data["name"], self.cleaned_data["scope"])
