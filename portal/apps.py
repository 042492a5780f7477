from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import checks  # noqa: F401  (registers the system checks)


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Here, not above: these modules import models, not loaded when the app config is.
        from . import cache_signals
        from .roles import connect_signals

        connect_signals()
        cache_signals.connect()
