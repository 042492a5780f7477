from .index import MaterialDownloads, ResourceEntry, ResourceFacet
from .library import ResourceLibraryPage
from .resources import (
    RESOURCE_TYPES,
    AwarenessMaterialPage,
    GoodPracticeGuidePage,
    Material,
    MaterialKind,
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
    "Material",
    "MaterialDownloads",
    "MaterialKind",
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
