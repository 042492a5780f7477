"""StreamField and rich text as plain JSON for the portal's own API (``/api/v2/``).

A stream is a list of ``{"type", "value", "id"}``. Values are what a client can show without
knowing Wagtail: rich text is HTML with its internal links expanded (page links to the page's
URL, document links to the permission-checked document URL, Wagtail's ``expand_db_html``, the
same as the ``richtext`` filter); an image is ``{"id", "url", "width", "height", "alt",
"decorative"}`` with the URL of a rendition (public storage); a page is ``{"id", "title",
"url"}`` if it is live and public (otherwise null, so a restricted page's title never leaks);
a document ``{"id", "title", "url"}``; a taxonomy snippet ``{"slug", "name"}`` in the reader's
language where it has that translation; an embed ``{"url"}``; structs are objects, lists are
lists, nested streams are streams. Other blocks give their own API representation (text,
numbers, choices).
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

IMAGE_SPEC = "max-1600x1600"


def rich_text_html(value):
    """HTML of a rich text (a ``RichText`` or the stored string), links expanded."""
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return expand_db_html(source) if source else ""


def image_data(image, alt=None, decorative=False):
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_SPEC)
    return {
        "id": image.pk,
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": "" if decorative else (alt if alt is not None else image.default_alt_text),
        "decorative": bool(decorative),
    }


def _page(page):
    if page is None:
        return None
    page = Page.objects.live().public().filter(pk=page.pk).first()
    if page is None:
        return None
    localized = page.localized
    return {"id": localized.pk, "title": localized.title, "url": localized.url or ""}


def _snippet(value):
    if value is None:
        return None
    if hasattr(value, "slug"):
        localized = getattr(value, "localized", value)
        return {"slug": value.slug, "name": str(getattr(localized, "name", localized))}
    return {"id": value.pk, "name": str(value)}


def block_data(block, value):
    """The JSON value of one block's value."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value)
    if isinstance(block, ImageBlock):  # before StructBlock: it is one
        if value is None:
            return None
        return image_data(
            value,
            getattr(value, "contextual_alt_text", None),
            getattr(value, "decorative", False),
        )
    if isinstance(block, ImageChooserBlock):
        return image_data(value)
    if isinstance(block, DocumentChooserBlock):
        if value is None:
            return None
        return {"id": value.pk, "title": value.title, "url": value.url}
    if isinstance(block, blocks.PageChooserBlock):
        return _page(value)
    if isinstance(block, SnippetChooserBlock):
        return _snippet(value)
    if isinstance(block, EmbedBlock):
        return {"url": value.url} if value else None
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_data(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_data(block.child_block, item) for item in value or []]
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value)
    return block.get_api_representation(value)


def stream_data(stream):
    """A StreamField value as ``[{"type", "value", "id"}]``."""
    if not stream:
        return []
    return [
        {"type": child.block_type, "value": block_data(child.block, child.value), "id": child.id}
        for child in stream
    ]
