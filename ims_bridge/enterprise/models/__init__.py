from .capacity import Indicator, IndicatorUnit, IndicatorValue, Training
from .plans import (
    ActionSource,
    Evidence,
    PlanAction,
    PlanActionEvent,
    PlanNotificationPreference,
    PlanParticipant,
    ReminderSent,
)
from .self_assessment import Answer, QuestionGuidance, SelfAssessment, SelfAssessmentStatus
from .sharing import FactorySharing

__all__ = [
    "ActionSource",
    "Answer",
    "Evidence",
    "FactorySharing",
    "Indicator",
    "IndicatorUnit",
    "IndicatorValue",
    "PlanAction",
    "PlanActionEvent",
    "PlanNotificationPreference",
    "PlanParticipant",
    "QuestionGuidance",
    "ReminderSent",
    "SelfAssessment",
    "SelfAssessmentStatus",
    "Training",
]
