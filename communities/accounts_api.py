"""Accounts API (mounted at /api/v2/accounts/): the signed-in user's own profile, notification
preferences and personal API tokens. Every operation needs a signed-in caller (a personal
token, or the browser session with its CSRF token on writes) and only ever touches the caller's
own account. Changes go through the same Django forms as the HTML pages (``ProfileForm``,
``PreferencesForm``, ``ApiTokenForm``), so the rules are the same in both."""

from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale

from portal.api_auth import signed_in
from portal.api_errors import ApiError, ErrorOut
from portal.api_pagination import Paged, PageParams, page_of
from portal.models import Country

from .accounts import user_tokens
from .forms import ApiTokenForm, PreferencesForm, ProfileForm
from .models import ApiToken, Profile

router = Router(tags=["accounts"])


class ProfileOut(Schema):
    username: str
    email: str
    display_name: str
    organisation: str
    country: str | None = Field(description="The country's slug (as in /api/v2/taxonomy/).")
    languages: list[str] = Field(description="Language codes the user reads and writes.")
    bio: str


class ProfileIn(Schema):
    """The fields to change; those not sent keep their value."""

    display_name: str = Field(None, description="At most 120 characters; empty for none.")
    organisation: str = Field(None, description="At most 200 characters.")
    country: str | None = Field(None, description="A country's slug, or null for none.")
    languages: list[str] = Field(
        None, description="Language codes of the site (en, fr, es, ar, vi, km, id, bn)."
    )
    bio: str = Field(None, description="At most 1000 characters.")


class PreferencesOut(Schema):
    email_mode: str = Field(
        description="When notifications are e-mailed: `immediate` (one e-mail each), `daily` "
        "(a digest) or `off` (they stay on the site)."
    )


class PreferencesIn(Schema):
    email_mode: str = Field(description="`immediate`, `daily` or `off`.")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The key's first 8 characters, to recognise it.")
    scope: str = Field(description="`read`, or `write` (read and write).")
    created_at: datetime
    last_used_at: datetime | None = Field(description="Null if never used.")
    revoked_at: datetime | None = Field(description="Null while the token works.")


class TokenCreatedOut(TokenOut):
    key: str = Field(
        description="The secret to send as `Authorization: Bearer <key>`. Shown in this answer "
        "only: the portal stores a hash of it and cannot show it again."
    )


class TokenIn(Schema):
    name: str = Field(description="What the token is for; 1 to 100 characters.")
    scope: str = Field(ApiToken.READ, description="`read` (the default) or `write`.")


def _form_error(form, message):
    """A form's errors as a 400 in the API's error shape, one ``detail`` entry per problem."""
    detail = [
        {"loc": ["body", field], "msg": error["message"], "type": error["code"] or "invalid"}
        for field, errors in form.errors.get_json_data().items()
        for error in errors
    ]
    return ApiError(400, message, "bad_request", detail=detail)


def _own_profile(user):
    """The user's profile, or an unsaved one with the defaults (a read creates nothing)."""
    return Profile.objects.filter(user=user).select_related("country").first() or Profile(user=user)


def _profile_out(user, profile):
    return {
        "username": user.get_username(),
        "email": user.email,
        "display_name": profile.display_name,
        "organisation": profile.organisation,
        "country": profile.country.slug if profile.country_id else None,
        "languages": profile.language_list,
        "bio": profile.bio,
    }


def _token_out(token):
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "scope": token.scope,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get("/me", response=ProfileOut, auth=signed_in, summary="Your profile")
def get_me(request):
    return _profile_out(request.auth, _own_profile(request.auth))


@router.patch(
    "/me",
    response=ProfileOut,
    auth=signed_in,
    summary="Change your profile (the fields sent)",
    description="Validated like the profile page's form: a 400 `bad_request` lists each "
    "field's problem in `detail` and changes nothing.",
)
def update_me(request, payload: ProfileIn):
    user = request.auth
    profile = _own_profile(user)
    data = {
        "display_name": profile.display_name,
        "organisation": profile.organisation,
        "country": profile.country_id or "",
        "languages": profile.language_list,
        "bio": profile.bio,
    }
    changes = payload.dict(exclude_unset=True)
    if "country" in changes:
        slug = changes.pop("country")
        country = (
            Country.objects.filter(slug=slug, locale=Locale.get_default()).first() if slug else None
        )
        # An unknown slug stays as it is, so the form refuses it like an unknown choice.
        data["country"] = country.pk if country else (slug or "")
    data.update({key: value for key, value in changes.items() if value is not None})
    form = ProfileForm(data, instance=profile)
    if not form.is_valid():
        raise _form_error(form, _("The profile was not saved."))
    profile = form.save()
    return _profile_out(user, profile)


@router.get(
    "/me/notification-preferences",
    response=PreferencesOut,
    auth=signed_in,
    summary="Your notification preferences",
)
def get_notification_preferences(request):
    return {"email_mode": _own_profile(request.auth).email_mode}


@router.put(
    "/me/notification-preferences",
    response=PreferencesOut,
    auth=signed_in,
    summary="Set your notification preferences",
    description="Validated like the preferences page's form (400 `bad_request` with `detail`).",
)
def set_notification_preferences(request, payload: PreferencesIn):
    form = PreferencesForm(payload.dict(), instance=_own_profile(request.auth))
    if not form.is_valid():
        raise _form_error(form, _("The preferences were not saved."))
    profile = form.save()
    return {"email_mode": profile.email_mode}


@router.get(
    "/tokens",
    response=Paged[TokenOut],
    auth=signed_in,
    summary="Your personal API tokens",
    description="Live tokens first, then revoked ones, newest first. Keys are never shown.",
)
def list_tokens(request, params: Query[PageParams]):
    return page_of(
        request,
        user_tokens(request.auth),
        params,
        convert=lambda tokens: [_token_out(t) for t in tokens],
    )


@router.post(
    "/tokens",
    response={201: TokenCreatedOut, 409: ErrorOut},
    auth=signed_in,
    summary="Create a personal API token (browser session only)",
    description="Only with the browser session (and its CSRF token), never with a token: a "
    "token sent here is refused with 403 `session_required`, so a stolen key cannot make "
    "more. The answer holds the key, once. At most 20 live tokens: 409 `too_many_tokens` "
    "past that. A blank or too long name, or an unknown scope, is a 400 `bad_request`.",
)
def create_token(request, payload: TokenIn):
    if getattr(request, "api_token", None) is not None:
        raise ApiError(
            403,
            _("Tokens can only be created when signed in on the site, not with a token."),
            "session_required",
        )
    form = ApiTokenForm(payload.dict(), user=request.auth)
    issued = form.save() if form.is_valid() else None
    if issued is None:
        if form.has_error("__all__", "too_many_tokens"):
            raise ApiError(409, form.non_field_errors()[0], "too_many_tokens")
        raise _form_error(form, _("The token was not created."))
    token, key = issued
    return 201, {**_token_out(token), "key": key}


@router.delete(
    "/tokens/{token_id}",
    response={204: None},
    auth=signed_in,
    summary="Revoke one of your tokens",
    description="The token stops working at once and stays listed as revoked. Revoking a "
    "revoked token changes nothing. Another user's token is a 404. A write token may revoke "
    "itself.",
)
def revoke_token(request, token_id: int):
    token = ApiToken.objects.filter(pk=token_id, user=request.auth).first()
    if token is None:
        raise Http404
    token.revoke()
    return 204, None
