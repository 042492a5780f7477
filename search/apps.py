from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import segmentation


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self):
        # Here, not above: documents imports models, not loaded when the app config is.
        from . import documents

        documents.connect()
        segmentation.segment_database_indexing()
