"""Demo labour-law references: the national provisions behind some compliance points in the
demo countries, in English and in the country's language (the other languages show the English
text, marked as such). (country, compliance point, law, article, summary, date checked,
{language: (law, article, summary)}). Links go to the ILO's NATLEX database."""

# ruff: noqa: E501 (one text per line and language)

import datetime

NATLEX = "https://natlex.ilo.org/"

KH_LAW = "Labour Law (1997)"
KH_LAW_KM = "ច្បាប់ស្តីពីការងារ (ឆ្នាំ ១៩៩៧)"
VN_LAW = "Labour Code (2019)"
VN_LAW_VI = "Bộ luật Lao động 2019"
VN_OSH = "Law on Occupational Safety and Health (2015)"
VN_OSH_VI = "Luật An toàn, vệ sinh lao động 2015"
BD_LAW = "Bangladesh Labour Act (2006)"
BD_LAW_BN = "বাংলাদেশ শ্রম আইন, ২০০৬"
JO_LAW = "Labour Law No. 8 of 1996"
JO_LAW_AR = "قانون العمل رقم 8 لسنة 1996"
ID_LAW = "Law No. 13 of 2003 on Manpower"
ID_LAW_ID = "Undang-Undang No. 13 Tahun 2003 tentang Ketenagakerjaan"

D = datetime.date

