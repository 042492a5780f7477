from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import TranslatableField


class IntroMixin(models.Model):
    """A plain-text summary shown under the title, in listings and in search results."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    intro_panels = [FieldPanel("intro")]
    intro_translatable_fields = [TranslatableField("intro")]
    intro_search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True
