"""What the self-assessment pages and API share: starting one against the factory's CAT
version, its questions in steps (one cluster a step), saving answers one question at a time,
submitting, guidance and library resources per question, and the comparison with the
factory's latest independent (STAR) assessment."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ims_bridge.models import Assessment, CatVersion, Factory, QuestionType
from ims_bridge.reports import names_in
from portal.models import Cluster, ClusterKind, CompliancePoint
from portal.providers import provide

from . import access, results
from .models import Answer, QuestionGuidance, SelfAssessment, SelfAssessmentStatus

MAX_TEXT = 2000


class SelfAssessmentError(Exception):
    """A request the user can correct (shown as a message, answered 400 by the API)."""


class Frozen(SelfAssessmentError):
    """The self-assessment is submitted: nothing in it changes any more."""


# --- who may change -----------------------------------------------------------------------


def factory_to_change(user, star_id):
    """(factory, role) for a write: nothing logged (see ``access.checked_factory``)."""
    return access.checked_factory(user, star_id, access.Data.SELF_ASSESSMENT, change=True)


# --- starting -------------------------------------------------------------------------------


def cat_version_for(factory):
    """The CAT version of the factory's latest assessment, else its country's latest one."""
    latest = factory.assessments.order_by("-start_date", "-pk").select_related("cat_version")
    assessment = latest.first()
    if assessment is not None:
        return assessment.cat_version
    return CatVersion.objects.filter(country_id=factory.country_id).order_by("-pk").first()


def in_progress(factory):
    return SelfAssessment.objects.filter(
        factory=factory, status=SelfAssessmentStatus.IN_PROGRESS
    ).first()


def start(factory, user, language):
    """A new self-assessment, or SelfAssessmentError (no CAT version, one already open)."""
    cat_version = cat_version_for(factory)
    if cat_version is None:
        raise SelfAssessmentError(
            _("There is no assessment tool (CAT version) for this factory's country yet.")
        )
    with transaction.atomic():
        # Lock the factory row so two simultaneous starts cannot both pass the check.
        Factory.objects.select_for_update().filter(pk=factory.pk).first()
        if in_progress(factory) is not None:
            raise SelfAssessmentError(
                _("A self-assessment is already in progress: continue it or submit it first.")
            )
        return SelfAssessment.objects.create(
            factory=factory, cat_version=cat_version, language=language[:12], started_by=user
        )


# --- questions in steps --------------------------------------------------------------------


@dataclass
class QuestionItem:
    question: object
    answer: object = None
    guidance: str = ""

    @property
    def is_ncq(self):
        return self.question.type == QuestionType.NCQ

    @property
    def value(self):
        return None if self.answer is None else self.answer.value

    @property
    def text(self):
        return "" if self.answer is None else self.answer.text

    @property
    def answered(self):
        if self.answer is None:
            return False
        return self.answer.value is not None if self.is_ncq else bool(self.answer.text)

    @property
    def shown(self):
        """The answer as the form shows it ("" = not answered)."""
        if self.is_ncq:
            return "" if self.value is None else str(self.value)
        return self.text


@dataclass
class PointGroup:
    point: object
    name: str
    items: list = field(default_factory=list)
    resources: dict = field(default_factory=dict)  # resource type label -> [ProvidedItem]
    laws: list = field(default_factory=list)  # the factory's country's law references
    terms: list = field(default_factory=list)  # glossary terms of the point (ProvidedItem)


@dataclass
class Step:
    number: int
    cluster: object
    name: str
    core: bool
    points: list = field(default_factory=list)

    @property
    def items(self):
        return [item for group in self.points for item in group.items]

    @property
    def answered(self):
        return sum(item.answered for item in self.items)

    @property
    def complete(self):
        return all(item.answered for item in self.items)


def _order(point):
    cluster = point.cluster
    return (cluster.kind != ClusterKind.ILS, cluster.sort_order, point.sort_order, point.pk)


def questions(self_assessment):
    return list(
        self_assessment.cat_version.questions.select_related("compliance_point__cluster").order_by(
            "pk"
        )
    )


def progress(self_assessment):
    """(answered, total) questions."""
    total = self_assessment.cat_version.questions.count()
    answered = (
        self_assessment.answers.filter(question__type=QuestionType.NCQ, value__isnull=False).count()
        + self_assessment.answers.filter(question__type=QuestionType.FGW).exclude(text="").count()
    )
    return answered, total


def steps(self_assessment, language, with_resources=True):
    """[Step], one per cluster in reporting order, every question with its answer and
    guidance; each point with the library resources tagged with it."""
    locale = _locale(language)
    answers = {a.question_id: a for a in self_assessment.answers.all()}
    all_questions = questions(self_assessment)
    guidance = guidance_for({q.global_id for q in all_questions}, locale)
    cluster_names = names_in(Cluster, locale)
    point_names = names_in(CompliancePoint, locale)
    by_point = {}
    for question in all_questions:
        group = by_point.get(question.compliance_point_id)
        if group is None:
            point = question.compliance_point
            group = by_point[point.pk] = PointGroup(point, point_names.get(point.translation_key))
        group.items.append(
            QuestionItem(question, answers.get(question.pk), guidance.get(question.global_id, ""))
        )
    if with_resources:
        attach_resources(by_point.values(), language)
        attach_law(by_point.values(), language, self_assessment.factory.country)
    result = []
    for group in sorted(by_point.values(), key=lambda g: _order(g.point)):
        cluster = group.point.cluster
        if not result or result[-1].cluster.pk != cluster.pk:
            result.append(
                Step(
                    len(result) + 1,
                    cluster,
                    cluster_names.get(cluster.translation_key, cluster.name),
                    cluster.kind == ClusterKind.ILS,
                )
            )
        result[-1].points.append(group)
    return result


def resume_step(step_list):
    """The number of the first step with an unanswered question (the last if all are)."""
    for step in step_list:
        if not step.complete:
            return step.number
    return step_list[-1].number if step_list else 1


def _locale(language):
    return Locale.objects.filter(language_code=language).first()


def guidance_for(global_ids, locale):
    """global question id -> guidance in `locale`, falling back to the default locale."""
    rows = QuestionGuidance.objects.filter(global_id__in=global_ids)
    default = Locale.get_default()
    wanted = {default.pk} | ({locale.pk} if locale else set())
    found = {}
    for row in rows.filter(locale_id__in=wanted):
        if row.global_id not in found or (locale and row.locale_id == locale.pk):
            found[row.global_id] = row.guidance
    return found


def attach_resources(groups, language, per_point=6):
    """Fill each PointGroup's resources from the library (one provider call for all)."""
    groups = list(groups)
    slugs = [g.point.slug for g in groups]
    by_slug = {}
    for slug, item in provide(
        "compliance_point_resources", language=language, compliance_points=slugs, limit=per_point
    ):
        by_slug.setdefault(slug, []).append(item)
    for group in groups:
        for item in by_slug.get(group.point.slug, []):
            kind = item.meta[0] if item.meta else ""
            group.resources.setdefault(kind, []).append(item)


