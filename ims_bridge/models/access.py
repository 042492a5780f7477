"""Who may see which factory's data, and the log of buyers' reads."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def is_global_staff(user):
    """Global staff (and superusers) see every factory's data (``view_all_factory_data``)."""
    return user.is_superuser or user.has_perm("ims_bridge.view_all_factory_data")


class FactoryMembership(models.Model):
    """A user who speaks for a factory: sees its data and grants buyers access."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ims_memberships"
    )
    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="memberships"
    )

    class Meta:
        verbose_name = _("factory user")
        verbose_name_plural = _("factory users")
        constraints = [
            models.UniqueConstraint(fields=["user", "factory"], name="ims_unique_membership")
        ]

    def __str__(self):
        return f"{self.user} @ {self.factory}"


class CountryStaff(models.Model):
    """Country programme staff: see everything in their country."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ims_country_staff"
    )
    country = models.ForeignKey(
        "portal.Country", on_delete=models.CASCADE, related_name="ims_staff"
    )

    class Meta:
        verbose_name = _("country programme staff")
        verbose_name_plural = _("country programme staff")
        constraints = [
            models.UniqueConstraint(fields=["user", "country"], name="ims_unique_country_staff")
        ]

    def __str__(self):
        return f"{self.user} @ {self.country}"


class GrantQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class FactoryAccessGrant(models.Model):
    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="access_grants"
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ims_grants_received"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("buyer access grant")
        verbose_name_plural = _("buyer access grants")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["buyer", "revoked_at"])]

    def __str__(self):
        return f"{self.factory} → {self.buyer}"

    @property
    def is_active(self):
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )


class FactoryAccessLog(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    factory = models.ForeignKey(
        "ims_bridge.Factory", on_delete=models.CASCADE, related_name="access_logs"
    )
    action = models.CharField(max_length=32)  # page, api, csv
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("factory data access log entry")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.user} {self.action} {self.factory} {self.at:%Y-%m-%d %H:%M}"


class LabourInspector(models.Model):
    """A labour inspectorate's user for one country: sees the country's aggregates always, and
    its factories' assessment results only where the country's data-sharing setting allows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ims_inspectorates"
    )
    country = models.ForeignKey(
        "portal.Country", on_delete=models.CASCADE, related_name="ims_inspectors"
    )

    class Meta:
        verbose_name = _("labour inspector")
        verbose_name_plural = _("labour inspectors")
        constraints = [
            models.UniqueConstraint(fields=["user", "country"], name="ims_unique_inspector")
        ]

    def __str__(self):
        return f"{self.user} @ {self.country}"


class CountryDataSharing(models.Model):
    """What a country programme shares with its labour inspectorate beyond aggregates."""

    country = models.OneToOneField(
        "portal.Country",
        on_delete=models.CASCADE,
        related_name="ims_data_sharing",
        verbose_name=_("country"),
    )
    factory_results_for_inspectors = models.BooleanField(
        _("labour inspectors see factory-level results"),
        default=False,
        help_text=_(
            "Off: inspectors see aggregates only. On: they also read each factory's independent "
            "assessment reports, and every read is logged."
        ),
    )

    class Meta:
        verbose_name = _("country data sharing")
        verbose_name_plural = _("country data sharing")

    def __str__(self):
        return str(self.country)
