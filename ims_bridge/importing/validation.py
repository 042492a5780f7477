"""Row validation: the rules and messages of FORMAT.md, shared by both import paths.

A finding row splits into a factory/assessment part and a question part, which repeat across
rows (≈250 rows per assessment): each is cleaned into a dataclass once per distinct value, by
the row-by-row path through a memo and by the set-by-set path per distinct combination."""

import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from wagtail.models import Locale

from portal.models import Cluster, CompliancePoint, Country, Industry

from ..models import FactoryStatus, PlanStatus, QuestionType

CSV_DATE = "%d/%m/%Y"
OBSOLETE = re.compile(r"\s*\(obsolete\)\s*", re.IGNORECASE)
QUESTION_TYPES = frozenset(QuestionType.values)
PLAN_STATUSES = {
    "pending": PlanStatus.PENDING,
    "in progress": PlanStatus.IN_PROGRESS,
    "in_progress": PlanStatus.IN_PROGRESS,
    "completed": PlanStatus.COMPLETED,
}
# The columns (internal keys) each part is made of: rows with the same values share the part.
FACTORY_KEYS = (
    "country",
    "factory_id",
    "factory_name",
    "industry",
    "workers",
    "os_id",
    "assessment_id",
    "start_date",
    "cycle",
)
QUESTION_KEYS = (
    "question_id",
    "label",
    "type",
    "cp",
    "cluster",
    "tags",
    "cat_version",
    "global_id",
)
MEMO_LIMIT = 200_000

# Rejection messages that both paths give (the set-by-set path fills DUPLICATE in SQL).
DUPLICATE = "duplicate of line {} (same assessment and question)"
OTHER_FACTORY = "assessment {!r} belongs to another factory"


def not_0_or_1(finding):
    return f"{finding!r} is not 0 or 1 (NCQ)"


class RowError(Exception):
    def __init__(self, column, reason):
        super().__init__(reason)
        self.column = column
        self.reason = reason


@functools.lru_cache(maxsize=8192)
def key(text):
    """A name as the lookups file it: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


@functools.lru_cache(maxsize=8192)
def _parse_date(value, date_format):
    return datetime.strptime(value, date_format).date()  # noqa: DTZ007


class _Fields:
    __slots__ = ()

    def fields(self):
        """The model fields to write, without the key (``star_id``)."""
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "star_id"
        }


@dataclass(frozen=True, slots=True)
class FactoryFields(_Fields):
    star_id: str
    name: str
    country_id: int
    status: str
    industry_id: int | None
    workers: int | None
    os_id: str


@dataclass(frozen=True, slots=True)
class AssessmentFields(_Fields):
    star_id: str
    cycle: int
    start_date: date


@dataclass(frozen=True, slots=True)
class QuestionFields(_Fields):
    star_id: str
    label: str
    global_id: str
    type: str
    public_disclosure: bool
    compliance_point_id: int
    tags: str


@dataclass(eq=False, slots=True)
class FactoryPart:
    """A finding row's factory and assessment (shared, compared by identity)."""

    factory: FactoryFields
    assessment: AssessmentFields


@dataclass(eq=False, slots=True)
class QuestionPart:
    """A finding row's question and its CAT version, ``(country pk, name)``."""

    cat: tuple
    question: QuestionFields


@dataclass(slots=True)
class FindingRow:
    record: object  # readers.Record
    part_a: FactoryPart
    part_q: QuestionPart
    value: int | None
    text: str


@dataclass(slots=True)
class PlanRow:
    record: object  # readers.Record
    assessment_id: str
    point: CompliancePoint
    action: str
    status: str
    due_date: date | None


class Lookups:
    """Taxonomy terms of the default locale, by every name the exports use."""

    def __init__(self):
        locale = Locale.get_default()
        self.countries = {}
        for country in Country.objects.filter(locale=locale):
            for name in (country.name, country.slug, country.iso_code):
                self.countries[key(name)] = country
        self.industries = {}
        for industry in Industry.objects.filter(locale=locale):
            self.industries[key(industry.name)] = industry
            self.industries[key(industry.slug)] = industry
        self.clusters = {}
        for cluster in Cluster.objects.filter(locale=locale):
            for name in (cluster.name, cluster.slug, *cluster.alias_list):
                self.clusters[key(name)] = cluster
        self.points = {}
        for point in CompliancePoint.objects.filter(locale=locale).select_related("cluster"):
            for name in (point.name, point.slug, *point.alias_list):
                self.points[key(name)] = point


def _required(values, name):
    value = values.get(name, "")
    if not value:
        raise RowError(name, "is empty")
    return value


def _date(values, name, date_format, required=True):
    value = values.get(name, "")
    if not value and not required:
        return None
    if not value:
        raise RowError(name, "is empty")
    try:
        return _parse_date(value, date_format)
    except ValueError:
        shown = "dd/mm/yyyy" if date_format == CSV_DATE else "yyyy-mm-dd"
        raise RowError(name, f"{value!r} is not a date ({shown})") from None