REFERENCES = [
    # --- Cambodia ------------------------------------------------------------------------------
    (
        "cambodia",
        "regular-hours",
        KH_LAW,
        "Article 137",
        "Normal working hours may not exceed eight hours a day or 48 hours a week.",
        D(2025, 9, 15),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ១៣៧",
                "រយៈពេលធ្វើការធម្មតាមិនត្រូវលើសពីប្រាំបីម៉ោងក្នុងមួយថ្ងៃ ឬ ៤៨ ម៉ោងក្នុងមួយសប្តាហ៍ឡើយ។",
            )
        },
    ),
    (
        "cambodia",
        "overtime-wages",
        KH_LAW,
        "Article 139",
        "Overtime is exceptional and voluntary, and is paid at 150% of the normal wage (200% at night or on the weekly day off).",
        D(2025, 9, 15),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ១៣៩",
                "ការងារបន្ថែមម៉ោងជាករណីលើកលែង និងស្ម័គ្រចិត្ត ហើយត្រូវបង់ ១៥០% នៃប្រាក់ឈ្នួលធម្មតា (២០០% នៅពេលយប់ ឬថ្ងៃឈប់សម្រាកប្រចាំសប្តាហ៍)។",
            )
        },
    ),
    (
        "cambodia",
        "coercion",
        KH_LAW,
        "Article 15",
        "Forced or compulsory labour is absolutely prohibited, including to pay off a debt.",
        D(2025, 9, 15),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ១៥",
                "ពលកម្មដោយបង្ខំ ឬដោយកាតព្វកិច្ច ត្រូវហាមឃាត់ដាច់ខាត រួមទាំងដើម្បីសងបំណុលផងដែរ។",
            )
        },
    ),
    (
        "cambodia",
        "child-labourers",
        KH_LAW,
        "Article 177",
        "The minimum age for wage employment is 15; work that may harm health, safety or morals needs a minimum age of 18.",
        D(2025, 9, 15),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ១៧៧",
                "អាយុអប្បបរមាសម្រាប់ការងារដែលមានប្រាក់ឈ្នួលគឺ ១៥ ឆ្នាំ ហើយការងារដែលអាចប៉ះពាល់ដល់សុខភាព សុវត្ថិភាព ឬសីលធម៌ ត្រូវមានអាយុយ៉ាងតិច ១៨ ឆ្នាំ។",
            )
        },
    ),
    (
        "cambodia",
        "freedom-to-associate",
        KH_LAW,
        "Article 266",
        "Workers and employers have the right to form professional organisations of their own choice without prior authorisation.",
        D(2024, 3, 4),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ២៦៦",
                "កម្មករ និងនិយោជក មានសិទ្ធិបង្កើតអង្គការវិជ្ជាជីវៈតាមការជ្រើសរើសរបស់ខ្លួន ដោយមិនចាំបាច់មានការអនុញ្ញាតជាមុន។",
            )
        },
    ),
    (
        "cambodia",
        "gender",
        KH_LAW,
        "Article 12",
        "Employers may not base decisions on hiring, pay, promotion or dismissal on sex, race, religion, political opinion, union membership or other listed grounds.",
        D(2025, 9, 15),
        {
            "km": (
                KH_LAW_KM,
                "មាត្រា ១២",
                "និយោជកមិនអាចយកភេទ ពូជសាសន៍ សាសនា មតិនយោបាយ សមាជិកភាពសហជីព ឬហេតុផលផ្សេងទៀតដែលបានកំណត់ មកធ្វើជាមូលដ្ឋានសម្រេចលើការជ្រើសរើស ប្រាក់ឈ្នួល ការដំឡើងឋានៈ ឬការបញ្ឈប់ពីការងារឡើយ។",
            )
        },
    ),
    # --- Viet Nam ------------------------------------------------------------------------------
    (
        "vietnam",
        "regular-hours",
        VN_LAW,
        "Article 105",
        "Normal working hours may not exceed 8 hours a day and 48 hours a week.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_LAW_VI,
                "Điều 105",
                "Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.",
            )
        },
    ),
    (
        "vietnam",
        "overtime",
        VN_LAW,
        "Article 107",
        "Overtime needs the worker's consent and may not exceed 40 hours a month; the yearly limit is 200 hours, or 300 hours in sectors such as garments and footwear.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_LAW_VI,
                "Điều 107",
                "Làm thêm giờ phải được người lao động đồng ý và không quá 40 giờ trong 01 tháng; tối đa 200 giờ trong 01 năm, hoặc 300 giờ trong một số ngành như dệt may, da giày.",
            )
        },
    ),
    (
        "vietnam",
        "overtime-wages",
        VN_LAW,
        "Article 98",
        "Overtime is paid at least 150% on working days, 200% on weekly rest days and 300% on public holidays.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_LAW_VI,
                "Điều 98",
                "Tiền lương làm thêm giờ ít nhất bằng 150% vào ngày thường, 200% vào ngày nghỉ hằng tuần và 300% vào ngày nghỉ lễ, tết.",
            )
        },
    ),
    (
        "vietnam",
        "minimum-wagespiece-rate-wages",
        VN_LAW,
        "Article 91",
        "The Government sets regional minimum wages, monthly and hourly, on the National Wage Council's recommendation.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_LAW_VI,
                "Điều 91",
                "Chính phủ quy định mức lương tối thiểu theo vùng, theo tháng và theo giờ, trên cơ sở khuyến nghị của Hội đồng tiền lương quốc gia.",
            )
        },
    ),
    (
        "vietnam",
        "collective-bargaining",
        VN_LAW,
        "Article 75",
        "A collective bargaining agreement is reached through bargaining and signed in writing; it may not be less favourable to workers than the law.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_LAW_VI,
                "Điều 75",
                "Thỏa ước lao động tập thể là thỏa thuận đạt được thông qua thương lượng tập thể và được ký kết bằng văn bản; không được trái pháp luật và phải có lợi hơn cho người lao động.",
            )
        },
    ),
    (
        "vietnam",
        "worker-protection",
        VN_OSH,
        "Article 23",
        "Workers doing hazardous work must be given personal protective equipment free of charge and trained to use it.",
        D(2025, 11, 3),
        {
            "vi": (
                VN_OSH_VI,
                "Điều 23",
                "Người lao động làm công việc có yếu tố nguy hiểm, có hại phải được cấp phương tiện bảo vệ cá nhân miễn phí và được hướng dẫn sử dụng.",
            )
        },
    ),
    # --- Bangladesh ----------------------------------------------------------------------------
    (
        "bangladesh",
        "regular-hours",
        BD_LAW,
        "Section 100",
        "An adult worker may not work more than eight hours a day; with overtime, up to ten hours.",
        D(2025, 6, 20),
        {
            "bn": (
                BD_LAW_BN,
                "ধারা ১০০",
                "প্রাপ্তবয়স্ক শ্রমিক দিনে আট ঘণ্টার বেশি কাজ করবেন না; ওভারটাইমসহ সর্বোচ্চ দশ ঘণ্টা।",
            )
        },
    ),
    (
        "bangladesh",
        "overtime-wages",
        BD_LAW,
        "Section 108",
        "Overtime is paid at twice the ordinary rate of basic wage and dearness allowance.",
        D(2025, 6, 20),
        {
            "bn": (
                BD_LAW_BN,
                "ধারা ১০৮",
                "ওভারটাইমের জন্য মূল মজুরি ও মহার্ঘ ভাতার সাধারণ হারের দ্বিগুণ হারে ভাতা দিতে হবে।",
            )
        },
    ),
    (
        "bangladesh",
        "child-labourers",
        BD_LAW,
        "Section 34",
        "No child (under 14) may be employed; an adolescent may work only with a certificate of fitness from a registered doctor.",
        D(2025, 6, 20),
        {
            "bn": (
                BD_LAW_BN,
                "ধারা ৩৪",
                "কোনো শিশুকে (১৪ বছরের কম) কাজে নিয়োগ করা যাবে না; কিশোর শ্রমিক কেবল নিবন্ধিত চিকিৎসকের সক্ষমতা প্রত্যয়নপত্র নিয়ে কাজ করতে পারবেন।",
            )
        },
    ),
    (
        "bangladesh",
        "employment-contracts",
        BD_LAW,
        "Section 5",
        "Every worker must receive an appointment letter and an identity card with a photograph.",
        D(2025, 6, 20),
        {"bn": (BD_LAW_BN, "ধারা ৫", "প্রত্যেক শ্রমিককে নিয়োগপত্র এবং ছবিসহ পরিচয়পত্র দিতে হবে।")},
    ),
    (
        "bangladesh",
        "dialogue-discipline-and-disputes",
        BD_LAW,
        "Section 205",
        "An establishment with 50 or more workers must set up a participation committee of worker and employer representatives.",
        D(2025, 6, 20),
        {
            "bn": (
                BD_LAW_BN,
                "ধারা ২০৫",
                "৫০ জন বা তার বেশি শ্রমিকের প্রতিষ্ঠানে শ্রমিক ও মালিক প্রতিনিধিদের নিয়ে অংশগ্রহণকারী কমিটি গঠন করতে হবে।",
            )
        },
    ),
    (
        "bangladesh",
        "worker-protection",
        BD_LAW,
        "Section 78A",
        "The employer must provide personal safety equipment and ensure that workers use it.",
        D(2022, 5, 10),
        {
            "bn": (
                BD_LAW_BN,
                "ধারা ৭৮ক",
                "মালিককে ব্যক্তিগত নিরাপত্তা সরঞ্জাম সরবরাহ করতে হবে এবং শ্রমিকরা তা ব্যবহার করছেন কি না নিশ্চিত করতে হবে।",
            )
        },
    ),
    # --- Jordan --------------------------------------------------------------------------------
    (
        "jordan",
        "regular-hours",
        JO_LAW,
        "Article 56",
        "Normal working hours may not exceed eight hours a day or 48 hours a week.",
        D(2025, 4, 8),
        {
            "ar": (
                JO_LAW_AR,
                "المادة 56",
                "لا تزيد ساعات العمل العادية على ثماني ساعات في اليوم أو 48 ساعة في الأسبوع.",
            )
        },
    ),
    (
        "jordan",
        "overtime-wages",
        JO_LAW,
        "Article 59",
        "Overtime with the worker's consent is paid at least 125% of the normal wage, and 150% on weekly rest days and holidays.",
        D(2025, 4, 8),
        {
            "ar": (
                JO_LAW_AR,
                "المادة 59",
                "يتقاضى العامل عن العمل الإضافي بموافقته أجراً لا يقل عن 125% من أجره المعتاد، و150% في أيام العطل الأسبوعية والأعياد.",
            )
        },
    ),
    (
        "jordan",
        "minimum-wagespiece-rate-wages",
        JO_LAW,
        "Article 52",
        "A tripartite committee sets the minimum wage, generally or for a region or occupation.",
        D(2025, 4, 8),
        {
            "ar": (
                JO_LAW_AR,
                "المادة 52",
                "تحدد لجنة ثلاثية الحد الأدنى للأجور بصورة عامة أو لمنطقة أو مهنة معينة.",
            )
        },
    ),
    (
        "jordan",
        "child-labourers",
        JO_LAW,
        "Article 73",
        "No child under 16 may be employed in any way.",
        D(2025, 4, 8),
        {
            "ar": (
                JO_LAW_AR,
                "المادة 73",
                "لا يجوز بأي حال تشغيل الحدث الذي لم يكمل السادسة عشرة من عمره.",
            )
        },
    ),
    (
        "jordan",
        "employment-contracts",
        JO_LAW,
        "Article 15",
        "The employment contract is written in Arabic, in two copies, one for each party.",
        D(2022, 2, 14),
        {
            "ar": (
                JO_LAW_AR,
                "المادة 15",
                "يُحرّر عقد العمل باللغة العربية من نسختين يحتفظ كل من الطرفين بنسخة منه.",
            )
        },
    ),
    # --- Indonesia -----------------------------------------------------------------------------
    (
        "indonesia",
        "regular-hours",
        ID_LAW,
        "Article 77",
        "Working time is 7 hours a day over six days or 8 hours a day over five days, 40 hours a week in all.",
        D(2025, 8, 12),
        {
            "id": (
                ID_LAW_ID,
                "Pasal 77",
                "Waktu kerja adalah 7 jam sehari untuk enam hari kerja atau 8 jam sehari untuk lima hari kerja, seluruhnya 40 jam seminggu.",
            )
        },
    ),
    (
        "indonesia",
        "overtime",
        ID_LAW,
        "Article 78",
        "Overtime needs the worker's agreement, is limited by regulation and must be paid as overtime.",
        D(2025, 8, 12),
        {
            "id": (
                ID_LAW_ID,
                "Pasal 78",
                "Kerja lembur harus disetujui pekerja, dibatasi oleh peraturan, dan wajib dibayar upah lembur.",
            )
        },
    ),
    (
        "indonesia",
        "child-labourers",
        ID_LAW,
        "Article 68",
        "Employers are prohibited from employing children.",
        D(2025, 8, 12),
        {"id": (ID_LAW_ID, "Pasal 68", "Pengusaha dilarang mempekerjakan anak.")},
    ),
    (
        "indonesia",
        "freedom-to-associate",
        ID_LAW,
        "Article 104",
        "Every worker has the right to form and become a member of a trade union.",
        D(2025, 8, 12),
        {
            "id": (
                ID_LAW_ID,
                "Pasal 104",
                "Setiap pekerja berhak membentuk dan menjadi anggota serikat pekerja.",
            )
        },
    ),
    (
        "indonesia",
        "dialogue-discipline-and-disputes",
        ID_LAW,
        "Article 106",
        "A company with 50 or more workers must set up a bipartite cooperation body (LKS Bipartit).",
        D(2025, 8, 12),
        {
            "id": (
                ID_LAW_ID,
                "Pasal 106",
                "Perusahaan yang mempekerjakan 50 orang pekerja atau lebih wajib membentuk Lembaga Kerja Sama Bipartit.",
            )
        },
    ),
    (
        "indonesia",
        "collective-bargaining",
        ID_LAW,
        "Article 116",
        "A collective labour agreement (PKB) is made between the union or unions and the employer, in writing and in Indonesian.",
        D(2025, 8, 12),
        {
            "id": (
                ID_LAW_ID,
                "Pasal 116",
                "Perjanjian Kerja Bersama dibuat oleh serikat pekerja dan pengusaha secara tertulis dengan huruf latin dan menggunakan bahasa Indonesia.",
            )
        },
    ),
]
