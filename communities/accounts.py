"""Accounts for community members: sign-up with e-mail verification, login, password reset
(Django's views), profile (with the personal API tokens) and notification preferences. Login,
password reset and sign-up are throttled by django-axes (portal/throttling); usernames are
compared in their normal form."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.mail import send_mail
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.throttling.guard import SIGNUP, refuse_if_throttled
from portal.throttling.usernames import normalise_username, username_taken
from portal.throttling.views import ThrottledPasswordResetMixin

from .forms import ApiTokenForm, PreferencesForm, ProfileForm
from .models import ApiToken, Profile

VERIFY_SALT = "communities.verify-email"
VERIFY_MAX_AGE = 60 * 60 * 24 * 3


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    display_name = forms.CharField(
        label=gettext_lazy("Display name"), max_length=120, required=False
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_username(self):
        # Stored in its normal form; " Trainer " or "ＴＲＡＩＮＥＲ" is the existing "trainer".
        username = normalise_username(self.cleaned_data.get("username"))
        if username_taken(username):
            raise forms.ValidationError(_("A user with that username already exists."))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email


def _absolute(request, url):
    return request.build_absolute_uri(url)


def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    if request.method == "POST" and (refused := refuse_if_throttled(request, SIGNUP)):
        return refused
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.email = form.cleaned_data["email"]
        user.is_active = False
        user.save()
        Profile.objects.create(user=user, display_name=form.cleaned_data["display_name"])
        send_verification(request, user)
        return render(request, "communities/accounts/signup_done.html", {"email": user.email})
    status = 400 if request.method == "POST" else 200
    return render(request, "communities/accounts/signup.html", {"form": form}, status=status)


def send_verification(request, user):
    """E-mail the account's address a link that proves the reader receives mail there."""
    token = signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)
    link = _absolute(request, reverse("accounts:verify", kwargs={"token": token}))
    body = render_to_string("communities/email/verify.txt", {"user": user, "link": link})
    send_mail(_("Confirm your e-mail address"), body, None, [user.email])


def verify(request, token):
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return render(request, "communities/accounts/verify.html", {"invalid": True}, status=400)
    user = get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()
    if user is None:
        return render(request, "communities/accounts/verify.html", {"invalid": True}, status=400)
    if request.method == "POST":
        user.is_active = True
        user.save(update_fields=["is_active"])
        profile, _created = Profile.objects.get_or_create(user=user)
        profile.email_verified = True
        profile.verified_email = user.email
        profile.save(update_fields=["email_verified", "verified_email"])
        messages.success(request, _("Your e-mail address is confirmed. You can now log in."))
        return redirect("accounts:login")
    return render(request, "communities/accounts/verify.html", {"token": token})


class LoginView(auth_views.LoginView):
    template_name = "communities/accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        token = self.request.session.get("community_invitation")
        if token:
            return reverse("communities:invitation", kwargs={"token": token})
        return reverse("communities:list")


class LogoutView(auth_views.LogoutView):
    template_name = "communities/accounts/logged_out.html"


class PasswordResetView(ThrottledPasswordResetMixin, auth_views.PasswordResetView):
    template_name = "communities/accounts/password_reset.html"
    email_template_name = "communities/email/password_reset.txt"
    subject_template_name = "communities/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "communities/accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "communities/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "communities/accounts/password_reset_complete.html"


def _profile(user):
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


TOKENS_SHOWN = 50  # every live token (at most ApiTokenForm.MAX_LIVE), then the latest revoked


def user_tokens(user):
    """The user's tokens for their profile: live ones first, then revoked, newest first."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at", "-pk"
    )


def _render_profile(request, form, token_form=None, new_key=None, new_token=None, status=200):
    context = {
        "form": form,
        "token_form": token_form or ApiTokenForm(user=request.user),
        "tokens": user_tokens(request.user)[:TOKENS_SHOWN],
        "new_key": new_key,
        "new_token": new_token,
    }
    return render(request, "communities/accounts/profile.html", context, status=status)


def profile(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    form = ProfileForm(request.POST or None, instance=_profile(request.user))
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
        return _render_profile(request, form, status=400)
    return _render_profile(request, form)


@require_POST
@never_cache
def create_token(request):
    """Create a personal API token and show its key, once, in this response (it is never
    stored, so it cannot be shown again; no redirect, as the key would have to be kept)."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("accounts:profile"), reverse("accounts:login"))
    profile_form = ProfileForm(instance=_profile(request.user))
    token_form = ApiTokenForm(request.POST, user=request.user)
    issued = token_form.save() if token_form.is_valid() else None
    if issued is None:
        return _render_profile(request, profile_form, token_form, status=400)
    token, key = issued
    return _render_profile(request, profile_form, new_key=key, new_token=token)


@require_POST
def revoke_token(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("accounts:profile"), reverse("accounts:login"))
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is None:
        token.revoke()
        messages.success(
            request, _("The token “%(name)s” is revoked.") % {"name": token.name or token.prefix}
        )
    return redirect(reverse("accounts:profile") + "#api-tokens")


def preferences(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
    form = PreferencesForm(request.POST or None, instance=_profile(request.user))
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your notification preferences are saved."))
            return redirect("accounts:preferences")
        return render(request, "communities/accounts/preferences.html", {"form": form}, status=400)
    subscriptions = request.user.community_subscriptions.select_related(
        "community", "thread"
    ).prefetch_related("community__translations")
    return render(
        request,
        "communities/accounts/preferences.html",
        {"form": form, "subscriptions": subscriptions},
    )


def send_invitation(request, invitation):
    link = _absolute(request, reverse("communities:invitation", kwargs={"token": invitation.token}))
    body = render_to_string(
        "communities/email/invitation.txt",
        {
            "invitation": invitation,
            "link": link,
            "signup": _absolute(request, reverse("accounts:signup")),
        },
    )
    send_mail(
        _("You are invited to %(name)s") % {"name": invitation.community.local.name},
        body,
        settings.DEFAULT_FROM_EMAIL,
        [invitation.email],
    )
