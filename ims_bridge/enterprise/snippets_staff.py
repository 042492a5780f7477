"""Admin for labour inspectors and what each country shares with its inspectorate: only
superusers and global staff (``view_all_factory_data``) may see or edit them, whatever model
permissions a group was given, since they open factory-level results to outside users."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from ims_bridge.models import CountryDataSharing, LabourInspector, is_global_staff
from portal.models import Country


class GlobalStaffOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return user.is_authenticated and user.is_active and is_global_staff(user)

    def users_with_any_permission(self, actions):
        permission = Permission.objects.filter(
            content_type__app_label="ims_bridge", codename="view_all_factory_data"
        )
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permission)
                | Q(groups__permissions__in=permission),
                is_active=True,
            )
            .distinct()
        )


for _model in (LabourInspector, CountryDataSharing):
    register_permission_policy(_model, GlobalStaffOnlyPolicy(_model))


class DefaultLanguageCountryForm(WagtailAdminModelForm):
    """Factories point at the default-language country term, so these rows must too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")


class RefusingCreateView(CreateView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400  # the form is shown again with its errors
        return response


class RefusingEditView(EditView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class StaffSnippetViewSet(SnippetViewSet):
    add_view_class = RefusingCreateView
    edit_view_class = RefusingEditView


def _panels(model, *fields):
    # Plain selects: Wagtail's chooser widget fails (500) re-rendering a non-numeric id.
    return ObjectList(
        [
            FieldPanel(name, widget=forms.Select)
            if name in ("user", "country")
            else FieldPanel(name)
            for name in fields
        ],
        base_form_class=DefaultLanguageCountryForm,
    ).bind_to_model(model)


class LabourInspectorViewSet(StaffSnippetViewSet):
    model = LabourInspector
    icon = "user"
    list_display = ["user", "country"]

    def get_edit_handler(self):
        return _panels(self.model, "user", "country")


class CountryDataSharingViewSet(StaffSnippetViewSet):
    model = CountryDataSharing
    icon = "lock-open"
    list_display = ["country", "factory_results_for_inspectors"]

    def get_edit_handler(self):
        return _panels(self.model, "country", "factory_results_for_inspectors")


class InspectoratesGroup(SnippetViewSetGroup):
    menu_label = _("Labour inspectorates")
    menu_icon = "group"
    menu_name = "labour-inspectorates"
    items = (LabourInspectorViewSet, CountryDataSharingViewSet)


register_snippet(InspectoratesGroup)
