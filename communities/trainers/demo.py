"""Trainer development's part of `seed_demo` (called by ``communities.demo``): trainers in
Cambodia, Viet Nam and Bangladesh with bios in their languages, the library's training
programmes they completed or deliver, and certificates — one of them revoked, so the
directory leaves that trainer out. Only with the demo accounts (``with_accounts``): these are
people's names and certificates, not content. The programmes are found by page type and slug
(``knowledge.demo``'s), without importing ``knowledge``. Idempotent: a trainer, record or
certificate that exists is left as it is."""

from datetime import date

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from portal.models import Country, Topic

from ..models import Certificate, ProgrammeRecord, ProgrammeStatus, TrainerProfile
from ..models.trainers import PROGRAMME_MODEL
from .records import issue_certificate, revoke_certificate

SUPERVISORS = "supervisory-skills-training"
COMMITTEES = "bipartite-committee-training"
LABOUR_LAW = "labour-law-essentials"
COMPLETED, DELIVERING = ProgrammeStatus.COMPLETED, ProgrammeStatus.DELIVERING

TRAINERS = [
    {
        # The demo account "trainer" (password in the README) edits this profile.
        "username": "trainer",
        "name": "សុខ តុលា",
        "languages": ["km", "en"],
        "countries": ["cambodia"],
        "topics": ["supervisory-skills", "social-dialogue"],
        "listed": True,
        "bio": "ខ្ញុំជាគ្រូបង្គោលរបស់កម្មវិធី Better Work កម្ពុជា តាំងពីឆ្នាំ ២០១៨។ "
        "ខ្ញុំបណ្តុះបណ្តាលប្រធានក្រុមផលិតកម្មលើជំនាញទំនាក់ទំនង "
        "និងការដោះស្រាយបញ្ហាជាមួយកម្មករ នៅរោងចក្រកាត់ដេរនៅភ្នំពេញ និងកំពង់ស្ពឺ។",
        "records": [
            (SUPERVISORS, COMPLETED, date(2023, 6, 16)),
            (SUPERVISORS, DELIVERING, date(2023, 9, 4)),
        ],
        "certificates": [(SUPERVISORS, "km")],
    },
    {
        "username": "chanthy",
        "name": "កែវ ចាន់ធី",
        "languages": ["km"],
        "countries": ["cambodia"],
        "topics": ["social-dialogue", "worker-wellbeing"],
        "listed": True,
        "bio": "ខ្ញុំសម្របសម្រួលវគ្គបណ្តុះបណ្តាលសម្រាប់គណៈកម្មាធិការទ្វេភាគី "
        "ដោយជួយតំណាងកម្មករ និងថ្នាក់គ្រប់គ្រងរៀបចំរបៀបវារៈ កត់ត្រាកិច្ចប្រជុំ "
        "និងតាមដានការសម្រេចចិត្ត។ ខ្ញុំធ្លាប់ធ្វើការជាមន្ត្រីធនធានមនុស្ស"
        "នៅរោងចក្រស្បែកជើងរយៈពេលប្រាំឆ្នាំ។",
        "records": [(COMMITTEES, COMPLETED, date(2024, 2, 23))],
        "certificates": [(COMMITTEES, "km")],
    },
    {
        "username": "thu",
        "name": "Trần Thị Thu",
        "languages": ["vi", "en"],
        "countries": ["vietnam"],
        "topics": ["supervisory-skills", "productivity"],
        "listed": True,
        "bio": "Tôi là giảng viên của Better Work Việt Nam từ năm 2016, chuyên đào tạo kỹ năng "
        "giám sát cho tổ trưởng chuyền may tại Bình Dương, Đồng Nai và TP. Hồ Chí Minh. Các "
        "lớp của tôi chú trọng thực hành: đóng vai, thảo luận nhóm và họp chuyền mười phút "
        "mỗi sáng.",
        "records": [
            (SUPERVISORS, COMPLETED, date(2022, 11, 10)),
            (COMMITTEES, DELIVERING, date(2024, 5, 6)),
        ],
        "certificates": [(SUPERVISORS, "vi")],
    },
    {
        "username": "nasrin",
        "name": "নাসরিন সুলতানা",
        "languages": ["bn", "en"],
        "countries": ["bangladesh"],
        "topics": ["supervisory-skills", "sexual-harassment-prevention", "gender-equality"],
        "listed": True,
        "bio": "আমি ২০১৭ সাল থেকে বেটার ওয়ার্ক বাংলাদেশের প্রশিক্ষক। ঢাকা, গাজীপুর ও "
        "চট্টগ্রামের পোশাক কারখানায় লাইন সুপারভাইজারদের যোগাযোগ, উৎপাদন পরিকল্পনা এবং যৌন "
        "হয়রানি প্রতিরোধ বিষয়ে প্রশিক্ষণ দিই। প্রশিক্ষণ বাংলা ও ইংরেজি দুই ভাষাতেই পরিচালনা "
        "করি।",
        "records": [(SUPERVISORS, COMPLETED, date(2023, 3, 30))],
        "certificates": [(SUPERVISORS, "bn")],
    },
    {
        # Listed, but their only certificate was revoked: the directory leaves them out.
        "username": "minh",
        "name": "Lê Văn Minh",
        "languages": ["vi"],
        "countries": ["vietnam"],
        "topics": ["wages-and-working-time"],
        "listed": True,
        "bio": "Tôi hướng dẫn các khóa pháp luật lao động cơ bản cho cán bộ nhân sự và công "
        "đoàn cơ sở tại Hải Phòng và Bắc Ninh.",
        "records": [(LABOUR_LAW, COMPLETED, date(2023, 8, 18))],
        "certificates": [(LABOUR_LAW, "vi")],
        "revoked": "Chứng chỉ được cấp nhầm: khóa học chưa hoàn thành đủ các học phần.",
    },
]


