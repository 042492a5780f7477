"""Throttling for views that send e-mail rather than check a password (password reset,
sign-up): each request is counted by axes like a failed login, under its own purpose's budget,
so a mailbox or the mail server cannot be flooded from one address."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings

from .policy import PURPOSE_FIELD
from .responses import lockout_response

PASSWORD_RESET = "password-reset"
SIGNUP = "signup"


def refuse_if_throttled(request, purpose, key=""):
    """Count this request; return the 429 response when its budget is spent, else None."""
    credentials = {settings.AXES_USERNAME_FORM_FIELD: key, PURPOSE_FIELD: purpose}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    AxesProxyHandler.user_login_failed(sender=__name__, credentials=credentials, request=request)
    if request.axes_locked_out:
        return lockout_response(request, credentials=credentials)
    return None
