"""Editors configure the indicators factories record (Snippets → Indicators). An indicator
with values is never deleted (the values protect it): switch "offered to factories" off."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Indicator


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = "Indicators"
    list_display = ["name", "code", "unit", "higher_is_better", "active", "sort_order"]
    list_filter = ["active", "unit"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "code"]


register_snippet(IndicatorViewSet)
