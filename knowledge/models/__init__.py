from .glossary import GlossaryPage, GlossaryTerm
from .index import MaterialDownloads, ResourceEntry, ResourceFacet
from .law import LawReference
from .library import ResourceLibraryPage
from .materials import Licence, Material, MaterialKind
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
    "GlossaryPage",
    "GlossaryTerm",
    "GoodPracticeGuidePage",
    "LawReference",
    "Licence",
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
