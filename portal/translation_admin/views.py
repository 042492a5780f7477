"""The translation dashboard, its batch PO export and upload, and the checked single-PO upload
that replaces wagtail-localize's (same URL, so the translation editor's button uses it)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from portal.models import Country
from portal.translation_access import (
    EVERY_LANGUAGE,
    editable_language_codes,
    may_edit_translation_target,
)

from . import batch, status
from .po_checks import POFileError, entry_problems, expected_strings, importable_po, parse_po

PER_PAGE = 50


def can_translate(user):
    """Admin users who may submit translations: superusers, Editors, Translators."""
    return user.is_active and (
        user.is_superuser
        or (
            user.has_perm("wagtailadmin.access_admin")
            and user.has_perm("wagtail_localize.submit_translation")
        )
    )


def _require_translator(request):
    if not can_translate(request.user):
        raise PermissionDenied


def _without_nul(data):
    """PostgreSQL refuses NUL in a lookup value (a 500); without it the value is just invalid."""
    clean = data.copy()
    for key, values in data.lists():
        clean.setlist(key, [value.replace("\x00", "") for value in values])
    return clean


def target_locales(user):
    """The languages `user` translates into: a translator's own, every one for editors."""
    locales = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    codes = editable_language_codes(user)
    return locales if codes is EVERY_LANGUAGE else locales.filter(language_code__in=codes)


class FilterForm(forms.Form):
    language = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.none(),
        to_field_name="language_code",
    )
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    section = forms.ModelChoiceField(
        label=gettext_lazy("Section"), queryset=Page.objects.none(), required=False
    )
    country = forms.ModelChoiceField(
        label=gettext_lazy("Country"),
        queryset=Country.objects.none(),
        required=False,
        to_field_name="slug",
    )
    type = forms.ChoiceField(label=gettext_lazy("Type"), required=False)

    STATE_LABELS = {
        status.MISSING: gettext_lazy("Missing"),
        status.OUTDATED: gettext_lazy("Out of date"),
        status.CURRENT: gettext_lazy("Current"),
    }

    def __init__(self, data, user):
        locales = target_locales(user)
        data = _without_nul(data)
        if not data.get("language") and locales:
            data["language"] = locales.first().language_code
        super().__init__(data)
        self.fields["language"].queryset = locales
        self.fields["language"].label_from_instance = lambda locale: locale.get_display_name()
        self.fields["state"].choices = [("", _("All")), *self.STATE_LABELS.items()]
        self.fields["section"].queryset = status.sections()
        self.fields["section"].label_from_instance = lambda page: page.title
        self.fields["country"].queryset = status.source_countries()
        self.fields["type"].choices = [("", _("All")), *status.type_choices()]

    def filters(self):
        data = self.cleaned_data
        models = {status.model_key(m): m for m in status.page_models() + status.snippet_models()}
        return {
            "target": data["language"],
            "section": data.get("section"),
            "country": data.get("country"),
            "model": models.get(data.get("type") or ""),
        }


def _filtered_rows(request):
    form = FilterForm(request.GET, request.user)
    if not form.is_valid():
        return form, None
    return form, status.status_rows(**form.filters())


def dashboard(request):
    _require_translator(request)
    form, rows = _filtered_rows(request)
    context = {"form": form, "page_title": _("Translations"), "header_icon": "globe"}
    if rows is not None:
        counts = status.count_states(rows)
        state = form.cleaned_data.get("state")
        shown = [row for row in rows if row.state == state] if state else rows
        page = Paginator(shown, PER_PAGE).get_page(request.GET.get("p"))
        query = request.GET.copy()
        query.pop("p", None)
        context.update(
            language=form.cleaned_data["language"],
            counts=[(key, form.STATE_LABELS[key], counts[key]) for key in status.STATES],
            page_obj=page,
            query=query.urlencode(),
            state_labels=form.STATE_LABELS,
            export_url=f"{reverse('translation_admin:export')}?{query.urlencode()}",
        )
    return render(
        request,
        "translation_admin/dashboard.html",
        context,
        status=200 if rows is not None else 400,
    )


def export(request):
    """One zip for a language: a PO per object that is out of date or missing there."""
    _require_translator(request)
    form, rows = _filtered_rows(request)
    if rows is None:
        return render(
            request,
            "translation_admin/dashboard.html",
            {"form": form, "page_title": _("Translations"), "header_icon": "globe"},
            status=400,
        )
    wanted = [row for row in rows if row.state in (status.MISSING, status.OUTDATED)]
    language = form.cleaned_data["language"]
    response = HttpResponse(batch.export_zip(wanted, language), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="translations-{language.language_code}.zip"'
    )
    return response


class BatchUploadForm(forms.Form):
    language = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.none(),
        to_field_name="language_code",
    )
    file = forms.FileField(
        label=gettext_lazy("Zip of PO files (or one PO file)"),
        help_text=gettext_lazy("As downloaded from this dashboard, with the msgstr filled in."),
    )

    def __init__(self, user, data=None, files=None):
        super().__init__(None if data is None else _without_nul(data), files)
        self.fields["language"].queryset = target_locales(user)
        self.fields["language"].label_from_instance = lambda locale: locale.get_display_name()


def upload(request):
    """All-or-nothing import of a batch: every file is checked before any is imported."""
    _require_translator(request)
    form = BatchUploadForm(request.user, request.POST or None, request.FILES or None)
    context = {"form": form, "page_title": _("Upload translations"), "header_icon": "upload"}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "translation_admin/upload.html", context, status=400)
        try:
            imported = batch.import_zip(
                form.cleaned_data["file"], form.cleaned_data["language"], request.user
            )
        except POFileError as error:
            context["reasons"] = error.reasons
            return render(request, "translation_admin/upload.html", context, status=400)
        messages.success(
            request,
            ngettext("Imported %(count)s PO file.", "Imported %(count)s PO files.", imported)
            % {"count": imported},
        )
        dashboard_url = reverse("translation_admin:dashboard")
        return redirect(f"{dashboard_url}?language={form.cleaned_data['language'].language_code}")
    return render(request, "translation_admin/upload.html", context)


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's per-translation PO upload, refused as a whole when any entry is wrong."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not may_edit_translation_target(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    uploaded = request.FILES.get("file")
    try:
        if uploaded is None:
            raise POFileError([_("Choose a PO file to upload.")])
        po = parse_po(uploaded.read(), uploaded.name)
        if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
            raise POFileError(
                [_("Cannot import PO file that was created for a different translation.")]
            )
        expected = expected_strings([translation.source_id])[translation.source_id]
        reasons = entry_problems(po, expected, uploaded.name)
        if reasons:
            raise POFileError(reasons)
    except POFileError as error:
        context = {
            "reasons": error.reasons,
            "next_url": next_url,
            "page_title": _("The PO file was refused"),
            "header_icon": "warning",
        }
        return render(request, "translation_admin/po_refused.html", context, status=400)
    with transaction.atomic():
        translation.import_po(importable_po(po), user=request.user, tool_name="PO File")
    messages.success(request, _("Successfully imported translations from PO File."))
    return redirect(next_url)
