"""Demo self-assessments: one submitted (shared with the demo buyer's grant) and one in
progress for the demo factory, and guidance for its questions in every language."""

import random

from django.utils import timezone
from wagtail.models import Locale

from ims_bridge.models import FactoryAccessGrant, QuestionType

from ..models import Answer, QuestionGuidance, SelfAssessment, SelfAssessmentStatus
from ..self_assessment_service import cat_version_for
from .guidance_texts import GUIDANCE_BY_CLUSTER

# For a question whose cluster has no text of its own in guidance_texts.py.
GUIDANCE = {
    "en": "Check your records and ask the workers concerned before you answer.",
    "fr": "Vérifiez vos registres et demandez aux travailleurs concernés avant de répondre.",
    "es": "Revise sus registros y pregunte a los trabajadores afectados antes de responder.",
    "ar": "راجع سجلاتك واسأل العمال المعنيين قبل أن تجيب.",
    "vi": "Hãy kiểm tra hồ sơ và hỏi những người lao động liên quan trước khi trả lời.",
    "km": "សូមពិនិត្យកំណត់ត្រារបស់អ្នក ហើយសួរកម្មករពាក់ព័ន្ធ មុនពេលឆ្លើយ។",
    "id": "Periksa catatan Anda dan tanyakan kepada pekerja terkait sebelum menjawab.",
    "bn": "উত্তর দেওয়ার আগে আপনার নথি দেখুন এবং সংশ্লিষ্ট শ্রমিকদের জিজ্ঞাসা করুন।",
}


def seed(world):
    cat_version = cat_version_for(world.factory)
    if cat_version is None:
        world.stdout.write("  self-assessment: skipped (no CAT version)")
        return
    questions = list(
        cat_version.questions.select_related("compliance_point__cluster").order_by("pk")
    )
    _guidance(questions)
    if SelfAssessment.objects.filter(factory=world.factory).exists():
        return
    rng = random.Random(13)  # noqa: S311 - demo data, not secrets
    done = SelfAssessment.objects.create(
        factory=world.factory,
        cat_version=cat_version,
        language="en",
        started_by=world.factory_user,
    )
    _answer(done, questions, world.factory_user, rng, share=1.0)
    done.status = SelfAssessmentStatus.SUBMITTED
    done.submitted_by = world.factory_user
    done.submitted_at = timezone.now()
    done.save()
    if world.buyer is not None:
        done.shared_with.set(
            FactoryAccessGrant.objects.active().filter(factory=world.factory, buyer=world.buyer)
        )
    current = SelfAssessment.objects.create(
        factory=world.factory, cat_version=cat_version, language="km", started_by=world.factory_user
    )
    _answer(current, questions, world.factory_user, rng, share=0.4)
    world.stdout.write("  self-assessment: one submitted, one in progress")


def _answer(item, questions, user, rng, share):
    rows = []
    for question in questions[: int(len(questions) * share)]:
        if question.type == QuestionType.NCQ:
            value = 1 if rng.random() < 0.15 else 0
            rows.append(Answer(self_assessment=item, question=question, value=value))
        else:
            rows.append(Answer(self_assessment=item, question=question, text="120"))
    for row in rows:
        row.answered_by = user
    Answer.objects.bulk_create(rows)


def _guidance(questions):
    """Guidance for each question, in every language: what to look at for its cluster."""
    default = Locale.get_default()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    clusters = {
        q.global_id: q.compliance_point.cluster.slug
        for q in sorted(questions, key=lambda q: q.global_id)
    }
    for global_id, cluster in clusters.items():
        texts = GUIDANCE_BY_CLUSTER.get(cluster, GUIDANCE)
        source, _ = QuestionGuidance.objects.get_or_create(
            global_id=global_id,
            locale=default,
            defaults={"guidance": texts.get(default.language_code, texts["en"])},
        )
        for code, text in texts.items():
            locale = locales.get(code)
            if locale is None or locale.pk == default.pk:
                continue
            QuestionGuidance.objects.get_or_create(
                global_id=global_id,
                locale=locale,
                defaults={"guidance": text, "translation_key": source.translation_key},
            )
