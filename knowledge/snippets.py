"""Knowledge's snippets in the admin, all translatable (one row per language, translated with
wagtail-localize): the glossary and the labour-law references under one "Glossary and law" menu,
and the publication series under Snippets beside the portal's taxonomy."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.wagtail_hooks import TaxonomyViewSet

from .models import GlossaryTerm, LawReference, PublicationSeries


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    # The ORM's icontains, as the taxonomy listings do (portal/wagtail_hooks.py).
    search_backend_name = None
    search_fields = ["term", "abbreviation", "synonyms"]
    list_display = ["term", "abbreviation", "slug"]
    list_filter = ["compliance_points"]
    ordering = ["term"]


class LawReferenceViewSet(SnippetViewSet):
    model = LawReference
    icon = "doc-full"
    search_backend_name = None
    search_fields = ["law_name", "article", "summary"]
    list_display = ["law_name", "article", "country", "compliance_point", "date_checked"]
    list_filter = ["country", "compliance_point", "date_checked"]
    ordering = ["country__name", "compliance_point__sort_order", "sort_order"]


class GlossaryAndLawGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, LawReferenceViewSet)
    menu_icon = "help"
    menu_label = _("Glossary and law")
    menu_name = "glossary-and-law"


register_snippet(GlossaryAndLawGroup)


class PublicationSeriesViewSet(TaxonomyViewSet):
    model = PublicationSeries
    icon = "doc-full"
    list_display = ["name", "slug"]
    menu_label = _("Publication series")
    add_to_admin_menu = False


register_snippet(PublicationSeriesViewSet)
