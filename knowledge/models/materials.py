"""A resource's downloadable files (``Material``), their kinds and the licence choices, and
the per-material download counter."""

import uuid

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page

from .index import MaterialDownloads


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0")
    ILO = "ilo-copyright", _("© ILO, free to reuse for training with attribution")
    RESTRICTED = "restricted", _("Internal use by Better Work partners only")


class MaterialKind(models.TextChoices):
    TRAINER_GUIDE = "trainer-guide", _("Trainer guide")
    HANDOUT = "handout", _("Participant handout")
    SLIDES = "slides", _("Slides")
    TEMPLATE = "template", _("Adaptable template")
    WORKSHEET = "worksheet", _("Worksheet")
    OTHER = "other", _("Other")


class Material(Orderable):
    """A downloadable file of a resource. Its URL (``…/download/<id>/``) stays the same when an
    editor replaces the document; ``material_key`` is shared by the language versions of one
    material (wagtail-localize copies it when a page is translated)."""

    page = ParentalKey(Page, on_delete=models.CASCADE, related_name="knowledge_materials")
    material_key = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title or self.document.title

    @property
    def label(self):
        return self.title or self.document.title

    @property
    def extension(self):
        return self.document.file_extension.upper()


def increment_material(material_id):
    """Add one download to a material's counter: one UPDATE, or one INSERT the first time.
    Another first download may insert the row between the two; the INSERT then fails inside
    its savepoint and the UPDATE, run again, counts this one."""
    counter = MaterialDownloads.objects.filter(material_id=material_id)
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MaterialDownloads.objects.create(material_id=material_id, count=1)
    except IntegrityError:
        counter.update(count=F("count") + 1)
