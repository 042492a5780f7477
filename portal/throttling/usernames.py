"""One normal form for a username, so that " trainer ", "ＴＲＡＩＮＥＲ" and "Trainer" are one
identity for logging in, for the lockout key and for sign-up's uniqueness check."""

import unicodedata

from django.contrib.auth import get_user_model


def normalise_username(value):
    """NFKC (full-width and compatibility forms fold to plain ones), trimmed, case-folded."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip().casefold()


def users_with_username(value):
    """The accounts whose username has the same normal form as ``value``.

    Usernames are stored as typed (older accounts may differ in case), so the database narrows
    by a case-insensitive match and Python compares the full normal form."""
    wanted = normalise_username(value)
    if not wanted:
        return []
    user_model = get_user_model()
    field = user_model.USERNAME_FIELD
    candidates = user_model._default_manager.filter(**{f"{field}__iexact": wanted})
    return [user for user in candidates if normalise_username(user.get_username()) == wanted]


def username_taken(value):
    return bool(users_with_username(value))
