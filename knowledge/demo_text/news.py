"""The demo news, in English and, as translation memory ({language: {English: translation}}), in
every other language of the site."""

INDEX = {
    "title": "News",
    "intro": "What is happening in Better Work's country programmes and across the global "
    "apparel sector.",
}

ARTICLES = [
    {
        "slug": "vietnam-annual-conference-2026",
        "days_ago": 12,
        "countries": ["vietnam"],
        "title": "Better Work Vietnam annual conference marks ten years of factory dialogue",
        "summary": "Employers, unions, brands and the Ministry of Labour met in Ho Chi Minh City "
        "to review a decade of worker-management committees.",
        "body": "More than 400 participants discussed how bipartite committees have reduced "
        "excessive overtime and improved wage transparency in over 500 factories.",
    },
    {
        "slug": "bangladesh-fire-safety-training-milestone",
        "days_ago": 30,
        "countries": ["bangladesh"],
        "title": "Bangladesh: one thousand safety committees trained in fire safety",
        "summary": "Better Work Bangladesh has now trained the safety committees of one "
        "thousand garment factories in fire prevention and evacuation.",
        "body": "Committee members learn to inspect exits, run evacuation drills and report "
        "hazards to management, with refresher sessions every year.",
    },
    {
        "slug": "training-library-eight-languages",
        "days_ago": 45,
        "countries": [],
        "title": "Training modules now available in eight languages",
        "summary": "The global library offers Better Work training modules in English, French, "
        "Spanish, Arabic, Khmer, Vietnamese, Bengali and Indonesian.",
        "body": "Trainers can download each module's guide, handouts and slides in the language "
        "of the factory floor, and adapt them to their country's labour law.",
    },
]

