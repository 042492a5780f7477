from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterpriseConfig(AppConfig):
    name = "ims_bridge.enterprise"
    label = "enterprise"
    verbose_name = _("Enterprise tools")