def attach_law(groups, language, country):
    """Fill each PointGroup's national law references for ``country`` and its glossary terms
    (one provider call each)."""
    groups = list(groups)
    if not groups:
        return
    slugs = [g.point.slug for g in groups]
    laws, terms = {}, {}
    if country is not None:
        for slug, item in provide(
            "compliance_point_law", language=language, country=country, compliance_points=slugs
        ):
            laws.setdefault(slug, []).append(item)
    for slug, item in provide(
        "compliance_point_glossary", language=language, compliance_points=slugs
    ):
        terms.setdefault(slug, []).append(item)
    for group in groups:
        group.laws = laws.get(group.point.slug, [])
        group.terms = terms.get(group.point.slug, [])


# --- saving ---------------------------------------------------------------------------------


def parse_value(question, raw):
    """The stored (value, text) for a raw answer, or SelfAssessmentError."""
    if question.type == QuestionType.NCQ:
        if raw in (None, ""):
            return None, ""
        if str(raw) in ("0", "1") and not isinstance(raw, bool):
            return int(raw), ""
        raise SelfAssessmentError(
            _("Question %(id)s: answer 1 (non-compliant), 0 (compliant) or leave it empty.")
            % {"id": question.star_id}
        )
    text = "" if raw is None else raw
    if not isinstance(text, str):
        raise SelfAssessmentError(_("Question %(id)s: answer in words.") % {"id": question.star_id})
    text = text.replace("\x00", "").strip()
    if len(text) > MAX_TEXT:
        raise SelfAssessmentError(
            _("Question %(id)s: at most %(max)d characters.")
            % {"id": question.star_id, "max": MAX_TEXT}
        )
    return None, text


