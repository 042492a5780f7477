from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Cluster, CompliancePoint, Country, Industry, Topic


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "iso_code", "programme_status", "workers_reached", "factories_reached"]
    search_fields = ["name"]
    list_filter = ["programme_status"]


class IndustryViewSet(SnippetViewSet):
    model = Industry
    icon = "tag"
    list_display = ["name", "slug"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    list_display = ["name", "slug"]


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    list_display = ["name", "kind", "sort_order"]


class CompliancePointViewSet(SnippetViewSet):
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