MEMORY = {
    "fr": {
        "News": "Actualités",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "L'actualité des programmes pays de Better Work et du secteur mondial de "
        "l'habillement.",
        ARTICLES[0]["title"]: "La conférence annuelle de Better Work Vietnam célèbre dix ans "
        "de dialogue en usine",
        ARTICLES[0]["summary"]: "Employeurs, syndicats, marques et ministère du Travail se sont "
        "réunis à Hô Chi Minh-Ville pour dresser le bilan d'une décennie de comités "
        "travailleurs-direction.",
        ARTICLES[0]["body"]: "Plus de 400 participants ont examiné comment les comités "
        "bipartites ont réduit les heures supplémentaires excessives et rendu les salaires plus "
        "transparents dans plus de 500 usines.",
        ARTICLES[1]["title"]: "Bangladesh : mille comités de sécurité formés à la sécurité "
        "incendie",
        ARTICLES[1]["summary"]: "Better Work Bangladesh a désormais formé les comités de "
        "sécurité de mille usines de confection à la prévention des incendies et à l'évacuation.",
        ARTICLES[1]["body"]: "Les membres des comités apprennent à inspecter les issues, à "
        "organiser des exercices d'évacuation et à signaler les dangers à la direction, avec une "
        "remise à niveau chaque année.",
        ARTICLES[2]["title"]: "Les modules de formation disponibles en huit langues",
        ARTICLES[2]["summary"]: "La bibliothèque mondiale propose les modules de formation de "
        "Better Work en anglais, français, espagnol, arabe, khmer, vietnamien, bengali et "
        "indonésien.",
        ARTICLES[2]["body"]: "Les formateurs peuvent télécharger le guide, les documents et les "
        "diapositives de chaque module dans la langue de l'atelier et les adapter au droit du "
        "travail de leur pays.",
    },
    "es": {
        "News": "Noticias",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "Lo que ocurre en los programas de país de Better Work y en el sector mundial "
        "de la confección.",
        ARTICLES[0]["title"]: "La conferencia anual de Better Work Vietnam celebra diez años de "
        "diálogo en las fábricas",
        ARTICLES[0]["summary"]: "Empleadores, sindicatos, marcas y el Ministerio de Trabajo se "
        "reunieron en Ciudad Ho Chi Minh para revisar una década de comités de trabajadores y "
        "dirección.",
        ARTICLES[0]["body"]: "Más de 400 participantes analizaron cómo los comités bipartitos han "
        "reducido las horas extra excesivas y mejorado la transparencia salarial en más de 500 "
        "fábricas.",
        ARTICLES[1]["title"]: "Bangladés: mil comités de seguridad formados en seguridad contra "
        "incendios",
        ARTICLES[1]["summary"]: "Better Work Bangladés ya ha formado a los comités de seguridad "
        "de mil fábricas de confección en prevención de incendios y evacuación.",
        ARTICLES[1]["body"]: "Los miembros de los comités aprenden a inspeccionar las salidas, "
        "realizar simulacros de evacuación y comunicar los riesgos a la dirección, con sesiones "
        "de actualización cada año.",
        ARTICLES[2]["title"]: "Módulos de formación disponibles en ocho idiomas",
        ARTICLES[2]["summary"]: "La biblioteca mundial ofrece los módulos de formación de Better "
        "Work en inglés, francés, español, árabe, jemer, vietnamita, bengalí e indonesio.",
        ARTICLES[2]["body"]: "Los formadores pueden descargar la guía, los materiales y las "
        "diapositivas de cada módulo en el idioma de la planta y adaptarlos a la legislación "
        "laboral de su país.",
    },
    "ar": {
        "News": "الأخبار",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "آخر المستجدات في برامج Better Work القُطرية وفي قطاع الملابس العالمي.",
        ARTICLES[0]["title"]: "المؤتمر السنوي لبرنامج Better Work فيتنام يحتفي بعشر سنوات من "
        "الحوار داخل المصانع",
        ARTICLES[0]["summary"]: "اجتمع أصحاب العمل والنقابات والعلامات التجارية ووزارة العمل في "
        "مدينة هو تشي منه لمراجعة عقد من عمل لجان العمال والإدارة.",
        ARTICLES[0]["body"]: "ناقش أكثر من 400 مشارك كيف ساهمت اللجان الثنائية في الحد من "
        "ساعات العمل الإضافية المفرطة وتحسين شفافية الأجور في أكثر من 500 مصنع.",
        ARTICLES[1]["title"]: "بنغلاديش: تدريب ألف لجنة سلامة على السلامة من الحرائق",
        ARTICLES[1]["summary"]: "درّب برنامج Better Work بنغلاديش حتى الآن لجان السلامة في ألف "
        "مصنع للملابس على الوقاية من الحرائق والإخلاء.",
        ARTICLES[1]["body"]: "يتعلم أعضاء اللجان فحص مخارج الطوارئ وتنظيم تدريبات الإخلاء "
        "والإبلاغ عن المخاطر إلى الإدارة، مع دورات تنشيطية كل عام.",
        ARTICLES[2]["title"]: "وحدات التدريب متاحة الآن بثماني لغات",
        ARTICLES[2]["summary"]: "تتيح المكتبة العالمية وحدات التدريب الخاصة بـ Better Work "
        "بالإنجليزية والفرنسية والإسبانية والعربية والخميرية والفيتنامية والبنغالية "
        "والإندونيسية.",
        ARTICLES[2]["body"]: "يمكن للمدربين تنزيل دليل كل وحدة ومطبوعاتها وشرائحها بلغة العمال في "
        "المصنع، وتكييفها مع قانون العمل في بلدهم.",
    },
    "km": {
        "News": "ព័ត៌មាន",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "ព្រឹត្តិការណ៍ថ្មីៗក្នុងកម្មវិធីប្រចាំប្រទេសរបស់ Better Work និងក្នុងវិស័យកាត់ដេរសកល។",
        ARTICLES[0]["title"]: "សន្និសីទប្រចាំឆ្នាំរបស់ Better Work វៀតណាម អបអរខួបដប់ឆ្នាំនៃការសន្ទនាក្នុងរោងចក្រ",
        ARTICLES[0]["summary"]: "និយោជក សហជីព ម៉ាកយីហោ និងក្រសួងការងារ បានជួបជុំគ្នានៅទីក្រុងហូជីមិញ "
        "ដើម្បីពិនិត្យឡើងវិញនូវការងាររយៈពេលមួយទសវត្សរ៍នៃគណៈកម្មាធិការកម្មករ និងគ្រប់គ្រង។",
        ARTICLES[0]["body"]: "អ្នកចូលរួមជាង ៤០០ នាក់ បានពិភាក្សាអំពីរបៀបដែលគណៈកម្មាធិការទ្វេភាគី "
        "បានកាត់បន្ថយការងារបន្ថែមម៉ោងហួសកម្រិត និងធ្វើឱ្យប្រាក់ឈ្នួលកាន់តែមានតម្លាភាព "
        "នៅក្នុងរោងចក្រជាង ៥០០។",
        ARTICLES[1]["title"]: "បង់ក្លាដែស៖ គណៈកម្មាធិការសុវត្ថិភាពមួយពាន់ "
        "ទទួលបានការបណ្តុះបណ្តាលផ្នែកសុវត្ថិភាពអគ្គិភ័យ",
        ARTICLES[1]["summary"]: "Better Work បង់ក្លាដែស "
        "បានបណ្តុះបណ្តាលគណៈកម្មាធិការសុវត្ថិភាពនៃរោងចក្រកាត់ដេរមួយពាន់ "
        "លើការបង្ការអគ្គិភ័យ និងការជម្លៀសចេញ។",
        ARTICLES[1]["body"]: "សមាជិកគណៈកម្មាធិការរៀនត្រួតពិនិត្យច្រកចេញ "
        "រៀបចំការហ្វឹកហាត់ជម្លៀស និងរាយការណ៍ពីគ្រោះថ្នាក់ទៅថ្នាក់គ្រប់គ្រង "
        "ដោយមានវគ្គរំលឹកឡើងវិញជារៀងរាល់ឆ្នាំ។",
        ARTICLES[2]["title"]: "ម៉ូឌុលបណ្តុះបណ្តាលមានជាប្រាំបីភាសាហើយ",
        ARTICLES[2]["summary"]: "បណ្ណាល័យសកលផ្តល់ម៉ូឌុលបណ្តុះបណ្តាលរបស់ Better Work "
        "ជាភាសាអង់គ្លេស បារាំង អេស្ប៉ាញ អារ៉ាប់ ខ្មែរ វៀតណាម បង់ក្លា និងឥណ្ឌូណេស៊ី។",
        ARTICLES[2]["body"]: "គ្រូបង្គោលអាចទាញយកសៀវភៅណែនាំ ឯកសារចែក "
        "និងស្លាយនៃម៉ូឌុលនីមួយៗជាភាសារបស់កម្មករ "
        "ហើយកែសម្រួលវាតាមច្បាប់ការងារនៃប្រទេសរបស់ខ្លួន។",
    },
    "vi": {
        "News": "Tin tức",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "Những hoạt động mới trong các chương trình quốc gia của Better Work và "
        "trong ngành may mặc toàn cầu.",
        ARTICLES[0]["title"]: "Hội nghị thường niên Better Work Việt Nam đánh dấu mười năm đối "
        "thoại tại nhà máy",
        ARTICLES[0]["summary"]: "Người sử dụng lao động, công đoàn, nhãn hàng và Bộ Lao động đã "
        "họp tại Thành phố Hồ Chí Minh để nhìn lại một thập kỷ hoạt động của các ủy ban người "
        "lao động và quản lý.",
        ARTICLES[0]["body"]: "Hơn 400 đại biểu đã thảo luận cách các ủy ban hai bên giúp giảm "
        "làm thêm giờ quá mức và minh bạch tiền lương tại hơn 500 nhà máy.",
        ARTICLES[1]["title"]: "Bangladesh: một nghìn ủy ban an toàn được đào tạo về an toàn "
        "phòng cháy",
        ARTICLES[1]["summary"]: "Better Work Bangladesh đã đào tạo ủy ban an toàn của một nghìn "
        "nhà máy may về phòng cháy và sơ tán.",
        ARTICLES[1]["body"]: "Thành viên ủy ban học cách kiểm tra lối thoát hiểm, tổ chức diễn "
        "tập sơ tán và báo cáo mối nguy cho ban quản lý, với các buổi bồi dưỡng hằng năm.",
        ARTICLES[2]["title"]: "Các học phần đào tạo nay có bằng tám ngôn ngữ",
        ARTICLES[2]["summary"]: "Thư viện toàn cầu cung cấp các học phần đào tạo của Better "
        "Work bằng tiếng Anh, Pháp, Tây Ban Nha, Ả Rập, Khmer, Việt, Bengal và Indonesia.",
        ARTICLES[2]["body"]: "Giảng viên có thể tải hướng dẫn, tài liệu phát tay và trang trình "
        "chiếu của từng học phần bằng ngôn ngữ của công nhân và điều chỉnh theo luật lao động "
        "của nước mình.",
    },
    "bn": {
        "News": "সংবাদ",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "Better Work-এর দেশভিত্তিক কর্মসূচি ও বৈশ্বিক পোশাক খাতে কী ঘটছে।",
        ARTICLES[0]["title"]: "Better Work ভিয়েতনামের বার্ষিক সম্মেলনে কারখানায় সংলাপের দশ বছর উদ্‌যাপন",
        ARTICLES[0]["summary"]: "নিয়োগকর্তা, ট্রেড ইউনিয়ন, ব্র্যান্ড ও শ্রম মন্ত্রণালয় হো চি মিন সিটিতে "
        "মিলিত হয়ে শ্রমিক-ব্যবস্থাপনা কমিটির এক দশকের কাজ পর্যালোচনা করেছে।",
        ARTICLES[0]["body"]: "৪০০-এর বেশি অংশগ্রহণকারী আলোচনা করেন কীভাবে দ্বিপক্ষীয় কমিটিগুলো "
        "৫০০-এর বেশি কারখানায় অতিরিক্ত ওভারটাইম কমিয়েছে এবং মজুরির স্বচ্ছতা বাড়িয়েছে।",
        ARTICLES[1]["title"]: "বাংলাদেশ: এক হাজার নিরাপত্তা কমিটি অগ্নি নিরাপত্তায় প্রশিক্ষিত",
        ARTICLES[1]["summary"]: "Better Work বাংলাদেশ এ পর্যন্ত এক হাজার পোশাক কারখানার নিরাপত্তা "
        "কমিটিকে অগ্নি প্রতিরোধ ও নিরাপদে বের হওয়ার বিষয়ে প্রশিক্ষণ দিয়েছে।",
        ARTICLES[1]["body"]: "কমিটির সদস্যরা বের হওয়ার পথ পরিদর্শন, মহড়া পরিচালনা এবং ঝুঁকির কথা "
        "ব্যবস্থাপনাকে জানাতে শেখেন, প্রতি বছর রিফ্রেশার সেশনসহ।",
        ARTICLES[2]["title"]: "প্রশিক্ষণ মডিউল এখন আটটি ভাষায় পাওয়া যাচ্ছে",
        ARTICLES[2]["summary"]: "বৈশ্বিক লাইব্রেরিতে Better Work-এর প্রশিক্ষণ মডিউল ইংরেজি, ফরাসি, "
        "স্প্যানিশ, আরবি, খেমার, ভিয়েতনামি, বাংলা ও ইন্দোনেশীয় ভাষায় রয়েছে।",
        ARTICLES[2]["body"]: "প্রশিক্ষকেরা প্রতিটি মডিউলের গাইড, হ্যান্ডআউট ও স্লাইড কারখানার "
        "শ্রমিকদের ভাষায় ডাউনলোড করে নিজ দেশের শ্রম আইনের সঙ্গে মানিয়ে নিতে পারেন।",
    },
    "id": {
        "News": "Berita",
        "What is happening in Better Work's country programmes and across the global apparel "
        "sector.": "Perkembangan terbaru program negara Better Work dan sektor garmen global.",
        ARTICLES[0]["title"]: "Konferensi tahunan Better Work Vietnam menandai sepuluh tahun "
        "dialog di pabrik",
        ARTICLES[0]["summary"]: "Pengusaha, serikat pekerja, merek, dan Kementerian Tenaga Kerja "
        "bertemu di Kota Ho Chi Minh untuk meninjau satu dekade komite pekerja dan manajemen.",
        ARTICLES[0]["body"]: "Lebih dari 400 peserta membahas bagaimana komite bipartit telah "
        "mengurangi lembur berlebihan dan meningkatkan transparansi upah di lebih dari 500 "
        "pabrik.",
        ARTICLES[1]["title"]: "Bangladesh: seribu komite keselamatan dilatih keselamatan kebakaran",
        ARTICLES[1]["summary"]: "Better Work Bangladesh kini telah melatih komite keselamatan "
        "di seribu pabrik garmen tentang pencegahan kebakaran dan evakuasi.",
        ARTICLES[1]["body"]: "Anggota komite belajar memeriksa pintu keluar, menjalankan latihan "
        "evakuasi, dan melaporkan bahaya kepada manajemen, dengan sesi penyegaran setiap tahun.",
        ARTICLES[2]["title"]: "Modul pelatihan kini tersedia dalam delapan bahasa",
        ARTICLES[2]["summary"]: "Perpustakaan global menyediakan modul pelatihan Better Work "
        "dalam bahasa Inggris, Prancis, Spanyol, Arab, Khmer, Vietnam, Bengali, dan Indonesia.",
        ARTICLES[2]["body"]: "Pelatih dapat mengunduh panduan, handout, dan slide setiap modul "
        "dalam bahasa para pekerja di pabrik dan menyesuaikannya dengan hukum ketenagakerjaan "
        "negaranya.",
    },
}
