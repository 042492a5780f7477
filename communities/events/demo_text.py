"""The demo events, in English and, as translation memory ({language: {English: translation}}),
in every other language of the site."""

INDEX = {
    "title": "Events",
    "intro": "Seminars, workshops, trainings of trainers and webinars of Better Work's "
    "country programmes.",
}

PHNOM_PENH = "Better Work Cambodia training room, Phnom Penh"
DHAKA = "Better Work Bangladesh office, Gulshan, Dhaka"
HANOI = "ILO Country Office for Viet Nam, Hanoi"

EVENTS = [
    {
        "slug": "tot-osh-phnom-penh",
        "kind": "training-of-trainers",
        "starts_in_days": 21,
        "hour": 8,
        "hours": 32,  # two days, 8:00 to 16:00
        "time_zone": "Asia/Phnom_Penh",
        "place": PHNOM_PENH,
        "online_url": "",
        "delivery_language": "km",
        "countries": ["cambodia"],
        "audiences": ["trainers", "osh-officers"],
        "capacity": 24,
        "title": "Training of trainers on occupational safety and health",
        "summary": "Two days for factory trainers who will teach the OSH module to safety "
        "committees: risk assessment, chemical safety and emergency drills.",
        "body": "Participants practise each session of the module and leave with a delivery "
        "plan for their own factory.",
    },
    {
        "slug": "webinar-wages-jordan",
        "kind": "webinar",
        "starts_in_days": 9,
        "hour": 11,
        "hours": 2,
        "time_zone": "Asia/Amman",
        "place": "",
        "online_url": "https://meet.betterwork.example/jordan-wages",
        "delivery_language": "ar",
        "countries": ["jordan"],
        "audiences": ["hr-officers", "factory-managers"],
        "capacity": None,
        "title": "Webinar: paying the minimum wage and overtime right in Jordan",
        "summary": "How to calculate the minimum wage, overtime premiums and deductions for "
        "Jordanian and migrant workers, with questions from HR officers.",
        "body": "A labour inspector and a payroll expert walk through common compliance "
        "mistakes found in Better Work assessments.",
    },
    {
        "slug": "dhaka-workshop-grievance-handling",
        "kind": "workshop",
        "starts_in_days": 35,
        "hour": 9,
        "hours": 6,
        "time_zone": "Asia/Dhaka",
        "place": DHAKA,
        "online_url": "",
        "delivery_language": "bn",
        "countries": ["bangladesh"],
        "audiences": ["hr-officers", "supervisors"],
        "capacity": 30,
        "title": "Workshop on grievance handling",
        "summary": "A one-day workshop for HR officers and supervisors on receiving, "
        "investigating and answering workers' complaints fairly.",
        "body": "Participants work through real cases and draft a grievance procedure that "
        "protects workers from retaliation.",
    },
    {
        "slug": "hanoi-seminar-harassment-prevention",
        "kind": "seminar",
        "starts_in_days": -40,
        "hour": 9,
        "hours": 4,
        "time_zone": "Asia/Ho_Chi_Minh",
        "place": HANOI,
        "online_url": "",
        "delivery_language": "vi",
        "countries": ["vietnam"],
        "audiences": ["factory-managers", "hr-officers"],
        "capacity": 60,
        "registration_open": False,
        "materials": 2,
        "title": "Seminar on preventing sexual harassment at work",
        "summary": "Factory managers shared how they set up harassment policies and "
        "confidential reporting channels.",
        "body": "The training materials used at the seminar remain available below.",
    },
]

