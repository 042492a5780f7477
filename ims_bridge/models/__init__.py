from .access import (
    CountryDataSharing,
    CountryStaff,
    FactoryAccessGrant,
    FactoryAccessLog,
    FactoryMembership,
    LabourInspector,
)
from .aggregates import AggregateCell, AggregateState, Level, Window, min_cell
from .batches import BatchStatus, ImportBatch, RawRow, RawRows, SyncState
from .pages import ComplianceIndexPage
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
    "min_cell",
]
