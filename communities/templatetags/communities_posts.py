"""A post's linked pages and files as the shared card and download lists
(``templates/includes/card_list.html``, ``download_list.html``)."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from portal import formatting
from portal.components import Card, Download, file_format

register = template.Library()


@register.simple_tag(takes_context=True)
def post_cards(context, post):
    request = context.get("request")
    return [
        Card(title=page.title, url=page.get_url(request), summary=page.search_description)
        for page in post.linked_pages.all()
    ]


@register.simple_tag
def post_downloads(post):
    return [
        Download(
            url=file.get_absolute_url(),
            label=file.original_name,
            file_format=file_format(file.original_name),
            facts=[(_("Size"), formatting.digits(filesizeformat(file.size)))],
        )
        for file in post.attachments.all()
    ]
