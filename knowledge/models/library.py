from django.utils.translation import gettext_lazy as _

from portal.models import BasePage


class ResourceLibraryPage(BasePage):
    """/<lang>/resources/: every resource, filterable by country, industry, topic, audience,
    type, compliance point and language, with facet counts; works without JavaScript."""

    template = "knowledge/resource_library_page.html"
    parent_page_types = ["portal.HomePage"]
    subpage_types = [
        "knowledge.TrainingProgrammePage",
        "knowledge.ModelPolicyPage",
        "knowledge.GoodPracticeGuidePage",
        "knowledge.WorkbookPage",
        "knowledge.AwarenessMaterialPage",
        "knowledge.SelfGuidedToolPage",
        "knowledge.PublicationPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        # Cycle: knowledge.views imports knowledge.models, which imports this module.
        from ..views import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context
