"""Log in by the username's normal form, so every spelling of one account meets the same
password check and the same lockout (axes' backend runs first and refuses locked-out keys)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .usernames import users_with_username


class NormalisedUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        matches = users_with_username(username)
        if len(matches) > 1:
            # Older accounts that differ only in case: only the exact spelling decides.
            matches = [user for user in matches if user.get_username() == str(username).strip()]
        if len(matches) != 1:
            # Spend a password hash anyway, as ModelBackend does, so the answer's timing does
            # not tell whether the account exists.
            get_user_model()().set_password(password)
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
