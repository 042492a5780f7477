"""Admin hooks for translators and machine drafts (imported by portal/wagtail_hooks.py).

They run before wagtail-localize's own `before_edit_*` hooks (order=-1), which replace the
editor of a translated page or snippet with the translation editor."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TranslatableMixin

from .machine_translation import (
    machine_message,
    translations_of,
    unreviewed_machine_strings,
    unreviewed_machine_strings_of,
)
from .translation_access import may_edit_instance, may_edit_language, requested_locale_code
from .translation_schedule import SCHEDULE_ACTION, schedule_translation

REVIEW_ACTION = "submit-for-review"  # posted by the form added to the translation editor


def _refuse_machine_publish(request, instance):
    """For the translation editor's publish action (which posts no content): refuse and go back."""
    if request.method == "POST" and request.POST.get("action") == "publish":
        count = unreviewed_machine_strings_of(instance)
        if count:
            messages.error(request, machine_message(count))
            return redirect(request.get_full_path())
    return None


def _submit_translation_for_review(request, page):
    """The translation editor has no workflow actions: save the translated draft and start the
    page's review workflow (portal/roles.py puts one on every language's home page)."""
    translation = translations_of(page).filter(enabled=True).first()
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        messages.error(request, _("This page has no review workflow."))
        return redirect(request.get_full_path())
    count = unreviewed_machine_strings(translation)
    if count:
        messages.error(request, machine_message(count))
        return redirect(request.get_full_path())
    if page.workflow_in_progress:
        messages.warning(request, _("This translation is already being reviewed."))
        return redirect(request.get_full_path())
    translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    workflow.start(page, request.user)
    messages.success(request, _("The translation was submitted for review."))
    return redirect(request.get_full_path())


@hooks.register("before_edit_page", order=-1)
def hold_machine_page_translations(request, page):
    if request.method == "POST" and request.POST.get("action") == REVIEW_ACTION:
        # The edit view has already checked that the user may edit this page.
        return _submit_translation_for_review(request, page)
    if request.method == "POST" and request.POST.get("action") == SCHEDULE_ACTION:
        return schedule_translation(request, page)
    response = _refuse_machine_publish(request, page)
    if response is not None:
        return response
    if request.method == "POST" and "action-publish" in request.POST:
        # The page editor (a translation no longer synced): keep the person's edits as a
        # draft instead of publishing them.
        count = unreviewed_machine_strings_of(page)
        if count:
            data = request.POST.copy()
            del data["action-publish"]
            request.POST = data
            messages.warning(request, machine_message(count))
    return None


@hooks.register("before_edit_snippet", order=-1)
def guard_snippet_edit(request, instance):
    if not may_edit_instance(request.user, instance):
        return permission_denied(request)
    return _refuse_machine_publish(request, instance)


@hooks.register("before_create_snippet", order=-1)
def guard_snippet_create(request, model):
    if issubclass(model, TranslatableMixin) and not may_edit_language(
        request.user, requested_locale_code(request)
    ):
        return permission_denied(request)
    return None


@hooks.register("before_delete_snippet", order=-1)
def guard_snippet_delete(request, instances):
    if any(not may_edit_instance(request.user, instance) for instance in instances):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def hold_machine_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    count = sum(unreviewed_machine_strings_of(obj) for obj in objects)
    if count:
        messages.error(request, machine_message(count))
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None
