from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from ims_bridge.signals import batch_imported


class EnterpriseConfig(AppConfig):
    name = "ims_bridge.enterprise"
    label = "enterprise"
    verbose_name = _("Enterprise tools")

    def ready(self):
        # Here, not above: plans_star imports models, not loaded when the app config is.
        from .plans_star import on_batch_imported

        batch_imported.connect(on_batch_imported, dispatch_uid="enterprise_plans_star_sync")
