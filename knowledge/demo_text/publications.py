"""Texts of the demo publications and of a global tool with its country adaptations, in
English and as an editor would have translated them. Khmer, Bengali and Arabic titles are
printed in PDF materials: they avoid Latin letters (the fonts of those scripts have none)."""

SERIES = {
    "research-briefs": "Better Work Research Briefs",
    "discussion-papers": "Better Work Discussion Paper Series",
    "annual-synthesis-reports": "Better Work Annual Synthesis Reports",
}

UNITS = {
    "global": "Better Work Global",
    "cambodia": "Better Factories Cambodia",
    "vietnam": "Better Work Vietnam",
}

COVERAGE = {
    "cambodia": "Cambodia: garment, footwear and travel goods factories",
    "vietnam": "Vietnam: garment and footwear factories",
    "impact": "Haiti, Jordan, Nicaragua and Vietnam: garment factories",
    "all": "All Better Work countries: garment and footwear",
}

PUBLICATIONS = [
    {
        "slug": "working-hours-in-cambodian-garment-factories",
        "kind": "research-brief",
        "series": "research-briefs",
        "date": (2024, 11, 18),
        "isbn": "978-92-2-039114-3",
        "doi": "",
        "unit": "cambodia",
        "coverage": "cambodia",
        "countries": ["cambodia"],
        "topics": ["wages-and-working-time"],
        "authors": [
            ("Sreymom Chea", "Better Factories Cambodia"),
            ("Daniel Okafor", "ILO Research Department"),
        ],
        "title": "Working hours in Cambodian garment factories",
        "summary": "Assessment data from 2015 to 2023 show excessive overtime falling in "
        "factories that plan production with their buyers; Sunday work remains common in "
        "peak season.",
    },
    {
        "slug": "vietnam-annual-synthesis-report-2024",
        "kind": "country-synthesis",
        "series": "annual-synthesis-reports",
        "date": (2025, 3, 28),
        "isbn": "978-92-2-039268-3",
        "doi": "",
        "unit": "vietnam",
        "coverage": "vietnam",
        "countries": ["vietnam"],
        "topics": ["occupational-safety-and-health", "wages-and-working-time"],
        "authors": [],
        "title": "Vietnam annual synthesis report 2024",
        "summary": "Compliance in 470 assessed factories: progress on wages and contracts, "
        "persistent gaps in overtime limits and chemical safety, and what factories did about "
        "them.",
    },
    {
        "slug": "better-work-and-womens-wellbeing",
        "kind": "working-paper",
        "series": "discussion-papers",
        "date": (2023, 9, 5),
        "isbn": "978-92-2-040154-5",
        "doi": "10.54394/BWDP0047",
        "unit": "global",
        "coverage": "impact",
        "countries": [],
        "topics": ["gender-equality"],
        "authors": [
            ("Laura Bennett", "Tufts University"),
            ("Nguyen Thi Lan", "International Labour Organization"),
            ("Rania Haddad", "Better Work Jordan"),
        ],
        "title": "The impact of Better Work on women's wellbeing",
        "summary": "Surveys of 15,000 workers in four countries: fewer reports of sexual "
        "harassment, lower stress and more confidence to raise concerns after two years of "
        "Better Work advisory services.",
    },
    {
        "slug": "occupational-safety-and-health-fact-sheet",
        "kind": "fact-sheet",
        "series": "",
        "date": (2025, 6, 2),
        "isbn": "",
        "doi": "",
        "unit": "global",
        "coverage": "all",
        "countries": [],
        "topics": ["occupational-safety-and-health"],
        "authors": [],
        "title": "Occupational safety and health in garment factories",
        "summary": "The ten safety and health issues found most often in assessments, from "
        "blocked exits to missing chemical labels, and the first step a factory can take on each.",
    },
]

