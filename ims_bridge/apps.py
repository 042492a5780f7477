from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImsBridgeConfig(AppConfig):
    name = "ims_bridge"
    label = "ims_bridge"
    verbose_name = _("IMS bridge")

    def ready(self):
        # Here, not above: these modules import models, not loaded when the app config is.
        from portal import page_cache

        from . import cache_signals
        from .models.aggregates import min_cell

        cache_signals.connect()
        page_cache.vary_on(min_cell)
