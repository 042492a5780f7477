"""Wagtail admin for trainer development (menu "Trainers"): trainer profiles, programme
records and certificates, for trainer coordinators (the group migration 0009 creates). The
snippet views check the model permissions: coordinators add and change, nobody but a superuser
deletes a certificate (revoking is how one is withdrawn)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import Certificate, ProgrammeRecord, TrainerProfile
from ..models.trainers import PROGRAMME_PAGE_TYPE
from .forms import CertificateAdminForm, DefaultTermsAdminForm, ProgrammeRecordAdminForm


class TrainerProfileViewSet(SnippetViewSet):
    model = TrainerProfile
    icon = "user"
    menu_label = _("Trainer profiles")
    list_display = ["name", "user", "listed", "updated_at"]
    list_filter = ["listed"]
    search_fields = ["name", "bio"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("user", widget=forms.Select),
            FieldPanel("name"),
            FieldPanel("languages"),
            FieldPanel("countries"),
            FieldPanel("topics"),
            FieldPanel("bio"),
            FieldPanel("listed"),
        ],
        base_form_class=DefaultTermsAdminForm,
    )


class ProgrammeRecordViewSet(SnippetViewSet):
    model = ProgrammeRecord
    icon = "tasks"
    menu_label = _("Programme records")
    list_display = ["trainer", "programme", "status", "date", "recorded_by"]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            FieldPanel("trainer", widget=forms.Select),
            PageChooserPanel("programme", [PROGRAMME_PAGE_TYPE]),
            FieldPanel("status"),
            FieldPanel("date"),
        ],
        base_form_class=ProgrammeRecordAdminForm,
    )


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["number", "trainer_name", "programme_title", "issued_at", "revoked_at"]
    search_fields = ["number", "trainer_name", "programme_title"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("trainer", widget=forms.Select),
            PageChooserPanel("programme", [PROGRAMME_PAGE_TYPE]),
            FieldPanel("language"),
            FieldPanel("revoke"),
            FieldPanel("revocation_reason"),
        ],
        base_form_class=CertificateAdminForm,
    )


class TrainersGroup(SnippetViewSetGroup):
    items = (TrainerProfileViewSet, ProgrammeRecordViewSet, CertificateViewSet)
    menu_icon = "user"
    menu_label = _("Trainers")
    menu_name = "trainers"


register_snippet(TrainersGroup)
