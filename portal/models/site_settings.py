from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField


class NavigationLinkBlock(blocks.StructBlock):
    """A link to a page; shown in the reader's language (the page's translation, if any)."""

    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"


@register_setting(icon="list-ul")
class NavigationSettings(BaseGenericSetting):
    primary_links = StreamField(
        [("link", NavigationLinkBlock())], blank=True, verbose_name=_("main navigation")
    )
    footer_links = StreamField(
        [("link", NavigationLinkBlock())], blank=True, verbose_name=_("footer links")
    )

    panels = [FieldPanel("primary_links"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = _("navigation and footer")
