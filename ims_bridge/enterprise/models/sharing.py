from django.db import models
from django.utils.translation import gettext_lazy as _


class FactorySharing(models.Model):
    """What a factory shares with the buyers it granted access, beyond assessment reports and
    the improvement plan (always shared with them): its indicators, if it chooses."""

    factory = models.OneToOneField(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="enterprise_sharing"
    )
    indicators_with_buyers = models.BooleanField(
        _("granted buyers see our productivity and quality indicators"), default=False
    )

    class Meta:
        verbose_name = _("factory sharing setting")
        verbose_name_plural = _("factory sharing settings")

    def __str__(self):
        return str(self.factory)