MEMORY = {
    "fr": {
        "Events": "Événements",
        INDEX["intro"]: "Séminaires, ateliers, formations de formateurs et webinaires des "
        "programmes pays de Better Work.",
        PHNOM_PENH: "Salle de formation de Better Work Cambodge, Phnom Penh",
        DHAKA: "Bureau de Better Work Bangladesh, Gulshan, Dacca",
        HANOI: "Bureau de pays de l'OIT pour le Viet Nam, Hanoï",
        EVENTS[0]["title"]: "Formation de formateurs en sécurité et santé au travail",
        EVENTS[0]["summary"]: "Deux jours pour les formateurs d'usine qui enseigneront le module "
        "SST aux comités de sécurité : évaluation des risques, produits chimiques et exercices "
        "d'urgence.",
        EVENTS[0]["body"]: "Les participants s'exercent à chaque séance du module et repartent "
        "avec un plan de formation pour leur usine.",
        EVENTS[1]["title"]: "Webinaire : bien payer le salaire minimum et les heures "
        "supplémentaires en Jordanie",
        EVENTS[1]["summary"]: "Comment calculer le salaire minimum, les majorations d'heures "
        "supplémentaires et les retenues pour les travailleurs jordaniens et migrants, avec les "
        "questions des responsables RH.",
        EVENTS[1]["body"]: "Un inspecteur du travail et un expert de la paie passent en revue "
        "les erreurs de conformité fréquentes relevées lors des évaluations Better Work.",
        EVENTS[2]["title"]: "Atelier sur le traitement des réclamations",
        EVENTS[2]["summary"]: "Un atelier d'une journée pour les responsables RH et les "
        "superviseurs : recevoir, examiner et répondre équitablement aux plaintes des "
        "travailleurs.",
        EVENTS[2]["body"]: "Les participants étudient des cas réels et rédigent une procédure de "
        "réclamation qui protège les travailleurs contre les représailles.",
        EVENTS[3]["title"]: "Séminaire sur la prévention du harcèlement sexuel au travail",
        EVENTS[3]["summary"]: "Des directeurs d'usine ont expliqué comment ils ont mis en place "
        "des politiques contre le harcèlement et des canaux de signalement confidentiels.",
        EVENTS[3]["body"]: "Les supports de formation utilisés lors du séminaire restent "
        "disponibles ci-dessous.",
    },
    "es": {
        "Events": "Eventos",
        INDEX["intro"]: "Seminarios, talleres, formaciones de formadores y seminarios web de "
        "los programas de país de Better Work.",
        PHNOM_PENH: "Sala de formación de Better Work Camboya, Nom Pen",
        DHAKA: "Oficina de Better Work Bangladés, Gulshan, Daca",
        HANOI: "Oficina de País de la OIT para Viet Nam, Hanói",
        EVENTS[0]["title"]: "Formación de formadores en seguridad y salud en el trabajo",
        EVENTS[0]["summary"]: "Dos días para los formadores de fábrica que impartirán el módulo "
        "de SST a los comités de seguridad: evaluación de riesgos, productos químicos y "
        "simulacros de emergencia.",
        EVENTS[0]["body"]: "Los participantes practican cada sesión del módulo y se llevan un "
        "plan de formación para su propia fábrica.",
        EVENTS[1]["title"]: "Seminario web: pagar bien el salario mínimo y las horas extra en "
        "Jordania",
        EVENTS[1]["summary"]: "Cómo calcular el salario mínimo, los recargos por horas extra y "
        "las deducciones de trabajadores jordanos y migrantes, con preguntas de responsables de "
        "RR. HH.",
        EVENTS[1]["body"]: "Un inspector de trabajo y un experto en nóminas repasan los errores "
        "de cumplimiento más frecuentes en las evaluaciones de Better Work.",
        EVENTS[2]["title"]: "Taller sobre la gestión de quejas",
        EVENTS[2]["summary"]: "Un taller de un día para responsables de RR. HH. y supervisores "
        "sobre cómo recibir, investigar y responder con equidad a las quejas de los "
        "trabajadores.",
        EVENTS[2]["body"]: "Los participantes analizan casos reales y redactan un procedimiento "
        "de quejas que protege a los trabajadores de las represalias.",
        EVENTS[3]["title"]: "Seminario sobre la prevención del acoso sexual en el trabajo",
        EVENTS[3]["summary"]: "Gerentes de fábrica contaron cómo establecieron políticas contra "
        "el acoso y canales de denuncia confidenciales.",
        EVENTS[3]["body"]: "Los materiales de formación utilizados en el seminario siguen "
        "disponibles a continuación.",
    },
    "ar": {
        "Events": "الفعاليات",
        INDEX["intro"]: "ندوات وورش عمل ودورات تدريب المدربين وندوات عبر الإنترنت تنظمها برامج "
        "Better Work القُطرية.",
        PHNOM_PENH: "قاعة التدريب في Better Work كمبوديا، بنوم بنه",
        DHAKA: "مكتب Better Work بنغلاديش، غولشان، دكا",
        HANOI: "المكتب القُطري لمنظمة العمل الدولية في فيت نام، هانوي",
        EVENTS[0]["title"]: "تدريب المدربين على السلامة والصحة المهنيتين",
        EVENTS[0]["summary"]: "يومان لمدربي المصانع الذين سيدرّسون وحدة السلامة والصحة المهنيتين "
        "للجان السلامة: تقييم المخاطر وسلامة المواد الكيميائية وتدريبات الطوارئ.",
        EVENTS[0]["body"]: "يتدرب المشاركون على كل جلسة من جلسات الوحدة ويغادرون بخطة تدريب "
        "لمصنعهم.",
        EVENTS[1]["title"]: "ندوة عبر الإنترنت: دفع الحد الأدنى للأجور وأجر العمل الإضافي بشكل "
        "صحيح في الأردن",
        EVENTS[1]["summary"]: "كيفية احتساب الحد الأدنى للأجور وعلاوات العمل الإضافي والاقتطاعات "
        "للعمال الأردنيين والمهاجرين، مع أسئلة من مسؤولي الموارد البشرية.",
        EVENTS[1]["body"]: "يستعرض مفتش عمل وخبير في كشوف الرواتب أخطاء الامتثال الشائعة التي "
        "ترصدها تقييمات Better Work.",
        EVENTS[2]["title"]: "ورشة عمل حول معالجة التظلمات",
        EVENTS[2]["summary"]: "ورشة عمل ليوم واحد لمسؤولي الموارد البشرية والمشرفين حول تلقي "
        "شكاوى العمال والتحقيق فيها والرد عليها بإنصاف.",
        EVENTS[2]["body"]: "يعمل المشاركون على حالات حقيقية ويصوغون إجراءً للتظلمات يحمي العمال "
        "من الانتقام.",
        EVENTS[3]["title"]: "ندوة حول منع التحرش الجنسي في العمل",
        EVENTS[3]["summary"]: "عرض مديرو مصانع كيف وضعوا سياسات لمكافحة التحرش وقنوات سرية "
        "للإبلاغ.",
        EVENTS[3]["body"]: "تبقى مواد التدريب المستخدمة في الندوة متاحة أدناه.",
    },
    "km": {
        "Events": "ព្រឹត្តិការណ៍",
        INDEX["intro"]: "សិក្ខាសាលា វគ្គពិភាក្សា វគ្គបណ្តុះបណ្តាលគ្រូបង្គោល "
        "និងសិក្ខាសាលាតាមអនឡាញ របស់កម្មវិធីប្រចាំប្រទេសនៃ Better Work ។",
        PHNOM_PENH: "បន្ទប់បណ្តុះបណ្តាល Better Work កម្ពុជា ភ្នំពេញ",
        DHAKA: "ការិយាល័យ Better Work បង់ក្លាដែស គុលសាន ដាក្កា",
        HANOI: "ការិយាល័យប្រចាំប្រទេសវៀតណាមរបស់ ILO ទីក្រុងហាណូយ",
        EVENTS[0]["title"]: "វគ្គបណ្តុះបណ្តាលគ្រូបង្គោលស្តីពីសុវត្ថិភាព និងសុខភាពការងារ",
        EVENTS[0]["summary"]: "ពីរថ្ងៃសម្រាប់គ្រូបង្គោលរោងចក្រ "
        "ដែលនឹងបង្រៀនម៉ូឌុលសុវត្ថិភាព និងសុខភាពការងារដល់គណៈកម្មាធិការសុវត្ថិភាព៖ "
        "ការវាយតម្លៃហានិភ័យ សុវត្ថិភាពសារធាតុគីមី និងការហ្វឹកហាត់ពេលមានអាសន្ន។",
        EVENTS[0]["body"]: "អ្នកចូលរួមហ្វឹកហាត់វគ្គនីមួយៗនៃម៉ូឌុល "
        "ហើយត្រឡប់ទៅវិញជាមួយផែនការបណ្តុះបណ្តាលសម្រាប់រោងចក្ររបស់ខ្លួន។",
        EVENTS[1]["title"]: "សិក្ខាសាលាតាមអនឡាញ៖ "
        "ការបើកប្រាក់ឈ្នួលអប្បបរមា និងប្រាក់ម៉ោងបន្ថែមឱ្យបានត្រឹមត្រូវនៅហ្ស៊កដានី",
        EVENTS[1]["summary"]: "របៀបគណនាប្រាក់ឈ្នួលអប្បបរមា ប្រាក់បន្ថែមម៉ោង "
        "និងការកាត់ប្រាក់សម្រាប់កម្មករហ្ស៊កដានី និងកម្មករចំណាកស្រុក "
        "ជាមួយសំណួរពីមន្ត្រីធនធានមនុស្ស។",
        EVENTS[1]["body"]: "អធិការការងារម្នាក់ និងអ្នកជំនាញបើកប្រាក់ខែម្នាក់ "
        "ពន្យល់ពីកំហុសអនុលោមភាពញឹកញាប់ដែលរកឃើញក្នុងការវាយតម្លៃរបស់ Better Work ។",
        EVENTS[2]["title"]: "វគ្គពិភាក្សាស្តីពីការដោះស្រាយបណ្តឹងតវ៉ា",
        EVENTS[2]["summary"]: "វគ្គពិភាក្សាមួយថ្ងៃសម្រាប់មន្ត្រីធនធានមនុស្ស និងអ្នកគ្រប់គ្រងផ្នែក "
        "ស្តីពីការទទួល ការស៊ើបអង្កេត និងការឆ្លើយតបដោយយុត្តិធម៌ចំពោះបណ្តឹងរបស់កម្មករ។",
        EVENTS[2]["body"]: "អ្នកចូលរួមសិក្សាករណីជាក់ស្តែង ហើយរៀបចំនីតិវិធីបណ្តឹងតវ៉ាដែលការពារកម្មករពីការសងសឹក។",
        EVENTS[3]["title"]: "សិក្ខាសាលាស្តីពីការបង្ការការយាយីផ្លូវភេទនៅកន្លែងធ្វើការ",
        EVENTS[3]["summary"]: "អ្នកគ្រប់គ្រងរោងចក្របានចែករំលែកពីរបៀបដែលពួកគេបង្កើតគោលនយោបាយ "
        "ប្រឆាំងការយាយី និងមធ្យោបាយរាយការណ៍ជាការសម្ងាត់។",
        EVENTS[3]["body"]: "ឯកសារបណ្តុះបណ្តាលដែលបានប្រើក្នុងសិក្ខាសាលា នៅតែមានខាងក្រោម។",
    },
    "vi": {
        "Events": "Sự kiện",
        INDEX["intro"]: "Hội thảo, hội thảo chuyên đề, đào tạo giảng viên và hội thảo trực tuyến "
        "của các chương trình quốc gia Better Work.",
        PHNOM_PENH: "Phòng đào tạo Better Work Campuchia, Phnôm Pênh",
        DHAKA: "Văn phòng Better Work Bangladesh, Gulshan, Dhaka",
        HANOI: "Văn phòng ILO tại Việt Nam, Hà Nội",
        EVENTS[0]["title"]: "Đào tạo giảng viên về an toàn và vệ sinh lao động",
        EVENTS[0]["summary"]: "Hai ngày dành cho giảng viên nhà máy sẽ giảng dạy học phần an toàn "
        "vệ sinh lao động cho ủy ban an toàn: đánh giá rủi ro, an toàn hóa chất và diễn tập ứng "
        "phó khẩn cấp.",
        EVENTS[0]["body"]: "Học viên thực hành từng buổi của học phần và ra về với kế hoạch đào "
        "tạo cho nhà máy của mình.",
        EVENTS[1]["title"]: "Hội thảo trực tuyến: trả đúng lương tối thiểu và tiền làm thêm giờ "
        "tại Jordan",
        EVENTS[1]["summary"]: "Cách tính lương tối thiểu, phụ cấp làm thêm giờ và các khoản khấu "
        "trừ cho lao động Jordan và lao động di cư, cùng câu hỏi từ cán bộ nhân sự.",
        EVENTS[1]["body"]: "Một thanh tra lao động và một chuyên gia tiền lương phân tích các "
        "lỗi tuân thủ thường gặp trong các đợt đánh giá của Better Work.",
        EVENTS[2]["title"]: "Hội thảo chuyên đề về giải quyết khiếu nại",
        EVENTS[2]["summary"]: "Hội thảo một ngày cho cán bộ nhân sự và tổ trưởng về cách tiếp "
        "nhận, điều tra và trả lời khiếu nại của người lao động một cách công bằng.",
        EVENTS[2]["body"]: "Học viên phân tích các tình huống thực tế và soạn thảo quy trình "
        "khiếu nại bảo vệ người lao động khỏi bị trả thù.",
        EVENTS[3]["title"]: "Hội thảo về phòng chống quấy rối tình dục tại nơi làm việc",
        EVENTS[3]["summary"]: "Các giám đốc nhà máy chia sẻ cách họ xây dựng chính sách chống "
        "quấy rối và kênh báo cáo bảo mật.",
        EVENTS[3]["body"]: "Tài liệu đào tạo sử dụng tại hội thảo vẫn có sẵn bên dưới.",
    },
    "bn": {
        "Events": "অনুষ্ঠান",
        INDEX["intro"]: "Better Work-এর দেশভিত্তিক কর্মসূচির সেমিনার, কর্মশালা, প্রশিক্ষকদের "
        "প্রশিক্ষণ ও ওয়েবিনার।",
        PHNOM_PENH: "Better Work কম্বোডিয়ার প্রশিক্ষণ কক্ষ, নম পেন",
        DHAKA: "Better Work বাংলাদেশ কার্যালয়, গুলশান, ঢাকা",
        HANOI: "ভিয়েতনামে আইএলও দেশীয় কার্যালয়, হ্যানয়",
        EVENTS[0]["title"]: "পেশাগত নিরাপত্তা ও স্বাস্থ্য বিষয়ে প্রশিক্ষকদের প্রশিক্ষণ",
        EVENTS[0]["summary"]: "নিরাপত্তা কমিটিকে ওএসএইচ মডিউল শেখাবেন এমন কারখানা প্রশিক্ষকদের "
        "জন্য দুই দিন: ঝুঁকি মূল্যায়ন, রাসায়নিক নিরাপত্তা ও জরুরি মহড়া।",
        EVENTS[0]["body"]: "অংশগ্রহণকারীরা মডিউলের প্রতিটি সেশন অনুশীলন করেন এবং নিজের কারখানার "
        "জন্য একটি প্রশিক্ষণ পরিকল্পনা নিয়ে ফেরেন।",
        EVENTS[1]["title"]: "ওয়েবিনার: জর্ডানে ন্যূনতম মজুরি ও ওভারটাইম সঠিকভাবে পরিশোধ",
        EVENTS[1]["summary"]: "জর্ডানি ও অভিবাসী শ্রমিকদের ন্যূনতম মজুরি, ওভারটাইম ভাতা ও কর্তন "
        "কীভাবে হিসাব করবেন, এইচআর কর্মকর্তাদের প্রশ্নসহ।",
        EVENTS[1]["body"]: "একজন শ্রম পরিদর্শক ও একজন বেতন বিশেষজ্ঞ Better Work মূল্যায়নে পাওয়া "
        "সাধারণ অনুবর্তিতার ভুলগুলো ব্যাখ্যা করেন।",
        EVENTS[2]["title"]: "অভিযোগ নিষ্পত্তি বিষয়ে কর্মশালা",
        EVENTS[2]["summary"]: "এইচআর কর্মকর্তা ও সুপারভাইজারদের জন্য এক দিনের কর্মশালা: শ্রমিকদের "
        "অভিযোগ গ্রহণ, তদন্ত ও ন্যায্যভাবে উত্তর দেওয়া।",
        EVENTS[2]["body"]: "অংশগ্রহণকারীরা বাস্তব ঘটনা নিয়ে কাজ করেন এবং এমন একটি অভিযোগ "
        "প্রক্রিয়ার খসড়া তৈরি করেন যা শ্রমিকদের প্রতিশোধ থেকে রক্ষা করে।",
        EVENTS[3]["title"]: "কর্মক্ষেত্রে যৌন হয়রানি প্রতিরোধ বিষয়ে সেমিনার",
        EVENTS[3]["summary"]: "কারখানা ব্যবস্থাপকেরা জানান কীভাবে তাঁরা হয়রানিবিরোধী নীতি ও "
        "গোপনীয় অভিযোগ জানানোর মাধ্যম চালু করেছেন।",
        EVENTS[3]["body"]: "সেমিনারে ব্যবহৃত প্রশিক্ষণ উপকরণ নিচে পাওয়া যাবে।",
    },
    "id": {
        "Events": "Acara",
        INDEX["intro"]: "Seminar, lokakarya, pelatihan untuk pelatih, dan webinar dari program "
        "negara Better Work.",
        PHNOM_PENH: "Ruang pelatihan Better Work Kamboja, Phnom Penh",
        DHAKA: "Kantor Better Work Bangladesh, Gulshan, Dhaka",
        HANOI: "Kantor ILO untuk Viet Nam, Hanoi",
        EVENTS[0]["title"]: "Pelatihan untuk pelatih tentang keselamatan dan kesehatan kerja",
        EVENTS[0]["summary"]: "Dua hari bagi pelatih pabrik yang akan mengajarkan modul K3 kepada "
        "komite keselamatan: penilaian risiko, keselamatan bahan kimia, dan latihan darurat.",
        EVENTS[0]["body"]: "Peserta mempraktikkan setiap sesi modul dan pulang dengan rencana "
        "pelatihan untuk pabrik mereka sendiri.",
        EVENTS[1]["title"]: "Webinar: membayar upah minimum dan lembur dengan benar di Yordania",
        EVENTS[1]["summary"]: "Cara menghitung upah minimum, upah lembur, dan potongan bagi "
        "pekerja Yordania dan migran, dengan pertanyaan dari petugas SDM.",
        EVENTS[1]["body"]: "Seorang pengawas ketenagakerjaan dan pakar penggajian membahas "
        "kesalahan kepatuhan yang sering ditemukan dalam penilaian Better Work.",
        EVENTS[2]["title"]: "Lokakarya penanganan keluhan",
        EVENTS[2]["summary"]: "Lokakarya satu hari bagi petugas SDM dan supervisor tentang cara "
        "menerima, menyelidiki, dan menjawab keluhan pekerja secara adil.",
        EVENTS[2]["body"]: "Peserta membahas kasus nyata dan menyusun prosedur keluhan yang "
        "melindungi pekerja dari pembalasan.",
        EVENTS[3]["title"]: "Seminar pencegahan pelecehan seksual di tempat kerja",
        EVENTS[3]["summary"]: "Para manajer pabrik berbagi cara mereka menyusun kebijakan "
        "antipelecehan dan saluran pelaporan yang rahasia.",
        EVENTS[3]["body"]: "Materi pelatihan yang digunakan dalam seminar tetap tersedia di "
        "bawah ini.",
    },
}
