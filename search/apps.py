from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        from . import documents, segmentation

        documents.connect()
        segmentation.segment_database_indexing()
