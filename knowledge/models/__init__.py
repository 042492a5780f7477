from .glossary import GlossaryPage, GlossaryTerm
from .index import MaterialDownloads, ResourceEntry, ResourceFacet
from .law import LawReference
from .library import ResourceLibraryPage
from .materials import Licence, Material, MaterialKind
from .news import NewsArticlePage, NewsIndexPage
from .publications import (
    PublicationAuthor,
    PublicationKind,
    PublicationPage,
    PublicationSeries,
)
from .resources import (
    RESOURCE_TYPES,
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    ModelPolicyPage,
    ResourcePage,
    SelfGuidedToolPage,
    TrainingModulePage,
    TrainingProgrammePage,
    WorkbookPage,
    resource_type_choices,
)

# Publications live in their own module (it imports ResourcePage): registered here, so the
# index, the filters, the signals and search see them like the other types.
RESOURCE_TYPES[PublicationPage.resource_type] = PublicationPage

__all__ = [
    "RESOURCE_TYPES",
    "AwarenessMaterialPage",
    "GlossaryPage",
    "GlossaryTerm",
    "GoodPracticeGuidePage",
    "LawReference",
    "Licence",
    "Material",
    "MaterialDownloads",
    "MaterialKind",
    "NewsArticlePage",
    "NewsIndexPage",
    "ModelPolicyPage",
    "PublicationAuthor",
    "PublicationKind",
    "PublicationPage",
    "PublicationSeries",
    "ResourceEntry",
    "ResourceFacet",
    "ResourceLibraryPage",
    "ResourcePage",
    "SelfGuidedToolPage",
    "TrainingModulePage",
    "TrainingProgrammePage",
    "WorkbookPage",
    "resource_type_choices",
]
