"""Scheduled publishing from the translation editor, which wagtail-localize's editor lacks.

The translated draft is saved as a revision carrying `go_live_at` (and `expire_at`) and handed to
Wagtail's own `PublishPageRevisionAction`, as the page editor does when a page is published with a
future go-live date: the revision gets `approved_go_live_at`, the page shows as "scheduled" and
`manage.py publish_scheduled` publishes it when it is due.
Pages only; snippets are not scheduled."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from .machine_translation import machine_message, translations_of, unreviewed_machine_strings

SCHEDULE_ACTION = "schedule-publication"  # posted by the form added to the translation editor

_DATETIME_INPUT = {"type": "datetime-local"}
_DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class ScheduleTranslationForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label=gettext_lazy("Publish on"),
        widget=forms.DateTimeInput(attrs=_DATETIME_INPUT, format=_DATETIME_FORMAT),
    )
    expire_at = forms.DateTimeField(
        label=gettext_lazy("Unpublish on (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs=_DATETIME_INPUT, format=_DATETIME_FORMAT),
    )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at <= timezone.now():
            raise forms.ValidationError(_("Choose a publication date in the future."))
        return go_live_at

    def clean(self):
        cleaned = super().clean()
        go_live_at, expire_at = cleaned.get("go_live_at"), cleaned.get("expire_at")
        if go_live_at and expire_at and expire_at <= go_live_at:
            self.add_error("expire_at", _("The unpublish date must be after the publication date."))
        return cleaned


def may_schedule(user, page):
    return isinstance(page, Page) and page.permissions_for_user(user).can_publish()


def schedule_translation(request, page):
    """Handles the "Publish on" form of the translation editor for `page` (a translation)."""
    back = redirect(request.get_full_path())
    if not may_schedule(request.user, page):
        return permission_denied(request)
    translation = translations_of(page).filter(enabled=True).first()
    if translation is None:
        messages.error(request, _("Only a translation can be scheduled here."))
        return back
    count = unreviewed_machine_strings(translation)
    if count:
        messages.error(request, machine_message(count))
        return back
    form = ScheduleTranslationForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return back

    translation.save_target(user=request.user, publish=False)
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    draft.go_live_at = form.cleaned_data["go_live_at"]
    draft.expire_at = form.cleaned_data["expire_at"]
    revision = draft.save_revision(user=request.user, log_action=True)
    PublishPageRevisionAction(revision, user=request.user).execute()
    when = date_format(timezone.localtime(draft.go_live_at), "DATETIME_FORMAT")
    messages.success(
        request, _("The translation is scheduled to be published on %(date)s.") % {"date": when}
    )
    return back