TOOLS = {
    "global": {
        "slug": "bipartite-committee-toolkit",
        "unit": "global",
        "coverage": "all",
        "countries": [],
        "title": "Bipartite committee toolkit",
        "summary": "How workers and managers set up a committee that meets every month, "
        "agrees on priorities and follows up on the factory's improvement plan.",
    },
    "cambodia": {
        "slug": "bipartite-committee-toolkit-cambodia",
        "unit": "cambodia",
        "coverage": "cambodia",
        "countries": ["cambodia"],
        "language": "km",
        "title": "Bipartite committee toolkit for Cambodia",
        "summary": "The global toolkit adapted to Cambodia's Labour Law, with the shop steward "
        "elections and the Arbitration Council in mind.",
    },
    "vietnam": {
        "slug": "bipartite-committee-toolkit-vietnam",
        "unit": "vietnam",
        "coverage": "vietnam",
        "countries": ["vietnam"],
        "language": "vi",
        "title": "Bipartite committee toolkit for Vietnam",
        "summary": "Vietnam's Labour Code of 2019 and the yearly workplace dialogue it "
        "requires, built into the global toolkit.",
    },
}

# {language: {English: translation}}: series names, units and coverage first, then the
# publications' and tools' titles and summaries (keyed by English text like wagtail-localize's
# translation memory).
TRANSLATIONS = {
    "fr": {
        SERIES["research-briefs"]: "Notes de recherche de Better Work",
        SERIES["discussion-papers"]: "Série de documents de travail de Better Work",
        SERIES["annual-synthesis-reports"]: "Rapports de synthèse annuels de Better Work",
        UNITS["global"]: "Better Work, équipe mondiale",
        UNITS["cambodia"]: "Better Factories Cambodia",
        UNITS["vietnam"]: "Better Work Viet Nam",
        COVERAGE[
            "cambodia"
        ]: "Cambodge : usines de confection, de chaussures et d'articles de voyage",
        COVERAGE["vietnam"]: "Viet Nam : usines de confection et de chaussures",
        COVERAGE["impact"]: "Haïti, Jordanie, Nicaragua et Viet Nam : usines de confection",
        COVERAGE["all"]: "Tous les pays de Better Work : confection et chaussures",
        PUBLICATIONS[0]["title"]: "La durée du travail dans les usines de confection cambodgiennes",
        PUBLICATIONS[0]["summary"]: "Les évaluations de 2015 à 2023 montrent moins d'heures "
        "supplémentaires excessives dans les usines qui planifient la production avec leurs "
        "acheteurs ; le travail du dimanche reste fréquent en haute saison.",
        PUBLICATIONS[1]["title"]: "Viet Nam : rapport de synthèse annuel 2024",
        PUBLICATIONS[1]["summary"]: "La conformité dans 470 usines évaluées : des progrès sur "
        "les salaires et les contrats, des lacunes persistantes sur les heures supplémentaires "
        "et la sécurité chimique, et ce que les usines ont fait pour y remédier.",
        PUBLICATIONS[2]["title"]: "L'impact de Better Work sur le bien-être des femmes",
        PUBLICATIONS[2]["summary"]: "Des enquêtes auprès de 15 000 travailleurs dans quatre "
        "pays : moins de cas de harcèlement sexuel signalés, moins de stress et plus "
        "d'assurance pour faire part de ses préoccupations après deux ans de conseil Better Work.",
        PUBLICATIONS[3][
            "title"
        ]: "La sécurité et la santé au travail dans les usines de confection",
        PUBLICATIONS[3]["summary"]: "Les dix problèmes de sécurité et de santé les plus "
        "fréquents lors des évaluations, des issues bloquées aux produits chimiques sans "
        "étiquette, et la première mesure qu'une usine peut prendre pour chacun.",
        TOOLS["global"]["title"]: "Boîte à outils du comité bipartite",
        TOOLS["global"]["summary"]: "Comment travailleurs et direction créent un comité qui se "
        "réunit chaque mois, fixe ses priorités et suit le plan d'amélioration de l'usine.",
    },
    "es": {
        SERIES["research-briefs"]: "Notas de investigación de Better Work",
        SERIES["discussion-papers"]: "Serie de documentos de trabajo de Better Work",
        SERIES["annual-synthesis-reports"]: "Informes anuales de síntesis de Better Work",
        UNITS["global"]: "Better Work, equipo mundial",
        UNITS["cambodia"]: "Better Factories Cambodia",
        UNITS["vietnam"]: "Better Work Vietnam",
        COVERAGE["cambodia"]: "Camboya: fábricas de confección, calzado y artículos de viaje",
        COVERAGE["vietnam"]: "Vietnam: fábricas de confección y calzado",
        COVERAGE["impact"]: "Haití, Jordania, Nicaragua y Vietnam: fábricas de confección",
        COVERAGE["all"]: "Todos los países de Better Work: confección y calzado",
        PUBLICATIONS[0]["title"]: "Las horas de trabajo en las fábricas de confección de Camboya",
        PUBLICATIONS[0]["summary"]: "Las evaluaciones de 2015 a 2023 muestran menos horas "
        "extraordinarias excesivas en las fábricas que planifican la producción con sus "
        "compradores; el trabajo dominical sigue siendo frecuente en temporada alta.",
        PUBLICATIONS[1]["title"]: "Vietnam: informe anual de síntesis 2024",
        PUBLICATIONS[1]["summary"]: "El cumplimiento en 470 fábricas evaluadas: avances en "
        "salarios y contratos, carencias persistentes en horas extraordinarias y seguridad "
        "química, y lo que hicieron las fábricas para corregirlas.",
        PUBLICATIONS[2]["title"]: "El impacto de Better Work en el bienestar de las mujeres",
        PUBLICATIONS[2]["summary"]: "Encuestas a 15 000 trabajadores de cuatro países: menos "
        "denuncias de acoso sexual, menos estrés y más confianza para plantear problemas tras "
        "dos años de asesoría de Better Work.",
        PUBLICATIONS[3]["title"]: "Seguridad y salud en el trabajo en las fábricas de confección",
        PUBLICATIONS[3]["summary"]: "Los diez problemas de seguridad y salud más frecuentes en "
        "las evaluaciones, desde salidas bloqueadas hasta productos químicos sin etiqueta, y el "
        "primer paso que una fábrica puede dar en cada uno.",
        TOOLS["global"]["title"]: "Caja de herramientas del comité bipartito",
        TOOLS["global"]["summary"]: "Cómo trabajadores y dirección crean un comité que se reúne "
        "cada mes, acuerda prioridades y da seguimiento al plan de mejora de la fábrica.",
    },
    "ar": {
        SERIES["research-briefs"]: "موجزات البحوث لبرنامج عمل أفضل",
        SERIES["discussion-papers"]: "سلسلة أوراق النقاش لبرنامج عمل أفضل",
        SERIES["annual-synthesis-reports"]: "التقارير التجميعية السنوية لبرنامج عمل أفضل",
        UNITS["global"]: "برنامج عمل أفضل، الفريق العالمي",
        UNITS["cambodia"]: "برنامج مصانع أفضل في كمبوديا",
        UNITS["vietnam"]: "برنامج عمل أفضل في فييت نام",
        COVERAGE["cambodia"]: "كمبوديا: مصانع الملابس والأحذية ومستلزمات السفر",
        COVERAGE["vietnam"]: "فييت نام: مصانع الملابس والأحذية",
        COVERAGE["impact"]: "هايتي والأردن ونيكاراغوا وفييت نام: مصانع الملابس",
        COVERAGE["all"]: "جميع بلدان برنامج عمل أفضل: الملابس والأحذية",
        PUBLICATIONS[0]["title"]: "ساعات العمل في مصانع الملابس في كمبوديا",
        PUBLICATIONS[0]["summary"]: "تُظهر بيانات التقييم من 2015 إلى 2023 تراجع العمل "
        "الإضافي المفرط في المصانع التي تخطط الإنتاج مع المشترين، بينما يبقى العمل يوم الأحد "
        "شائعاً في موسم الذروة.",
        PUBLICATIONS[1]["title"]: "التقرير التجميعي السنوي لفييت نام 2024",
        PUBLICATIONS[1]["summary"]: "الامتثال في 470 مصنعاً خضعت للتقييم: تقدم في الأجور "
        "والعقود، وثغرات مستمرة في حدود العمل الإضافي والسلامة الكيميائية، وما فعلته المصانع "
        "لمعالجتها.",
        PUBLICATIONS[2]["title"]: "أثر برنامج عمل أفضل على رفاه النساء",
        PUBLICATIONS[2]["summary"]: "مسوح شملت 15 ألف عامل وعاملة في أربعة بلدان: بلاغات أقل "
        "عن التحرش الجنسي، وتوتر أقل، وثقة أكبر في إثارة المخاوف بعد عامين من الخدمات "
        "الاستشارية للبرنامج.",
        PUBLICATIONS[3]["title"]: "السلامة والصحة المهنيتان في مصانع الملابس",
        PUBLICATIONS[3]["summary"]: "أكثر عشر مشكلات سلامة وصحة تكراراً في التقييمات، من "
        "مخارج الطوارئ المسدودة إلى المواد الكيميائية غير الموسومة، والخطوة الأولى التي يمكن "
        "للمصنع اتخاذها في كل منها.",
        TOOLS["global"]["title"]: "مجموعة أدوات اللجنة الثنائية",
        TOOLS["global"]["summary"]: "كيف يشكّل العمال والإدارة لجنة تجتمع كل شهر، وتتفق على "
        "الأولويات، وتتابع خطة التحسين في المصنع.",
    },
    "vi": {
        SERIES["research-briefs"]: "Tóm tắt nghiên cứu của Better Work",
        SERIES["discussion-papers"]: "Loạt tài liệu thảo luận của Better Work",
        SERIES["annual-synthesis-reports"]: "Báo cáo tổng hợp thường niên của Better Work",
        UNITS["global"]: "Better Work toàn cầu",
        UNITS["cambodia"]: "Better Factories Campuchia",
        UNITS["vietnam"]: "Better Work Việt Nam",
        COVERAGE["cambodia"]: "Campuchia: nhà máy may mặc, giày dép và đồ du lịch",
        COVERAGE["vietnam"]: "Việt Nam: nhà máy may mặc và giày dép",
        COVERAGE["impact"]: "Haiti, Jordan, Nicaragua và Việt Nam: nhà máy may mặc",
        COVERAGE["all"]: "Tất cả các quốc gia của Better Work: may mặc và giày dép",
        PUBLICATIONS[0]["title"]: "Thời giờ làm việc trong các nhà máy may mặc ở Campuchia",
        PUBLICATIONS[0]["summary"]: "Số liệu đánh giá từ 2015 đến 2023 cho thấy làm thêm giờ "
        "quá mức giảm ở những nhà máy lập kế hoạch sản xuất cùng người mua; làm việc ngày Chủ "
        "nhật vẫn phổ biến vào mùa cao điểm.",
        PUBLICATIONS[1]["title"]: "Báo cáo tổng hợp thường niên Việt Nam 2024",
        PUBLICATIONS[1]["summary"]: "Mức độ tuân thủ tại 470 nhà máy được đánh giá: tiến bộ về "
        "tiền lương và hợp đồng, những tồn tại kéo dài về giới hạn làm thêm giờ và an toàn hóa "
        "chất, và những gì nhà máy đã làm để khắc phục.",
        PUBLICATIONS[2]["title"]: "Tác động của Better Work đối với phúc lợi của phụ nữ",
        PUBLICATIONS[2]["summary"]: "Khảo sát 15.000 công nhân ở bốn quốc gia: ít báo cáo về "
        "quấy rối tình dục hơn, ít căng thẳng hơn và tự tin hơn khi nêu ý kiến sau hai năm "
        "nhận dịch vụ tư vấn của Better Work.",
        PUBLICATIONS[3]["title"]: "An toàn, vệ sinh lao động trong các nhà máy may mặc",
        PUBLICATIONS[3]["summary"]: "Mười vấn đề an toàn, vệ sinh lao động thường gặp nhất khi "
        "đánh giá, từ lối thoát hiểm bị chặn đến hóa chất không dán nhãn, và bước đầu tiên nhà "
        "máy có thể làm cho từng vấn đề.",
        TOOLS["global"]["title"]: "Bộ công cụ cho ban đối thoại hai bên",
        TOOLS["global"]["summary"]: "Cách người lao động và quản lý thành lập một ban họp hằng "
        "tháng, thống nhất ưu tiên và theo dõi kế hoạch cải thiện của nhà máy.",
        TOOLS["vietnam"]["title"]: "Bộ công cụ cho ban đối thoại hai bên tại Việt Nam",
        TOOLS["vietnam"]["summary"]: "Bộ công cụ toàn cầu được điều chỉnh theo Bộ luật Lao động "
        "2019 của Việt Nam và yêu cầu đối thoại tại nơi làm việc hằng năm.",
    },
    "km": {
        SERIES["research-briefs"]: "សេចក្តីសង្ខេបស្រាវជ្រាវ",
        SERIES["discussion-papers"]: "ឯកសារពិភាក្សាស៊េរី",
        SERIES["annual-synthesis-reports"]: "របាយការណ៍សំយោគប្រចាំឆ្នាំ",
        UNITS["global"]: "កម្មវិធីការងារប្រសើរជាងមុន ថ្នាក់សកល",
        UNITS["cambodia"]: "កម្មវិធីរោងចក្រប្រសើរជាងមុនកម្ពុជា",
        UNITS["vietnam"]: "កម្មវិធីការងារប្រសើរជាងមុនវៀតណាម",
        COVERAGE["cambodia"]: "កម្ពុជា៖ រោងចក្រកាត់ដេរ ស្បែកជើង និងសម្ភារៈធ្វើដំណើរ",
        COVERAGE["vietnam"]: "វៀតណាម៖ រោងចក្រកាត់ដេរ និងស្បែកជើង",
        COVERAGE["impact"]: "ហៃទី ហ្ស៊កដានី នីការ៉ាហ្គា និងវៀតណាម៖ រោងចក្រកាត់ដេរ",
        COVERAGE["all"]: "គ្រប់ប្រទេសនៃកម្មវិធី៖ កាត់ដេរ និងស្បែកជើង",
        PUBLICATIONS[0]["title"]: "ម៉ោងធ្វើការនៅក្នុងរោងចក្រកាត់ដេរនៅកម្ពុជា",
        PUBLICATIONS[0]["summary"]: "ទិន្នន័យវាយតម្លៃពីឆ្នាំ ២០១៥ ដល់ ២០២៣ បង្ហាញថា "
        "ការធ្វើការបន្ថែមម៉ោងហួសកម្រិតបានថយចុះ នៅរោងចក្រដែលរៀបចំផែនការផលិតកម្មជាមួយអ្នកទិញ "
        "ប៉ុន្តែការធ្វើការថ្ងៃអាទិត្យនៅតែកើតមានញឹកញាប់ក្នុងរដូវមមាញឹក។",
        PUBLICATIONS[1]["title"]: "របាយការណ៍សំយោគប្រចាំឆ្នាំ ២០២៤ សម្រាប់វៀតណាម",
        PUBLICATIONS[1]["summary"]: "ការអនុលោមនៅរោងចក្រ ៤៧០ ដែលបានវាយតម្លៃ៖ វឌ្ឍនភាពលើប្រាក់ឈ្នួល "
        "និងកិច្ចសន្យា ចន្លោះប្រហោងដែលនៅតែមានលើដែនកំណត់ម៉ោងបន្ថែម និងសុវត្ថិភាពសារធាតុគីមី "
        "និងអ្វីដែលរោងចក្របានធ្វើដើម្បីដោះស្រាយ។",
        PUBLICATIONS[2]["title"]: "ផលប៉ះពាល់នៃកម្មវិធីលើសុខុមាលភាពរបស់ស្ត្រី",
        PUBLICATIONS[2]["summary"]: "ការស្ទង់មតិកម្មករ ១៥ ០០០ នាក់ក្នុងបួនប្រទេស៖ "
        "របាយការណ៍ពីការបៀតបៀនផ្លូវភេទតិចជាងមុន ភាពតានតឹងតិចជាងមុន "
        "និងទំនុកចិត្តច្រើនជាងមុនក្នុងការលើកឡើងបញ្ហា បន្ទាប់ពីទទួលសេវាប្រឹក្សាពីរឆ្នាំ។",
        PUBLICATIONS[3]["title"]: "សុវត្ថិភាព និងសុខភាពការងារនៅក្នុងរោងចក្រកាត់ដេរ",
        PUBLICATIONS[3]["summary"]: "បញ្ហាសុវត្ថិភាព និងសុខភាពទាំងដប់ដែលរកឃើញញឹកញាប់បំផុតក្នុងការវាយតម្លៃ "
        "ចាប់ពីច្រកចេញដែលត្រូវបានបិទ រហូតដល់សារធាតុគីមីគ្មានស្លាក "
        "និងជំហានដំបូងដែលរោងចក្រអាចធ្វើបានសម្រាប់បញ្ហានីមួយៗ។",
        TOOLS["global"]["title"]: "សំណុំឧបករណ៍សម្រាប់គណៈកម្មាធិការទ្វេភាគី",
        TOOLS["global"]["summary"]: "របៀបដែលកម្មករ និងអ្នកគ្រប់គ្រងបង្កើតគណៈកម្មាធិការមួយ "
        "ដែលប្រជុំរៀងរាល់ខែ ព្រមព្រៀងលើអាទិភាព និងតាមដានផែនការកែលម្អរបស់រោងចក្រ។",
        TOOLS["cambodia"]["title"]: "សំណុំឧបករណ៍សម្រាប់គណៈកម្មាធិការទ្វេភាគីនៅកម្ពុជា",
        TOOLS["cambodia"]["summary"]: "សំណុំឧបករណ៍សកលដែលបានកែសម្រួលតាមច្បាប់ស្តីពីការងាររបស់កម្ពុជា "
        "ដោយគិតដល់ការបោះឆ្នោតជ្រើសរើសប្រតិភូបុគ្គលិក និងក្រុមប្រឹក្សាអាជ្ញាកណ្តាល។",
    },
    "id": {
        SERIES["research-briefs"]: "Ringkasan Riset Better Work",
        SERIES["discussion-papers"]: "Seri Makalah Diskusi Better Work",
        SERIES["annual-synthesis-reports"]: "Laporan Sintesis Tahunan Better Work",
        UNITS["global"]: "Better Work Global",
        UNITS["cambodia"]: "Better Factories Kamboja",
        UNITS["vietnam"]: "Better Work Vietnam",
        COVERAGE["cambodia"]: "Kamboja: pabrik garmen, alas kaki, dan barang perjalanan",
        COVERAGE["vietnam"]: "Vietnam: pabrik garmen dan alas kaki",
        COVERAGE["impact"]: "Haiti, Yordania, Nikaragua, dan Vietnam: pabrik garmen",
        COVERAGE["all"]: "Semua negara Better Work: garmen dan alas kaki",
        PUBLICATIONS[0]["title"]: "Jam kerja di pabrik garmen Kamboja",
        PUBLICATIONS[0]["summary"]: "Data penilaian 2015 hingga 2023 menunjukkan lembur "
        "berlebihan menurun di pabrik yang merencanakan produksi bersama pembelinya; kerja hari "
        "Minggu masih umum pada musim puncak.",
        PUBLICATIONS[1]["title"]: "Laporan sintesis tahunan Vietnam 2024",
        PUBLICATIONS[1]["summary"]: "Kepatuhan di 470 pabrik yang dinilai: kemajuan dalam upah "
        "dan kontrak, kesenjangan yang bertahan pada batas lembur dan keselamatan bahan kimia, "
        "serta langkah yang diambil pabrik untuk mengatasinya.",
        PUBLICATIONS[2]["title"]: "Dampak Better Work terhadap kesejahteraan perempuan",
        PUBLICATIONS[2]["summary"]: "Survei terhadap 15.000 pekerja di empat negara: lebih "
        "sedikit laporan pelecehan seksual, stres yang lebih rendah, dan lebih percaya diri "
        "menyampaikan keluhan setelah dua tahun layanan pendampingan Better Work.",
        PUBLICATIONS[3]["title"]: "Keselamatan dan kesehatan kerja di pabrik garmen",
        PUBLICATIONS[3]["summary"]: "Sepuluh masalah keselamatan dan kesehatan yang paling "
        "sering ditemukan dalam penilaian, dari pintu keluar yang terhalang hingga bahan kimia "
        "tanpa label, dan langkah pertama yang dapat diambil pabrik untuk masing-masing.",
        TOOLS["global"]["title"]: "Perangkat kerja komite bipartit",
        TOOLS["global"]["summary"]: "Cara pekerja dan manajemen membentuk komite yang bertemu "
        "setiap bulan, menyepakati prioritas, dan menindaklanjuti rencana perbaikan pabrik.",
    },
    "bn": {
        SERIES["research-briefs"]: "বেটার ওয়ার্ক গবেষণা সংক্ষেপ",
        SERIES["discussion-papers"]: "বেটার ওয়ার্ক আলোচনাপত্র সিরিজ",
        SERIES["annual-synthesis-reports"]: "বেটার ওয়ার্ক বার্ষিক সমন্বিত প্রতিবেদন",
        UNITS["global"]: "বেটার ওয়ার্ক গ্লোবাল",
        UNITS["cambodia"]: "বেটার ফ্যাক্টরিজ কম্বোডিয়া",
        UNITS["vietnam"]: "বেটার ওয়ার্ক ভিয়েতনাম",
        COVERAGE["cambodia"]: "কম্বোডিয়া: পোশাক, জুতা ও ভ্রমণসামগ্রী কারখানা",
        COVERAGE["vietnam"]: "ভিয়েতনাম: পোশাক ও জুতা কারখানা",
        COVERAGE["impact"]: "হাইতি, জর্ডান, নিকারাগুয়া ও ভিয়েতনাম: পোশাক কারখানা",
        COVERAGE["all"]: "বেটার ওয়ার্কের সব দেশ: পোশাক ও জুতা",
        PUBLICATIONS[0]["title"]: "কম্বোডিয়ার পোশাক কারখানায় কর্মঘণ্টা",
        PUBLICATIONS[0]["summary"]: "২০১৫ থেকে ২০২৩ সালের মূল্যায়নের তথ্য দেখায়, যেসব কারখানা "
        "ক্রেতার সঙ্গে মিলে উৎপাদন পরিকল্পনা করে সেখানে অতিরিক্ত ওভারটাইম কমেছে; ব্যস্ত মৌসুমে "
        "রবিবারের কাজ এখনও সাধারণ।",
        PUBLICATIONS[1]["title"]: "ভিয়েতনাম বার্ষিক সমন্বিত প্রতিবেদন ২০২৪",
        PUBLICATIONS[1]["summary"]: "মূল্যায়িত ৪৭০টি কারখানায় সম্মতি: মজুরি ও চুক্তিতে অগ্রগতি, "
        "ওভারটাইমের সীমা ও রাসায়নিক নিরাপত্তায় রয়ে যাওয়া ঘাটতি, এবং কারখানাগুলো সেগুলো "
        "সমাধানে কী করেছে।",
        PUBLICATIONS[2]["title"]: "নারীদের সুস্থতায় বেটার ওয়ার্কের প্রভাব",
        PUBLICATIONS[2]["summary"]: "চার দেশের ১৫,০০০ শ্রমিকের জরিপ: দুই বছরের পরামর্শ সেবার পর "
        "যৌন হয়রানির অভিযোগ কম, মানসিক চাপ কম এবং সমস্যা তুলে ধরতে বেশি আত্মবিশ্বাস।",
        PUBLICATIONS[3]["title"]: "পোশাক কারখানায় পেশাগত নিরাপত্তা ও স্বাস্থ্য",
        PUBLICATIONS[3]["summary"]: "মূল্যায়নে সবচেয়ে বেশি পাওয়া দশটি নিরাপত্তা ও স্বাস্থ্য সমস্যা, "
        "বন্ধ জরুরি বহির্গমন পথ থেকে লেবেলবিহীন রাসায়নিক পর্যন্ত, এবং প্রতিটির জন্য কারখানার "
        "প্রথম পদক্ষেপ।",
        TOOLS["global"]["title"]: "দ্বিপক্ষীয় কমিটির টুলকিট",
        TOOLS["global"]["summary"]: "শ্রমিক ও ব্যবস্থাপনা কীভাবে এমন একটি কমিটি গঠন করেন যা প্রতি "
        "মাসে বসে, অগ্রাধিকার ঠিক করে এবং কারখানার উন্নয়ন পরিকল্পনা অনুসরণ করে।",
    },
}
