"""A self-assessment's result by IMS.md's rule, the same as for independent assessments:
NCQ answers only; a compliance point is non-compliant if any of its questions is answered
non-compliant (1). Core labour standards (ILS clusters) come first."""

from dataclasses import dataclass, field

from ims_bridge.models import Finding, QuestionType
from portal.models import ClusterKind


@dataclass
class PointResult:
    compliance_point: object
    questions: list = field(default_factory=list)  # the NCQ questions answered non-compliant
    answered: int = 0

    @property
    def noncompliant(self):
        return bool(self.questions)


def _cluster_order(point):
    cluster = point.cluster
    return (cluster.kind != ClusterKind.ILS, cluster.sort_order, point.sort_order, point.pk)


def point_results(pairs):
    """[PointResult] from (question, value) pairs, in reporting order (ILS clusters first)."""
    by_point = {}
    for question, value in pairs:
        if question.type != QuestionType.NCQ or value is None:
            continue
        result = by_point.setdefault(
            question.compliance_point_id, PointResult(question.compliance_point)
        )
        result.answered += 1
        if value == 1:
            result.questions.append(question)
    return sorted(by_point.values(), key=lambda r: _cluster_order(r.compliance_point))


def self_assessment_results(self_assessment):
    answers = self_assessment.answers.select_related("question__compliance_point__cluster")
    return point_results((answer.question, answer.value) for answer in answers)


def assessment_results(assessment):
    """The same for an imported (independent) STAR assessment."""
    findings = Finding.objects.filter(assessment=assessment).select_related(
        "question__compliance_point__cluster"
    )
    return point_results((finding.question, finding.value) for finding in findings)


def noncompliant_points(results):
    return [result for result in results if result.noncompliant]
