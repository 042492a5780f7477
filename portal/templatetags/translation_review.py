"""What the translation editor shows under wagtail-localize's editor: unreviewed machine strings,
the review workflow and scheduled publishing (portal/localize_hooks.py handles the forms)."""

from django import template
from wagtail.models import Page

from ..machine_translation import unreviewed_machine_strings
from ..translation_schedule import ScheduleTranslationForm, may_schedule

register = template.Library()


@register.simple_tag
def translation_review(translation, instance, user):
    is_page = isinstance(instance, Page)
    can_schedule = is_page and may_schedule(user, instance)
    scheduled = instance.scheduled_revision if can_schedule else None
    return {
        "machine": unreviewed_machine_strings(translation),
        "workflow": is_page and instance.has_workflow,
        "in_progress": is_page and instance.workflow_in_progress,
        "schedule_form": ScheduleTranslationForm() if can_schedule else None,
        "scheduled_at": scheduled.approved_go_live_at if scheduled else None,
    }
