from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge library")

    def ready(self):
        # Here, not above: signals imports models, not loaded when the app config is.
        from . import digest, signals

        signals.connect()
        digest.register()
