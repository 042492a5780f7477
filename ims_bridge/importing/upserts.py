"""Writing what validation produced: upserts of factories, CAT versions, questions and
assessments (shared by both paths), and the row-by-row path's findings and plan items. Every
write only touches what changed, so importing a file twice changes nothing."""

from dataclasses import dataclass

from ..models import (
    Assessment,
    CatVersion,
    Factory,
    Finding,
    ImprovementPlanItem,
    Question,
)
from .sql import fast_insert
from .validation import OTHER_FACTORY


def upsert(model, cache, key_field, wanted, extra_lookup=None):
    """Create missing rows and update changed ones; ``wanted`` maps key -> field dict,
    ``cache`` key -> instance (read from the database where missing, and filled). Returns the
    instances created."""
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


@dataclass
class Resolved:
    """Cleaned parts as stored rows (see ``Writer.resolve_parts``)."""

    assessment_pk: dict  # factory part key -> assessment pk
    refused: dict  # factory part key -> why its rows are rejected
    question_pk: dict  # question part key -> question pk
    new_assessments: set  # pks of the assessments created (no stored findings yet)


class Writer:
    """The stored rows an import has met so far, by STAR id, and the upserts that fill them."""

    def __init__(self):
        self.factories = {}
        self.cat_versions = {(cv.country_id, cv.name): cv for cv in CatVersion.objects.all()}
        self.questions = {}  # CAT version pk -> {question star id: question}
        self.assessments = {}

    def resolve_parts(self, parts_a, parts_q, cat_of):
        """Upsert the factories, CAT versions, questions and assessments of cleaned parts
        (``parts_a``/``parts_q``: {key: part}; ``cat_of``: {factory part key: CAT key}).
        An assessment id seen before keeps its factory: another factory's parts are refused."""
        factories = {part.factory.star_id: part.factory for part in parts_a.values()}
        missing = [key for key in factories if key not in self.factories]
        for factory in Factory.objects.filter(star_id__in=missing):
            self.factories[factory.star_id] = factory
        wanted = {}
        for key, data in factories.items():
            fields = data.fields()
            existing = self.factories.get(key)
            # Optional columns absent from this export keep what the factory already has.
            for optional in ("industry_id", "workers", "os_id"):
                if not fields[optional] and existing is not None:
                    fields[optional] = getattr(existing, optional)
            wanted[key] = fields
        upsert(Factory, self.factories, "star_id", wanted)
        question_pk = self._resolve_questions(parts_q)

        known = {
            part.assessment.star_id
            for part in parts_a.values()
            if part.assessment.star_id not in self.assessments
        }
        for assessment in Assessment.objects.filter(star_id__in=known):
            self.assessments[assessment.star_id] = assessment
        wanted, refused = {}, {}
        for key, part in parts_a.items():
            factory_pk = self.factories[part.factory.star_id].pk
            data = part.assessment
            existing = self.assessments.get(data.star_id)
            claimed = wanted.get(data.star_id)
            owner = (
                claimed["factory_id"]
                if claimed
                else (existing.factory_id if existing else factory_pk)
            )
            if owner != factory_pk:
                refused[key] = OTHER_FACTORY.format(data.star_id)
                continue
            wanted[data.star_id] = data.fields() | {
                "factory_id": factory_pk,
                "cat_version_id": self.cat_versions[cat_of[key]].pk,
            }
        created = upsert(Assessment, self.assessments, "star_id", wanted)
        assessment_pk = {
            key: self.assessments[part.assessment.star_id].pk
            for key, part in parts_a.items()
            if key not in refused
        }
        return Resolved(assessment_pk, refused, question_pk, {obj.pk for obj in created})

    def _resolve_questions(self, parts_q):
        for country_id, name in {part.cat for part in parts_q.values()}:
            if (country_id, name) not in self.cat_versions:
                self.cat_versions[(country_id, name)] = CatVersion.objects.get_or_create(
                    country_id=country_id, name=name
                )[0]
        by_cat, cat_of_question = {}, {}
        for key, part in parts_q.items():
            cat_id = cat_of_question[key] = self.cat_versions[part.cat].pk
            by_cat.setdefault(cat_id, {})[part.question.star_id] = part.question
        for cat_id, questions in by_cat.items():
            upsert(
                Question,
                self.questions.setdefault(cat_id, {}),
                "star_id",
                {k: q.fields() | {"cat_version_id": cat_id} for k, q in questions.items()},
                extra_lookup={"cat_version_id": cat_id},
            )
        return {
            key: self.questions[cat_of_question[key]][part.question.star_id].pk
            for key, part in parts_q.items()
        }

    def write_findings(self, findings, new_assessments):
        """``findings``: {(assessment pk, question pk): (line, value, text)}. Only new findings
        are inserted and only changed ones updated; ``new_assessments`` have none stored."""
        if not findings:
            return
        assessment_ids = {a for a, _q in findings} - new_assessments
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

    def save_plans(self, rows, reject):
        """Write improvement-plan rows (``validation.PlanRow``) whose assessment is stored and
        belongs to the row's factory; ``reject(record, column, reason)`` the others. Returns
        the number of rows written."""
        named = {row.assessment_id for row in rows}
        for assessment in Assessment.objects.filter(star_id__in=named - self.assessments.keys()):
            self.assessments[assessment.star_id] = assessment
        owners = Factory.objects.in_bulk(
            {self.assessments[key].factory_id for key in named if key in self.assessments}
        )
        wanted, accepted = {}, 0
        for row in rows:
            assessment = self.assessments.get(row.assessment_id)
            record = row.record
            if assessment is None:
                reject(
                    record,
                    "assessment_id",
                    f"unknown assessment {row.assessment_id!r}; import its findings first",
                )
                continue
            factory = owners[assessment.factory_id]
            if factory.star_id != record.factory_key:
                reject(
                    record,
                    "factory_id",
                    f"assessment {assessment.star_id!r} is not of factory {record.factory_key!r}",
                )
                continue
            self.factories.setdefault(factory.star_id, factory)
            wanted[(assessment.pk, row.point.pk, row.action)] = row
            accepted += 1
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
                        status=row.status,
                        due_date=row.due_date,
                    )
                )
            elif (item.status, item.due_date) != (row.status, row.due_date):
                item.status, item.due_date = row.status, row.due_date
                update.append(item)
        ImprovementPlanItem.objects.bulk_create(create, batch_size=1000)
        ImprovementPlanItem.objects.bulk_update(update, ["status", "due_date"], batch_size=1000)
        return accepted
