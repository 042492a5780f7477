"""Import a STAR export (or the bridge's JSON Lines form) as one atomic batch.

Rows are validated one by one and written in chunks with bulk operations; every row is kept as
read, linked to its batch and factory (``RawRows``: one record per factory and chunk). A file
already imported (same SHA-256) is skipped, and all writes are upserts that only touch what
changed, so importing twice changes nothing."""

import functools
import hashlib
import json
import re
from datetime import datetime
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.models import Cluster, CompliancePoint, Country, Industry

from .bulk import NotBulk, StarCsvLoad
from .models import (
    Assessment,
    BatchStatus,
    CatVersion,
    Factory,
    FactoryStatus,
    Finding,
    ImportBatch,
    ImprovementPlanItem,
    PlanStatus,
    Question,
    QuestionType,
    RawRows,
)
from .readers import FormatError, read_records, sniff

CHUNK_SIZE = 5000
ANALYZE_AFTER_ROWS = 50_000
MAX_STORED_ERRORS = 10_000
OBSOLETE = re.compile(r"\s*\(obsolete\)\s*", re.IGNORECASE)
PLAN_STATUSES = {
    "pending": PlanStatus.PENDING,
    "in progress": PlanStatus.IN_PROGRESS,
    "in_progress": PlanStatus.IN_PROGRESS,
    "completed": PlanStatus.COMPLETED,
}


class ImportFailed(Exception):
    """The batch could not be imported; nothing from it was written."""

    def __init__(self, message, batch=None):
        super().__init__(message)
        self.batch = batch


class RowError(Exception):
    def __init__(self, column, reason):
        super().__init__(reason)
        self.column = column
        self.reason = reason


