from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    label = "communities"
    verbose_name = _("Communities of practice")

    def ready(self):
        # Here, not above: these modules import models, not loaded when the app config is.
        from portal import page_cache

        from . import cache_signals
        from .events import signals as events_signals
        from .trainers import signals as trainer_signals

        cache_signals.connect()
        events_signals.connect()
        trainer_signals.connect()
        # Every communities page names its community (or all of them) before it is cached.
        page_cache.require_dependency("communities", "communities", "community:")
        page_cache.require_dependency("trainers", "communities")
