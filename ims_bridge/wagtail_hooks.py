from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from portal import cache_versions
from portal.providers import section_link
from portal.translation_admin.filters import DefaultLocaleTermsFilterSet

from . import progress, providers
from .importing import lease
from .models import (
    BatchStatus,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryMembership,
    ImportBatch,
    PublicReporting,
)
from .models.pages import ComplianceIndexPage
from .tasks import import_uploaded_batch
from .uploads import ImportUploadField


@hooks.register("portal_provides_compliance_highlights")
def compliance_highlights(**context):
    cache_versions.depend(cache_versions.COMPLIANCE)
    return providers.compliance_highlights(**context)


@hooks.register("portal_provides_compliance_summary")
def compliance_summary(**context):
    cache_versions.depend(cache_versions.COMPLIANCE)
    return providers.compliance_summary(**context)


@hooks.register("portal_provides_compliance_comparison")
def compliance_comparison(**context):
    cache_versions.depend(cache_versions.COMPLIANCE)
    return providers.compliance_comparison(**context)


@hooks.register("portal_provides_compliance_top_issues")
def compliance_top_issues(**context):
    cache_versions.depend(cache_versions.COMPLIANCE)
    return providers.compliance_top_issues(**context)


class FactoryFilterSet(DefaultLocaleTermsFilterSet):
    """The country filter lists each country once (a factory stores the default-language term)."""

    class Meta:
        model = Factory
        fields = ["status", "country"]


class FactoryViewSet(SnippetViewSet):
    model = Factory
    icon = "site"
    list_display = ["name", "star_id", "os_id", "country", "status"]
    filterset_class = FactoryFilterSet
    search_fields = ["name", "star_id", "os_id"]


class ImportBatchInspectView(InspectView):
    """The batch page: its live status panel (see progress.py) above the stored fields."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batch_status"] = progress.status(self.object)
        context["status_url"] = reverse(
            "wagtailsnippets_ims_bridge_importbatch:status", args=(self.object.pk,)
        )
        return context


class ImportBatchForm(WagtailAdminModelForm):
    """The upload: checked by content (``uploads.check_export``) before anything is stored."""

    upload = ImportUploadField(
        label=gettext_lazy("uploaded export"),
        help_text=gettext_lazy("A STAR CSV export or an ims-bridge JSON Lines file (UTF-8)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = not self.instance.pk

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if getattr(upload, "original_name", None):
            self.instance.source = upload.original_name
        return super().save(commit=commit)


class ImportBatchCreateView(CreateView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400  # a refused upload is the client's error
        return response


class ImportBatchViewSet(SnippetViewSet):
    """Staff upload an export here; the batch page shows its status, counts and error report."""

    model = ImportBatch
    icon = "download"
    menu_label = gettext_lazy("Import batches")
    list_display = [
        "__str__",
        # As readers see it: a batch whose process stopped shows failed at once.
        Column(
            "status",
            label=gettext_lazy("status"),
            accessor=lambda batch: lease.as_seen(batch).get_status_display(),
        ),
        "rows_read",
        "rows_imported",
        "rows_rejected",
        "created_at",
    ]
    list_filter = ["status", "kind"]
    inspect_view_enabled = True
    inspect_view_class = ImportBatchInspectView
    inspect_view_fields = [
        "source",
        "kind",
        "errors",
        "created_by",
        "created_at",
        "finished_at",
        "sha256",
    ]

    inspect_template_name = "ims_bridge/admin/importbatch_inspect.html"
    add_view_class = ImportBatchCreateView

    def get_edit_handler(self):
        panels = [FieldPanel("upload")]
        return ObjectList(panels, base_form_class=ImportBatchForm).bind_to_model(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", self.status_view, name="status")
        ]

    def status_view(self, request, pk):
        """JSON state of one batch (polled by its inspect page while the import runs), for
        the staff who may see import batches; the admin's own login check comes first."""
        if not self.permission_policy.user_has_any_permission(
            request.user, ["add", "change", "delete", "view"]
        ):
            return JsonResponse(
                {"error": _("You do not have permission to see import batches.")}, status=403
            )
        batch = ImportBatch.objects.filter(pk=pk).first()
        if batch is None:
            return JsonResponse({"error": _("Not found.")}, status=404)
        response = JsonResponse(progress.status(batch))
        response["Cache-Control"] = "no-store"
        return response


@hooks.register("after_create_snippet")
def import_uploaded_export(request, instance):
    if not isinstance(instance, ImportBatch):
        return None

    instance.created_by = request.user
    instance.kind = "upload"
    if not instance.upload:
        instance.status = BatchStatus.FAILED
        instance.message = "No file was uploaded."
        instance.save()
        return None
    instance.source = instance.source or "upload"
    instance.save()
    import_uploaded_batch.enqueue(instance.pk)
    return redirect("wagtailsnippets_ims_bridge_importbatch:inspect", instance.pk)


class GrantViewSet(SnippetViewSet):
    model = FactoryAccessGrant
    icon = "lock-open"
    list_display = ["factory", "buyer", "expires_at", "revoked_at"]


class MembershipViewSet(SnippetViewSet):
    model = FactoryMembership
    icon = "user"


class CountryStaffViewSet(SnippetViewSet):
    model = CountryStaff
    icon = "user"


class PublicReportingViewSet(SnippetViewSet):
    model = PublicReporting
    icon = "view"


class IMSGroup(SnippetViewSetGroup):
    menu_label = "IMS"
    menu_icon = "table"
    items = (
        FactoryViewSet,
        ImportBatchViewSet,
        GrantViewSet,
        MembershipViewSet,
        CountryStaffViewSet,
        PublicReportingViewSet,
    )


register_snippet(IMSGroup)


@hooks.register("portal_provides_navigation")
def navigation_entry(**context):
    return section_link(ComplianceIndexPage)