def save_answers(self_assessment, user, raw_answers):
    """Upsert the given answers ({question id: raw value}); answers to other questions are
    left as they are. All or nothing: one invalid answer saves none. Returns the count."""
    if self_assessment.is_submitted:
        raise Frozen(_("This self-assessment is submitted: it can no longer be changed."))
    ids = set(raw_answers)
    known = {q.pk: q for q in self_assessment.cat_version.questions.filter(pk__in=ids)}
    unknown = sorted(str(i) for i in ids - set(known))
    if unknown:
        raise SelfAssessmentError(
            _("Unknown questions for this self-assessment: %(ids)s") % {"ids": ", ".join(unknown)}
        )
    parsed = {qid: parse_value(known[qid], raw) for qid, raw in raw_answers.items()}
    with transaction.atomic():
        locked = SelfAssessment.objects.select_for_update().get(pk=self_assessment.pk)
        if locked.is_submitted:
            raise Frozen(_("This self-assessment is submitted: it can no longer be changed."))
        for qid, (value, text) in parsed.items():
            Answer.objects.update_or_create(
                self_assessment=locked,
                question_id=qid,
                defaults={"value": value, "text": text, "answered_by": user},
            )
        locked.save(update_fields=["updated_at"])
    return len(parsed)


def submit(self_assessment, user):
    with transaction.atomic():
        locked = SelfAssessment.objects.select_for_update().get(pk=self_assessment.pk)
        if locked.is_submitted:
            raise Frozen(_("This self-assessment is already submitted."))
        locked.status = SelfAssessmentStatus.SUBMITTED
        locked.submitted_by = user
        locked.submitted_at = timezone.now()
        locked.save()
    return locked


# --- result and comparison ------------------------------------------------------------------


def result_groups(self_assessment, language):
    """The non-compliant points (IMS.md rule) grouped by cluster, core labour standards
    first, each with the resources that help: [(cluster name, core, [PointGroup])]."""
    locale = _locale(language)
    cluster_names = names_in(Cluster, locale)
    point_names = names_in(CompliancePoint, locale)
    groups = []
    for result in results.noncompliant_points(results.self_assessment_results(self_assessment)):
        point = result.compliance_point
        group = PointGroup(point, point_names.get(point.translation_key, point.name))
        group.items = [QuestionItem(q) for q in result.questions]
        groups.append(group)
    attach_resources(groups, language)
    attach_law(groups, language, self_assessment.factory.country)
    by_cluster = []
    for group in groups:
        cluster = group.point.cluster
        if not by_cluster or by_cluster[-1][0].pk != cluster.pk:
            name = cluster_names.get(cluster.translation_key, cluster.name)
            by_cluster.append((cluster, name, cluster.kind == ClusterKind.ILS, []))
        by_cluster[-1][3].append(group)
    return [(name, core, points) for _cluster, name, core, points in by_cluster]


class Agreement:
    BOTH = "both_noncompliant"
    ONLY_SELF = "only_self"
    ONLY_STAR = "only_star"
    COMPLIANT = "both_compliant"


def latest_assessment(factory):
    return Assessment.objects.filter(factory=factory).order_by("-start_date", "-pk").first()


def compare(self_assessment, assessment, language):
    """Per compliance point answered in either: (point, name, self nc, STAR nc, agreement),
    in reporting order. Points only one side answered compare against "compliant"."""
    locale = _locale(language)
    point_names = names_in(CompliancePoint, locale)
    own = {r.compliance_point.pk: r for r in results.self_assessment_results(self_assessment)}
    star = (
        {r.compliance_point.pk: r for r in results.assessment_results(assessment)}
        if assessment
        else {}
    )
    points = {**{k: r.compliance_point for k, r in star.items()}}
    points.update({k: r.compliance_point for k, r in own.items()})
    rows = []
    for pk, point in sorted(points.items(), key=lambda kv: _order(kv[1])):
        mine = pk in own and own[pk].noncompliant
        theirs = pk in star and star[pk].noncompliant
        if mine and theirs:
            agreement = Agreement.BOTH
        elif mine:
            agreement = Agreement.ONLY_SELF
        elif theirs:
            agreement = Agreement.ONLY_STAR
        else:
            agreement = Agreement.COMPLIANT
        rows.append(
            {
                "point": point,
                "name": point_names.get(point.translation_key, point.name),
                "self_noncompliant": mine,
                "star_noncompliant": theirs,
                "self_answered": pk in own,
                "star_answered": pk in star,
                "agreement": agreement,
            }
        )
    return rows
