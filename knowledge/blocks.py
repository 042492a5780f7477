"""StreamField blocks of resource pages: the portal's shared blocks plus steps and worksheets."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class StepBlock(blocks.StructBlock):
    """One step of a workbook mini project or a self-guided tool."""

    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)
    worksheet = DocumentChooserBlock(label=_("Worksheet"), required=False)

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/step.html"


class ResourceStreamBlock(BaseStreamBlock):
    step = StepBlock()


class StepsStreamBlock(blocks.StreamBlock):
    step = StepBlock()