class Validator:
    """Cleans rows (``readers.Record``) and parts (their values) against the taxonomy, raising
    ``RowError`` with the column and reason of the first rule a row breaks."""

    def __init__(self):
        self.lookups = Lookups()
        self._memo = {}

    def country(self, name):
        return self.lookups.countries.get(key(name))

    def _point(self, values):
        name = _required(values, "cp")
        point = self.lookups.points.get(key(name))
        if point is None:
            raise RowError("cp", f"unknown compliance point {name!r}")
        return point

    def finding(self, record):
        """Validate one finding row; its parts are memoised by their values."""
        values = record.values
        record.factory_key = values.get("factory_id") or None
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        key_a = ("a", record.date_format, *map(values.get, FACTORY_KEYS))
        part_a = self._memo.get(key_a)
        if part_a is None:
            part_a = self._memo[key_a] = self.factory_part(values, record.date_format)
        country_pk = part_a.factory.country_id
        key_q = ("q", country_pk, *map(values.get, QUESTION_KEYS))
        part_q = self._memo.get(key_q)
        if part_q is None:
            part_q = self._memo[key_q] = self.question_part(values, country_pk)
        finding = values.get("finding", "")
        value, text = None, ""
        if part_q.question.type == QuestionType.NCQ:
            if finding not in ("0", "1"):
                raise RowError("finding", not_0_or_1(finding))
            value = int(finding)
        else:
            text = finding
        return FindingRow(record, part_a, part_q, value, text)

    def factory_part(self, values, date_format=CSV_DATE):
        lookups = self.lookups
        country_name = _required(values, "country")
        country = lookups.countries.get(key(country_name))
        if country is None:
            raise RowError("country", f"unknown country {country_name!r}")
        factory_id = _required(values, "factory_id")
        name = _required(values, "factory_name")
        obsolete = bool(OBSOLETE.search(name))
        name = OBSOLETE.sub(" ", name).strip()
        assessment_id = _required(values, "assessment_id")
        start = _date(values, "start_date", date_format)
        try:
            cycle = int(_required(values, "cycle"))
            if cycle < 1 or cycle > 100:
                raise ValueError
        except ValueError:
            raise RowError(
                "cycle", f"{values['cycle']!r} is not a cycle number (1, 2, …)"
            ) from None
        industry = None
        if values.get("industry"):
            industry = lookups.industries.get(key(values["industry"]))
            if industry is None:
                raise RowError("industry", f"unknown industry {values['industry']!r}")
        workers = None
        if values.get("workers"):
            try:
                workers = int(values["workers"])
                if workers < 0:
                    raise ValueError
            except ValueError:
                raise RowError("workers", f"{values['workers']!r} is not a number") from None
        return FactoryPart(
            FactoryFields(
                star_id=factory_id,
                name=name,
                country_id=country.pk,
                status=FactoryStatus.OBSOLETE if obsolete else FactoryStatus.ACTIVE,
                industry_id=industry.pk if industry else None,
                workers=workers,
                os_id=values.get("os_id", ""),
            ),
            AssessmentFields(star_id=assessment_id, cycle=cycle, start_date=start),
        )

    def question_part(self, values, country_pk):
        question_id = _required(values, "question_id")
        qtype = values.get("type", "").upper()
        if qtype not in QUESTION_TYPES:
            raise RowError("type", f"{values.get('type')!r} is not NCQ or FGW")
        point = self._point(values)
        cluster_name = _required(values, "cluster")
        cluster = self.lookups.clusters.get(key(cluster_name))
        if cluster is None:
            raise RowError("cluster", f"unknown cluster {cluster_name!r}")
        if cluster.pk != point.cluster_id:
            raise RowError(
                "cluster",
                f"compliance point {point.name!r} belongs to {point.cluster.name!r}, "
                f"not {cluster_name!r}",
            )
        cat_name = _required(values, "cat_version")
        tags = values.get("tags", "")
        return QuestionPart(
            (country_pk, cat_name),
            QuestionFields(
                star_id=question_id,
                label=values.get("label", ""),
                global_id=values.get("global_id") or question_id,
                type=qtype,
                public_disclosure="public disclosure" in tags.casefold(),
                compliance_point_id=point.pk,
                tags=tags[:255],
            ),
        )

    def plan(self, record):
        values = record.values
        record.factory_key = _required(values, "factory_id")
        assessment_id = _required(values, "assessment_id")
        point = self._point(values)
        action = _required(values, "action")
        status = PLAN_STATUSES.get(key(values.get("status", "")))
        if status is None:
            raise RowError(
                "status", f"{values.get('status')!r} is not Pending, In Progress or Completed"
            )
        due = _date(values, "due_date", record.date_format, required=False)
        return PlanRow(record, assessment_id, point, action, status, due)
