from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import providers
from .models import (
    BatchStatus,
    CountryStaff,
    Factory,
    FactoryAccessGrant,
    FactoryMembership,
    ImportBatch,
    PublicReporting,
)


@hooks.register("portal_provides_compliance_highlights")
def compliance_highlights(**context):
    return providers.compliance_highlights(**context)


@hooks.register("portal_provides_compliance_summary")
def compliance_summary(**context):
    return providers.compliance_summary(**context)


class FactoryViewSet(SnippetViewSet):
    model = Factory
    icon = "site"
    list_display = ["name", "star_id", "os_id", "country", "status"]
    list_filter = ["status", "country"]
    search_fields = ["name", "star_id", "os_id"]


class ImportBatchViewSet(SnippetViewSet):
    """Staff upload an export here; the batch page shows its status, counts and error report."""

    model = ImportBatch
    icon = "download"
    menu_label = "Import batches"
    list_display = [
        "__str__",
        "status",
        "rows_read",
        "rows_imported",
        "rows_rejected",
        "created_at",
    ]
    list_filter = ["status", "kind"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "source",
        "kind",
        "status",
        "rows_read",
        "rows_imported",
        "rows_rejected",
        "message",
        "errors",
        "created_by",
        "created_at",
        "finished_at",
        "sha256",
    ]

    def get_edit_handler(self):
        return ObjectList([FieldPanel("upload")]).bind_to_model(self.model)


@hooks.register("after_create_snippet")
def import_uploaded_export(request, instance):
    if not isinstance(instance, ImportBatch):
        return None
    from .tasks import import_uploaded_batch

    instance.created_by = request.user
    instance.kind = "upload"
    if not instance.upload:
        instance.status = BatchStatus.FAILED
        instance.message = "No file was uploaded."
        instance.save()
        return None
    instance.source = instance.upload.name.rsplit("/", 1)[-1]
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
def navigation_entry(language, request=None, **context):
    from portal.providers import section_link

    from .models.pages import ComplianceIndexPage

    return section_link(ComplianceIndexPage, language, request)
