from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import localize_hooks  # noqa: F401  (translator and machine-draft hooks)
from .models import Audience, Cluster, CompliancePoint, Country, Industry, Topic


class TaxonomyViewSet(SnippetViewSet):
    # The listings search with the ORM (`icontains`), not the search backend: SQLite's FTS
    # backend answered 500 for a query with quotes, and for a viewset's own search_fields.
    search_backend_name = None
    search_fields = ["name", "slug"]


class CountryViewSet(TaxonomyViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "iso_code", "programme_status", "workers_reached", "factories_reached"]
    search_fields = ["name", "slug", "iso_code"]
    list_filter = ["programme_status"]


class IndustryViewSet(TaxonomyViewSet):
    model = Industry
    icon = "tag"
    list_display = ["name", "slug"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "user"
    list_display = ["name", "slug"]


class ClusterViewSet(TaxonomyViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    list_display = ["name", "kind", "sort_order"]


class CompliancePointViewSet(TaxonomyViewSet):
    model = CompliancePoint
    icon = "list-ul"
    list_display = ["name", "cluster", "confirmed"]
    list_filter = ["confirmed", "cluster__kind"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (
        CountryViewSet,
        IndustryViewSet,
        TopicViewSet,
        AudienceViewSet,
        ClusterViewSet,
        CompliancePointViewSet,
    )
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
from .translation_admin import wagtail_hooks as translation_admin_hooks  # noqa: E402, F401
