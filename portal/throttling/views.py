"""Password-reset views count each request against the password-reset budget (guard.py)."""

from wagtail.admin.views import account

from .guard import PASSWORD_RESET, refuse_if_throttled
from .usernames import normalise_username


class ThrottledPasswordResetMixin:
    """For a subclass of Django's PasswordResetView: the e-mail is only sent within budget."""

    def post(self, request, *args, **kwargs):
        address = normalise_username(request.POST.get("email", ""))
        if refused := refuse_if_throttled(request, PASSWORD_RESET, address):
            return refused
        return super().post(request, *args, **kwargs)


class WagtailPasswordResetView(ThrottledPasswordResetMixin, account.PasswordResetView):
    """Wagtail's admin "forgot password" form, served at its own URL (portal/urls.py)."""
