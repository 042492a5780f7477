from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    label = "communities"
    verbose_name = _("Communities of practice")

    def ready(self):
        from . import cache_signals

        cache_signals.connect()
