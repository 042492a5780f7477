"""What the translation editor shows under wagtail-localize's editor: unreviewed machine strings
and the review workflow (portal/localize_hooks.py handles the form)."""

from django import template
from wagtail.models import Page

from ..machine_translation import unreviewed_machine_strings

register = template.Library()


@register.simple_tag
def translation_review(translation, instance):
    is_page = isinstance(instance, Page)
    return {
        "machine": unreviewed_machine_strings(translation),
        "workflow": is_page and instance.has_workflow,
        "in_progress": is_page and instance.workflow_in_progress,
    }
