from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImsBridgeConfig(AppConfig):
    name = "ims_bridge"
    label = "ims_bridge"
    verbose_name = _("IMS bridge")

    def ready(self):
        from . import cache_signals

        cache_signals.connect()
