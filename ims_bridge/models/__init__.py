from .access import (
    CountryDataSharing,
    CountryStaff,
    FactoryAccessGrant,
    FactoryAccessLog,
    FactoryMembership,
    LabourInspector,
    is_global_staff,
)
from .aggregates import AggregateCell, AggregateState, Level, Window, min_cell
from .batches import BatchStatus, ImportBatch, RawRow, RawRows, SyncState
from .star import (
    Assessment,
    CatVersion,
    Factory,
    FactoryStatus,
    Finding,
    ImprovementPlanItem,
    PlanStatus,
    PublicReporting,
    Question,
    QuestionType,
)

# isort: split
# Last: the page's routes import ims_bridge.views, which imports the models above.
from .pages import ComplianceIndexPage

__all__ = [
    "AggregateCell",
    "AggregateState",
    "Assessment",
    "BatchStatus",
    "CatVersion",
    "ComplianceIndexPage",
    "CountryDataSharing",
    "CountryStaff",
    "Factory",
    "FactoryAccessGrant",
    "FactoryAccessLog",
    "FactoryMembership",
    "FactoryStatus",
    "Finding",
    "ImportBatch",
    "ImprovementPlanItem",
    "LabourInspector",
    "Level",
    "PlanStatus",
    "PublicReporting",
    "Question",
    "QuestionType",
    "RawRow",
    "RawRows",
    "SyncState",
    "Window",
    "is_global_staff",
    "min_cell",
]
