from .index import MaterialDownloads, ResourceEntry, ResourceFacet
from .library import ResourceLibraryPage
from .materials import Licence, Material, MaterialKind
from .news import NewsArticlePage, NewsIndexPage
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

__all__ = [
    "RESOURCE_TYPES",
    "AwarenessMaterialPage",
    "GoodPracticeGuidePage",
    "Licence",
    "Material",
    "MaterialDownloads",
    "MaterialKind",
    "NewsArticlePage",
    "NewsIndexPage",
    "ModelPolicyPage",
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
