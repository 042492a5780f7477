from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import cache_signals, checks  # noqa: F401  (checks registers the system checks)
        from .roles import connect_signals

        connect_signals()
        cache_signals.connect()