def _programmes():
    """{slug: page} of the library's training programmes in the default language."""
    app_label, model = PROGRAMME_MODEL
    pages = Page.objects.filter(
        content_type__app_label=app_label,
        content_type__model=model,
        locale=Locale.get_default(),
        slug__in=[SUPERVISORS, COMMITTEES, LABOUR_LAW],
    )
    return {page.slug: page for page in pages}


def _user(username, name):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, email=f"{username}@example.org", first_name=name)
        user.set_unusable_password()
        user.save()
    return user


def seed(context):
    if not context.with_accounts:
        return
    programmes = _programmes()
    if not programmes:
        context.stdout.write("  trainers: no training programmes in the library, skipped")
        return
    default = Locale.get_default()
    coordinator = get_user_model().objects.filter(username="admin").first()
    new = 0
    for spec in TRAINERS:
        user = _user(spec["username"], spec["name"])
        profile = TrainerProfile.objects.filter(user=user).first()
        if profile is None:
            profile = TrainerProfile.objects.create(
                user=user, name=spec["name"], bio=spec["bio"], listed=spec["listed"]
            )
            profile.languages.set(Locale.objects.filter(language_code__in=spec["languages"]))
            profile.countries.set(
                Country.objects.filter(slug__in=spec["countries"], locale=default)
            )
            profile.topics.set(Topic.objects.filter(slug__in=spec["topics"], locale=default))
            new += 1
        for slug, status, when in spec["records"]:
            if slug in programmes:
                ProgrammeRecord.objects.get_or_create(
                    trainer=profile,
                    programme=programmes[slug],
                    status=status,
                    defaults={"date": when, "recorded_by": coordinator},
                )
        for slug, language in spec["certificates"]:
            page = programmes.get(slug)
            if page is None or Certificate.objects.filter(trainer=profile, programme=page).exists():
                continue
            certificate = issue_certificate(profile, page, language, coordinator)
            if spec.get("revoked"):
                revoke_certificate(certificate, coordinator, spec["revoked"])
    context.stdout.write(
        f"  trainers: {TrainerProfile.objects.count()} trainer profiles ({new} new), "
        f"{Certificate.objects.count()} certificates"
    )