def fast_insert(model, columns, rows):
    """Insert plain tuples: COPY on PostgreSQL, executemany elsewhere. No signals, no models:
    only for append-only tables the importer owns (findings, raw rows)."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


@functools.lru_cache(maxsize=8192)
def _key(text):
    return " ".join(text.split()).casefold()


@functools.lru_cache(maxsize=8192)
def _parse_date(value, date_format):
    return datetime.strptime(value, date_format).date()  # noqa: DTZ007


QUESTION_TYPES = frozenset(QuestionType.values)


class Lookups:
    """Taxonomy terms of the default locale, by every name the exports use."""

    def __init__(self):
        locale = Locale.get_default()
        self.countries = {}
        for country in Country.objects.filter(locale=locale):
            for name in (country.name, country.slug, country.iso_code):
                self.countries[_key(name)] = country
        self.industries = {}
        for industry in Industry.objects.filter(locale=locale):
            self.industries[_key(industry.name)] = industry
            self.industries[_key(industry.slug)] = industry
        self.clusters = {}
        for cluster in Cluster.objects.filter(locale=locale):
            for name in (cluster.name, cluster.slug, *cluster.alias_list):
                self.clusters[_key(name)] = cluster
        self.points = {}
        for point in CompliancePoint.objects.filter(locale=locale).select_related("cluster"):
            for name in (point.name, point.slug, *point.alias_list):
                self.points[_key(name)] = point


class Importer:
    def __init__(
        self,
        *,
        source,
        chunk_size=CHUNK_SIZE,
        progress=None,
        user=None,
        kind="file",
        recompute=True,
        bulk=True,
    ):
        self.source = source
        self.chunk_size = chunk_size
        self.progress = progress or (lambda batch, done, total: None)
        self.user = user
        self.kind = kind
        self.recompute = recompute
        self.bulk = bulk  # STAR CSV set by set on PostgreSQL (``bulk``); False: row by row

    # -- entry points -------------------------------------------------------------------------

    def import_path(self, path, force=False):
        path = Path(path)
        if not path.is_file():
            raise ImportFailed(f"No such file: {path}")
        with path.open("rb") as fileobj:
            return self.import_file(fileobj, force=force, total=path.stat().st_size)

    def import_file(self, fileobj, force=False, total=None, batch=None):
        digest = hashlib.sha256()
        for block in iter(lambda: fileobj.read(1 << 20), b""):
            digest.update(block)
        fileobj.seek(0)
        sha = digest.hexdigest()
        previous = (
            ImportBatch.objects.filter(
                sha256=sha, status__in=[BatchStatus.DONE, BatchStatus.DONE_WITH_ERRORS]
            )
            .exclude(pk=getattr(batch, "pk", None))
            .first()
        )
        if previous and not force:
            # Nothing to do, and nothing written: not even a batch row.
            skipped = batch or ImportBatch(source=str(self.source)[:500], sha256=sha)
            skipped.status = BatchStatus.SKIPPED
            skipped.message = f"Same content as batch #{previous.pk}; nothing to do."
            skipped.finished_at = timezone.now()
            if skipped.pk:
                skipped.save()
            return skipped
        if batch is None:
            batch = ImportBatch.objects.create(
                source=str(self.source)[:500], kind=self.kind, sha256=sha, created_by=self.user
            )
        else:
            batch.sha256 = sha
        batch.status = BatchStatus.RUNNING
        batch.save()
        self.batch = batch
        self.total = total
        self.errors = []
        self.rows_read = self.rows_imported = self.rows_rejected = 0
        try:
            with transaction.atomic():
                self._run(fileobj)
                if self.recompute:
                    from .aggregation import refresh

                    refresh()
        except FormatError as exc:
            return self._fail(str(exc))
        except Exception as exc:
            self._fail(f"Import failed, nothing from this batch was kept: {exc}")
            raise
        batch.rows_read = self.rows_read
        batch.rows_imported = self.rows_imported
        batch.rows_rejected = self.rows_rejected
        batch.errors = self.errors[:MAX_STORED_ERRORS]
        batch.status = BatchStatus.DONE_WITH_ERRORS if self.rows_rejected else BatchStatus.DONE
        if len(self.errors) > MAX_STORED_ERRORS:
            batch.message = f"Only the first {MAX_STORED_ERRORS:,} errors are stored."
        batch.finished_at = timezone.now()
        batch.save()
        return batch

    def _fail(self, message):
        batch = self.batch
        batch.status = BatchStatus.FAILED
        batch.message = message
        batch.rows_read = self.rows_read
        batch.rows_imported = 0
        batch.rows_rejected = self.rows_rejected
        batch.errors = self.errors[:MAX_STORED_ERRORS]
        batch.finished_at = timezone.now()
        batch.save()
        raise ImportFailed(message, batch)

    # -- the pipeline -------------------------------------------------------------------------

    def _run(self, fileobj):
        self.lookups = Lookups()
        self._memo = {}
        self.factories = {}
        self.cat_versions = {(cv.country_id, cv.name): cv for cv in CatVersion.objects.all()}
        self.questions = {}
        self.assessments = {}
        if not self._run_bulk(fileobj):
            self._run_rows(fileobj)
        from .aggregation import mark_windows

        mark_windows()
        if connection.vendor == "postgresql" and self.rows_read >= ANALYZE_AFTER_ROWS:
            # Fresh statistics after a bulk load (and after marking the latest assessments,
            # which the public pages filter on), or the queries get a poor plan.
            with connection.cursor() as cursor:
                for model in (Finding, Assessment, Question, Factory, RawRows):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

    def _run_bulk(self, fileobj):
        """The set-by-set path (``bulk.py``) when it applies; False to read row by row."""
        if not self.bulk or connection.vendor != "postgresql" or sniff(fileobj) != "csv":
            return False
        load = StarCsvLoad(self, fileobj)
        try:
            with transaction.atomic():
                rejected, errors = load.run(MAX_STORED_ERRORS + 1)
        except NotBulk:  # raised before any part is written (the file sent, parts read)
            fileobj.seek(0)
            self.rows_read = 0
            return False
        self.rows_rejected = rejected
        self.rows_imported = self.rows_read - rejected
        self.errors = errors
        self._report_bytes(fileobj.tell())
        return True

    def _run_rows(self, fileobj):
        source, records = read_records(fileobj)
        chunk = []
        for record in records:
            self.rows_read += 1
            chunk.append(record)
            if len(chunk) >= self.chunk_size:
                self._write_chunk(chunk, source.header)
                chunk = []
                self._report_progress(source)
        if self.rows_read == 0:
            raise FormatError("The file has a header but no rows.")
        if chunk:
            self._write_chunk(chunk, source.header)
        self._report_progress(source)

    def _report_progress(self, source):
        self._report_bytes(source.bytes_read)

    def _report_bytes(self, done):
        """The counts so far go on the (unsaved) batch: the import's transaction hides saved
        ones from other connections, so the progress callback decides where to publish them."""
        batch = self.batch
        batch.rows_read = self.rows_read
        batch.rows_imported = self.rows_imported
        batch.rows_rejected = self.rows_rejected
        batch.errors = self.errors
        self.progress(batch, done, self.total)

    def _reject(self, record, column, reason):
        self.rows_rejected += 1
        record.accepted = False
        name = record.columns.get(column, column) if column else None
        self.errors.append({"line": record.line, "column": name, "reason": reason})

    def _write_chunk(self, chunk, header):
        findings, plans = [], []
        for record in chunk:
            record.accepted = True
            record.factory_key = None
            if record.kind == "invalid":
                self._reject(record, *record.error)
                continue
            try:
                if record.kind == "finding":
                    findings.append(self._clean_finding(record))
                else:
                    plans.append(self._clean_plan(record))
            except RowError as exc:
                self._reject(record, exc.column, exc.reason)
        if findings:
            self._save_findings(findings)
        if plans:
            self._save_plans(plans)
        self._keep_raw_rows(chunk, header)

    def _keep_raw_rows(self, chunk, header):
        """Every row as read, one RawRows record per factory the chunk's rows matched."""
        factory_pk = {
            key: self.factories[key].pk
            for key in {record.factory_key for record in chunk}
            if key in self.factories
        }
        groups = {}
        for record in chunk:
            groups.setdefault(factory_pk.get(record.factory_key), []).append(
                [record.line, record.accepted, record.raw]
            )
        columns = json.dumps(header, ensure_ascii=False)
        fast_insert(
            RawRows,
            [
                "batch_id",
                "factory_id",
                "columns",
                "lines",
                "text",
                "rejected",
                "first_line",
                "row_count",
            ],
            [
                (
                    self.batch.pk,
                    factory_id,
                    columns,
                    json.dumps(lines, ensure_ascii=False),
                    "",
                    "[]",
                    lines[0][0],
                    len(lines),
                )
                for factory_id, lines in groups.items()
            ],
        )

    # -- validation ---------------------------------------------------------------------------

    def _required(self, values, key):
        value = values.get(key, "")
        if not value:
            raise RowError(key, "is empty")
        return value

    def _date(self, record, key, required=True):
        value = record.values.get(key, "")
        if not value and not required:
            return None
        if not value:
            raise RowError(key, "is empty")
        try:
            return _parse_date(value, record.date_format)
        except ValueError:
            shown = "dd/mm/yyyy" if record.date_format == "%d/%m/%Y" else "yyyy-mm-dd"
            raise RowError(key, f"{value!r} is not a date ({shown})") from None

    def _point(self, values):
        name = self._required(values, "cp")
        point = self.lookups.points.get(_key(name))
        if point is None:
            raise RowError("cp", f"unknown compliance point {name!r}")
        return point

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

    def _clean_finding(self, record):
        """Validate one finding row. The factory/assessment part and the question part repeat
        across rows (≈250 rows per assessment), so their cleaned forms are memoised."""
        values = record.values
        record.factory_key = values.get("factory_id") or None
        if len(self._memo) > 200_000:
            self._memo.clear()
        key_a = ("a", record.date_format, *map(values.get, self.FACTORY_KEYS))
        part_a = self._memo.get(key_a)
        if part_a is None:
            part_a = self._memo[key_a] = self._clean_factory_part(record)
        country_pk = part_a["factory"]["country_id"]
        key_q = ("q", country_pk, *map(values.get, self.QUESTION_KEYS))
        part_q = self._memo.get(key_q)
        if part_q is None:
            part_q = self._memo[key_q] = self._clean_question_part(record, country_pk)
        finding = values.get("finding", "")
        value, text = None, ""
        if part_q["question"]["type"] == QuestionType.NCQ:
            if finding not in ("0", "1"):
                raise RowError("finding", f"{finding!r} is not 0 or 1 (NCQ)")
            value = int(finding)
        else:
            text = finding
        return (record, part_a, part_q, value, text)

    def _clean_factory_part(self, record):
        values = record.values
        lookups = self.lookups
        country_name = self._required(values, "country")
        country = lookups.countries.get(_key(country_name))
        if country is None:
            raise RowError("country", f"unknown country {country_name!r}")
        factory_id = self._required(values, "factory_id")
        name = self._required(values, "factory_name")
        obsolete = bool(OBSOLETE.search(name))
        name = OBSOLETE.sub(" ", name).strip()
        assessment_id = self._required(values, "assessment_id")
        start = self._date(record, "start_date")
        try:
            cycle = int(self._required(values, "cycle"))
            if cycle < 1 or cycle > 100:
                raise ValueError
        except ValueError:
            raise RowError(
                "cycle", f"{values['cycle']!r} is not a cycle number (1, 2, …)"
            ) from None
        industry = None
        if values.get("industry"):
            industry = lookups.industries.get(_key(values["industry"]))
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
        return {
            "factory": {
                "star_id": factory_id,
                "name": name,
                "country_id": country.pk,
                "status": FactoryStatus.OBSOLETE if obsolete else FactoryStatus.ACTIVE,
                "industry_id": industry.pk if industry else None,
                "workers": workers,
                "os_id": values.get("os_id", ""),
            },
            "assessment": {"star_id": assessment_id, "cycle": cycle, "start_date": start},
        }

    def _clean_question_part(self, record, country_pk):
        values = record.values
        question_id = self._required(values, "question_id")
        qtype = values.get("type", "").upper()
        if qtype not in QUESTION_TYPES:
            raise RowError("type", f"{values.get('type')!r} is not NCQ or FGW")
        point = self._point(values)
        cluster_name = self._required(values, "cluster")
        cluster = self.lookups.clusters.get(_key(cluster_name))
        if cluster is None:
            raise RowError("cluster", f"unknown cluster {cluster_name!r}")
        if cluster.pk != point.cluster_id:
            raise RowError(
                "cluster",
                f"compliance point {point.name!r} belongs to {point.cluster.name!r}, "
                f"not {cluster_name!r}",
            )
        cat_name = self._required(values, "cat_version")
        tags = values.get("tags", "")
        return {
            "cat": (country_pk, cat_name),
            "question": {
                "star_id": question_id,
                "label": values.get("label", ""),
                "global_id": values.get("global_id") or question_id,
                "type": qtype,
                "public_disclosure": "public disclosure" in tags.casefold(),
                "compliance_point_id": point.pk,
                "tags": tags[:255],
            },
        }

    def _clean_plan(self, record):
        values = record.values
        record.factory_key = self._required(values, "factory_id")
        assessment_id = self._required(values, "assessment_id")
        point = self._point(values)
        action = self._required(values, "action")
        status = PLAN_STATUSES.get(_key(values.get("status", "")))
        if status is None:
            raise RowError(
                "status", f"{values.get('status')!r} is not Pending, In Progress or Completed"
            )
        due = self._date(record, "due_date", required=False)
        return {
            "record": record,
            "assessment_id": assessment_id,
            "point": point,
            "action": action,
            "status": status,
            "due_date": due,
        }

    # -- writing ------------------------------------------------------------------------------

    def _upsert(self, model, cache, key_field, wanted, extra_lookup=None):
        """Create missing rows and update changed ones; `wanted` maps key -> field dict."""
        missing = [key for key in wanted if key not in cache]
        if missing:
            qs = model.objects.filter(**{f"{key_field}__in": missing})
            if extra_lookup:
                qs = qs.filter(**extra_lookup)
            for obj in qs:
                cache[getattr(obj, key_field)] = obj
        create, update, fields = [], [], set()
        for key, data in wanted.items():
            obj = cache.get(key)
            if obj is None:
                obj = model(**{key_field: key}, **data)
                create.append(obj)
                cache[key] = obj
                continue
            changed = [name for name, value in data.items() if getattr(obj, name) != value]
            if changed:
                for name in changed:
                    setattr(obj, name, data[name])
                fields.update(changed)
                update.append(obj)
        if create:
            model.objects.bulk_create(create, batch_size=1000)
            if any(obj.pk is None for obj in create):  # backends without RETURNING
                for obj in model.objects.filter(
                    **{f"{key_field}__in": [getattr(o, key_field) for o in create]},
                    **(extra_lookup or {}),
                ):
                    cache[getattr(obj, key_field)] = obj
        if update:
            model.objects.bulk_update(update, sorted(fields), batch_size=1000)
        return create

    def _save_findings(self, rows):
        """Write the chunk's findings. ``rows`` are (record, factory/assessment part, question
        part, value, text); parts are shared by the rows that repeat them, so factories,
        questions and assessments are resolved once per distinct part, not once per row."""
        parts_a, parts_q, cat_of = {}, {}, {}
        for _record, part_a, part_q, _value, _text in rows:
            if id(part_a) not in parts_a:
                parts_a[id(part_a)] = part_a
                # An assessment's CAT version is the one of its first row in this chunk.
                cat_of[id(part_a)] = part_q["cat"]
            parts_q.setdefault(id(part_q), part_q)
        assessment_pk, refused, question_pk = self.resolve_parts(parts_a, parts_q, cat_of)
        self._save_finding_rows(rows, assessment_pk, refused, question_pk)

    def resolve_parts(self, parts_a, parts_q, cat_of):
        """Upsert the factories, CAT versions, questions and assessments of cleaned parts
        (``parts_a``/``parts_q``: {key: part}; ``cat_of``: {factory part key: CAT key}).

        Returns ({factory part key: assessment pk}, {factory part key: reason it is refused},
        {question part key: question pk}); ``self.chunk_new_assessments`` holds the pks of the
        assessments created here."""
        factories = {part["factory"]["star_id"]: part["factory"] for part in parts_a.values()}
        missing = [key for key in factories if key not in self.factories]
        for factory in Factory.objects.filter(star_id__in=missing):
            self.factories[factory.star_id] = factory
        wanted = {}
        for key, data in factories.items():
            fields = {k: v for k, v in data.items() if k != "star_id"}
            existing = self.factories.get(key)
            # Optional columns absent from this export keep what the factory already has.
            for optional in ("industry_id", "workers", "os_id"):
                if not fields[optional] and existing is not None:
                    fields[optional] = getattr(existing, optional)
            wanted[key] = fields
        self._upsert(Factory, self.factories, "star_id", wanted)

        for country_id, name in {part["cat"] for part in parts_q.values()}:
            if (country_id, name) not in self.cat_versions:
                self.cat_versions[(country_id, name)] = CatVersion.objects.get_or_create(
                    country_id=country_id, name=name
                )[0]
        by_cat, cat_of_question = {}, {}
        for key, part in parts_q.items():
            cat_id = cat_of_question[key] = self.cat_versions[part["cat"]].pk
            by_cat.setdefault(cat_id, {})[part["question"]["star_id"]] = part["question"]
        for cat_id, questions in by_cat.items():
            cache = self.questions.setdefault(cat_id, {})
            self._upsert(
                Question,
                cache,
                "star_id",
                {
                    k: {key: v for key, v in q.items() if key != "star_id"}
                    | {"cat_version_id": cat_id}
                    for k, q in questions.items()
                },
                extra_lookup={"cat_version_id": cat_id},
            )
        question_pk = {
            key: self.questions[cat_of_question[key]][part["question"]["star_id"]].pk
            for key, part in parts_q.items()
        }

        # Assessments: an id seen before must keep its factory.
        known = {
            part["assessment"]["star_id"]
            for part in parts_a.values()
            if part["assessment"]["star_id"] not in self.assessments
        }
        for assessment in Assessment.objects.filter(star_id__in=known):
            self.assessments[assessment.star_id] = assessment
        wanted, refused = {}, {}
        for key, part in parts_a.items():
            factory_pk = self.factories[part["factory"]["star_id"]].pk
            data = part["assessment"]
            existing = self.assessments.get(data["star_id"])
            claimed = wanted.get(data["star_id"])
            owner = (
                claimed["factory_id"]
                if claimed
                else (existing.factory_id if existing else factory_pk)
            )
            if owner != factory_pk:
                refused[key] = f"assessment {data['star_id']!r} belongs to another factory"
                continue
            wanted[data["star_id"]] = {
                "factory_id": factory_pk,
                "cycle": data["cycle"],
                "start_date": data["start_date"],
                "cat_version_id": self.cat_versions[cat_of[key]].pk,
            }
        created = self._upsert(Assessment, self.assessments, "star_id", wanted)
        # Assessments created here have no stored findings to compare with yet.
        self.chunk_new_assessments = {obj.pk for obj in created}
        assessment_pk = {
            key: self.assessments[part["assessment"]["star_id"]].pk
            for key, part in parts_a.items()
            if key not in refused
        }
        return assessment_pk, refused, question_pk

    def _save_finding_rows(self, rows, assessment_pk, refused, question_pk):
        findings = {}
        for record, part_a, part_q, value, text in rows:
            a_key = id(part_a)
            if a_key in refused:
                self._reject(record, "assessment_id", refused[a_key])
                continue
            key = (assessment_pk[a_key], question_pk[id(part_q)])
            if key in findings:
                self._reject(
                    record,
                    "question_id",
                    f"duplicate of line {findings[key][0]} (same assessment and question)",
                )
                continue
            findings[key] = (record.line, value, text)
        self.rows_imported += len(findings)
        self._write_findings(findings)

    def _write_findings(self, findings):
        if not findings:
            return
        # Only insert new findings and update the ones whose value changed.
        assessment_ids = {a for a, _q in findings} - self.chunk_new_assessments
        existing = {
            (a, q): (v, t)
            for a, q, v, t in Finding.objects.filter(assessment_id__in=assessment_ids)
            .values_list("assessment_id", "question_id", "value", "text")
            .iterator(chunk_size=5000)
        }
        create, update = [], []
        for (a, q), (_line, value, text) in findings.items():
            old = existing.get((a, q))
            if old is None:
                create.append((a, q, value, text))
            elif old != (value, text):
                update.append(Finding(assessment_id=a, question_id=q, value=value, text=text))
        if create:
            fast_insert(Finding, ["assessment_id", "question_id", "value", "text"], create)
        if update:
            Finding.objects.bulk_create(
                update,
                batch_size=2000,
                update_conflicts=True,
                unique_fields=["assessment", "question"],
                update_fields=["value", "text"],
            )

    def _save_plans(self, rows):
        named = {row["assessment_id"] for row in rows}
        for assessment in Assessment.objects.filter(star_id__in=named - self.assessments.keys()):
            self.assessments[assessment.star_id] = assessment
        owners = Factory.objects.in_bulk(
            {self.assessments[key].factory_id for key in named if key in self.assessments}
        )
        wanted = {}
        for row in rows:
            assessment = self.assessments.get(row["assessment_id"])
            record = row["record"]
            if assessment is None:
                self._reject(
                    record,
                    "assessment_id",
                    f"unknown assessment {row['assessment_id']!r}; import its findings first",
                )
                continue
            factory = owners[assessment.factory_id]
            if factory.star_id != record.factory_key:
                self._reject(
                    record,
                    "factory_id",
                    f"assessment {assessment.star_id!r} is not of factory {record.factory_key!r}",
                )
                continue
            self.factories.setdefault(factory.star_id, factory)
            wanted[(assessment.pk, row["point"].pk, row["action"])] = row
            self.rows_imported += 1
        existing = {
            (item.assessment_id, item.compliance_point_id, item.action): item
            for item in ImprovementPlanItem.objects.filter(
                assessment_id__in={key[0] for key in wanted}
            )
        }
        create, update = [], []
        for key, row in wanted.items():
            item = existing.get(key)
            if item is None:
                create.append(
                    ImprovementPlanItem(
                        assessment_id=key[0],
                        compliance_point_id=key[1],
                        action=key[2],
                        status=row["status"],
                        due_date=row["due_date"],
                    )
                )
            elif (item.status, item.due_date) != (row["status"], row["due_date"]):
                item.status, item.due_date = row["status"], row["due_date"]
                update.append(item)
        ImprovementPlanItem.objects.bulk_create(create, batch_size=1000)
        ImprovementPlanItem.objects.bulk_update(update, ["status", "due_date"], batch_size=1000)
