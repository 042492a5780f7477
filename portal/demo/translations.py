"""Demo translations of seeded content, fed to wagtail-localize as translation memory so the
demo shows real text in each language. Strings missing here fall back to English.

Keys are the exact English source strings of `seed.py` and `taxonomy_data.py` (page titles,
intros, block headings and texts, countries, industries, topics, audiences, CAT clusters and
compliance points); a test checks that every key is a seeded string and that fr, es, ar and
vi translate all of them. Terminology follows Better Work / ILO usage in each language;
"Better Work" stays a proper name except in Arabic and Bengali, where the programme is
known by its local name."""

from .country_intros import intro_translations

DEMO_TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        # Pages: home
        "Better Work knowledge portal": "Portail de connaissances Better Work",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "Formations, outils et données de conformité pour des emplois de meilleure qualité "
            "dans les chaînes d’approvisionnement mondiales."
        ),
        "Better work, better business": "Un meilleur travail, de meilleures affaires",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): (
            "Trouvez des modules de formation, des politiques types et des guides dans votre "
            "langue, pour votre pays et votre secteur."
        ),
        "Featured resources": "Ressources à la une",
        "Latest discussions": "Dernières discussions",
        "Compliance at a glance": "La conformité en un coup d’œil",
        "Aggregate non-compliance rates across Better Work countries.": (
            "Taux agrégés de non-conformité dans les pays de Better Work."
        ),
        "Join a community of practice": "Rejoignez une communauté de pratique",
        "Trainers and enterprise advisors share what works.": (
            "Formateurs et conseillers d’entreprise partagent ce qui fonctionne."
        ),
        "Learn more": "En savoir plus",
        # Pages: about
        "About the portal": "À propos du portail",
        "One place for Better Work's global and country knowledge.": (
            "Un lieu unique pour les connaissances mondiales et nationales de Better Work."
        ),
        "What you will find here": "Ce que vous trouverez ici",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "Modules de formation, politiques types, guides de bonnes pratiques, supports de "
            "sensibilisation des travailleurs et outils d’autoformation, en de nombreuses langues."
        ),
        # Pages: countries
        "Countries": "Pays",
        "Better Work country programmes and their resources.": (
            "Les programmes nationaux de Better Work et leurs ressources."
        ),
        "Resources": "Ressources",
        "Communities": "Communautés",
        "Compliance summary": "Synthèse de la conformité",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "Bangladesh",
        "Cambodia": "Cambodge",
        "Egypt": "Égypte",
        "Ethiopia": "Éthiopie",
        "Haiti": "Haïti",
        "Indonesia": "Indonésie",
        "Jordan": "Jordanie",
        "Lesotho": "Lesotho",
        "Nicaragua": "Nicaragua",
        "Pakistan": "Pakistan",
        "Sri Lanka": "Sri Lanka",
        "Vietnam": "Viet Nam",
        # Country page introductions
        # Industries
        "Apparel": "Habillement",
        "Footwear": "Chaussures",
        "Travel goods": "Articles de voyage",
        "Agribusiness": "Agro-industrie",
        "Electronics": "Électronique",
        "Light manufacturing": "Industrie manufacturière légère",
        "Tourism": "Tourisme",
        "Construction": "Construction",
        "Transport": "Transport",
        # Topics
        "Occupational safety and health": "Sécurité et santé au travail",
        "Wages and working time": "Salaires et temps de travail",
        "Gender equality": "Égalité entre femmes et hommes",
        "Social dialogue": "Dialogue social",
        "Sexual harassment prevention": "Prévention du harcèlement sexuel",
        "Productivity": "Productivité",
        "Supervisory skills": "Compétences d’encadrement",
        "Worker wellbeing": "Bien-être des travailleurs",
        # Audiences
        "Trainers": "Formateurs",
        "Enterprise advisors": "Conseillers d’entreprise",
        "Factory managers": "Directeurs d’usine",
        "HR officers": "Responsables des ressources humaines",
        "OSH officers": "Responsables SST",
        "Supervisors": "Superviseurs",
        "Workers": "Travailleurs",
        "Buyers": "Acheteurs",
        # CAT clusters
        "Child Labour": "Travail des enfants",
        "Discrimination": "Discrimination",
        "Forced Labour": "Travail forcé",
        "Freedom of Association and Collective Bargaining": (
            "Liberté syndicale et négociation collective"
        ),
        "Compensation": "Rémunération",
        "Contracts and Human Resources": "Contrats et ressources humaines",
        "Occupational Safety and Health": "Sécurité et santé au travail",
        "Working Time": "Temps de travail",
        # Compliance points: Child Labour
        "Child Labourers": "Enfants travailleurs",
        "Hazardous Work and other Worst Forms": "Travaux dangereux et autres pires formes",
        "Documentation and Protection of Young Workers": (
            "Documentation et protection des jeunes travailleurs"
        ),
        # Compliance points: Discrimination
        "Gender": "Genre",
        "Race and Origin": "Race et origine",
        "Religion and Political Opinion": "Religion et opinion politique",
        "Other Grounds": "Autres motifs",
        # Compliance points: Forced Labour
        "Coercion": "Coercition",
        "Forced Labour and Overtime": "Travail forcé et heures supplémentaires",
        "Bonded Labour": "Servitude pour dettes",
        "Prison Labour": "Travail pénitentiaire",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "Liberté d’association",
        "Interference and Discrimination": "Ingérence et discrimination",
        "Collective Bargaining": "Négociation collective",
        "Strikes": "Grèves",
        "Union Operations": "Fonctionnement des syndicats",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "Salaire minimum / salaire aux pièces",
        "Overtime Wages": "Rémunération des heures supplémentaires",
        "Method of Payment": "Mode de paiement",
        "Paid Leave": "Congés payés",
        "Social Security and Other Benefits": "Sécurité sociale et autres prestations",
        "Wage Information, Use and Deduction": (
            "Information sur les salaires, utilisation et retenues"
        ),
        "Premium Pay": "Majorations de salaire",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "Contrats de travail",
        "Contracting Procedures": "Procédures d’embauche",
        "Dialogue, Discipline and Disputes": "Dialogue, discipline et différends",
        "Termination": "Cessation de la relation de travail",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "Systèmes de gestion de la SST",
        "Chemicals and Hazardous Substances": "Produits chimiques et substances dangereuses",
        "Emergency Preparedness": "Préparation aux situations d’urgence",
        "Welfare Facilities": "Installations sociales",
        "Worker Protection": "Protection des travailleurs",
        "Health Services and First Aid": "Services de santé et premiers secours",
        "Working Environment": "Environnement de travail",
        "Worker Accommodation": "Hébergement des travailleurs",
        # Compliance points: Working Time
        "Regular Hours": "Durée normale du travail",
        "Overtime": "Heures supplémentaires",
        "Leave": "Congés",
    },
    "es": {
        # Pages: home
        "Better Work knowledge portal": "Portal de conocimiento de Better Work",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "Formación, herramientas y datos de cumplimiento para mejores empleos en las cadenas "
            "mundiales de suministro."
        ),
        "Better work, better business": "Mejor trabajo, mejores negocios",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): (
            "Encuentre módulos de formación, políticas modelo y guías en su idioma, para su país y "
            "su sector."
        ),
        "Featured resources": "Recursos destacados",
        "Latest discussions": "Últimos debates",
        "Compliance at a glance": "El cumplimiento de un vistazo",
        "Aggregate non-compliance rates across Better Work countries.": (
            "Tasas agregadas de incumplimiento en los países de Better Work."
        ),
        "Join a community of practice": "Únase a una comunidad de práctica",
        "Trainers and enterprise advisors share what works.": (
            "Formadores y asesores empresariales comparten lo que funciona."
        ),
        "Learn more": "Más información",
        # Pages: about
        "About the portal": "Acerca del portal",
        "One place for Better Work's global and country knowledge.": (
            "Un único lugar para el conocimiento mundial y nacional de Better Work."
        ),
        "What you will find here": "Qué encontrará aquí",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "Módulos de formación, políticas modelo, guías de buenas prácticas, material de "
            "sensibilización para trabajadores y herramientas de autoaprendizaje, en muchos "
            "idiomas."
        ),
        # Pages: countries
        "Countries": "Países",
        "Better Work country programmes and their resources.": (
            "Los programas nacionales de Better Work y sus recursos."
        ),
        "Resources": "Recursos",
        "Communities": "Comunidades",
        "Compliance summary": "Resumen del cumplimiento",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "Bangladesh",
        "Cambodia": "Camboya",
        "Egypt": "Egipto",
        "Ethiopia": "Etiopía",
        "Haiti": "Haití",
        "Indonesia": "Indonesia",
        "Jordan": "Jordania",
        "Lesotho": "Lesotho",
        "Nicaragua": "Nicaragua",
        "Pakistan": "Pakistán",
        "Sri Lanka": "Sri Lanka",
        "Vietnam": "Viet Nam",
        # Country page introductions
        # Industries
        "Apparel": "Confección",
        "Footwear": "Calzado",
        "Travel goods": "Artículos de viaje",
        "Agribusiness": "Agroindustria",
        "Electronics": "Electrónica",
        "Light manufacturing": "Manufactura ligera",
        "Tourism": "Turismo",
        "Construction": "Construcción",
        "Transport": "Transporte",
        # Topics
        "Occupational safety and health": "Seguridad y salud en el trabajo",
        "Wages and working time": "Salarios y tiempo de trabajo",
        "Gender equality": "Igualdad de género",
        "Social dialogue": "Diálogo social",
        "Sexual harassment prevention": "Prevención del acoso sexual",
        "Productivity": "Productividad",
        "Supervisory skills": "Habilidades de supervisión",
        "Worker wellbeing": "Bienestar de los trabajadores",
        # Audiences
        "Trainers": "Formadores",
        "Enterprise advisors": "Asesores empresariales",
        "Factory managers": "Gerentes de fábrica",
        "HR officers": "Responsables de recursos humanos",
        "OSH officers": "Responsables de SST",
        "Supervisors": "Supervisores",
        "Workers": "Trabajadores",
        "Buyers": "Compradores",
        # CAT clusters
        "Child Labour": "Trabajo infantil",
        "Discrimination": "Discriminación",
        "Forced Labour": "Trabajo forzoso",
        "Freedom of Association and Collective Bargaining": (
            "Libertad sindical y negociación colectiva"
        ),
        "Compensation": "Remuneración",
        "Contracts and Human Resources": "Contratos y recursos humanos",
        "Occupational Safety and Health": "Seguridad y salud en el trabajo",
        "Working Time": "Tiempo de trabajo",
        # Compliance points: Child Labour
        "Child Labourers": "Niños trabajadores",
        "Hazardous Work and other Worst Forms": "Trabajo peligroso y otras peores formas",
        "Documentation and Protection of Young Workers": (
            "Documentación y protección de los trabajadores jóvenes"
        ),
        # Compliance points: Discrimination
        "Gender": "Género",
        "Race and Origin": "Raza y origen",
        "Religion and Political Opinion": "Religión y opinión política",
        "Other Grounds": "Otros motivos",
        # Compliance points: Forced Labour
        "Coercion": "Coacción",
        "Forced Labour and Overtime": "Trabajo forzoso y horas extraordinarias",
        "Bonded Labour": "Servidumbre por deudas",
        "Prison Labour": "Trabajo penitenciario",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "Libertad de asociación",
        "Interference and Discrimination": "Injerencia y discriminación",
        "Collective Bargaining": "Negociación colectiva",
        "Strikes": "Huelgas",
        "Union Operations": "Funcionamiento de los sindicatos",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "Salario mínimo / salario a destajo",
        "Overtime Wages": "Pago de horas extraordinarias",
        "Method of Payment": "Forma de pago",
        "Paid Leave": "Licencias remuneradas",
        "Social Security and Other Benefits": "Seguridad social y otras prestaciones",
        "Wage Information, Use and Deduction": "Información, uso y deducciones salariales",
        "Premium Pay": "Recargos salariales",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "Contratos de trabajo",
        "Contracting Procedures": "Procedimientos de contratación",
        "Dialogue, Discipline and Disputes": "Diálogo, disciplina y conflictos",
        "Termination": "Terminación de la relación de trabajo",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "Sistemas de gestión de la SST",
        "Chemicals and Hazardous Substances": "Productos químicos y sustancias peligrosas",
        "Emergency Preparedness": "Preparación para emergencias",
        "Welfare Facilities": "Instalaciones de bienestar",
        "Worker Protection": "Protección de los trabajadores",
        "Health Services and First Aid": "Servicios de salud y primeros auxilios",
        "Working Environment": "Entorno de trabajo",
        "Worker Accommodation": "Alojamiento de los trabajadores",
        # Compliance points: Working Time
        "Regular Hours": "Jornada ordinaria",
        "Overtime": "Horas extraordinarias",
        "Leave": "Licencias",
    },
    "ar": {
        # Pages: home
        "Better Work knowledge portal": "بوابة المعرفة لبرنامج عمل أفضل",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "تدريب وأدوات وبيانات امتثال من أجل وظائف أفضل في سلاسل التوريد العالمية."
        ),
        "Better work, better business": "عمل أفضل، أعمال أفضل",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): ("اعثر على وحدات تدريبية وسياسات نموذجية وأدلة إرشادية بلغتك، تناسب بلدك وقطاعك."),
        "Featured resources": "موارد مختارة",
        "Latest discussions": "أحدث النقاشات",
        "Compliance at a glance": "نظرة سريعة على الامتثال",
        "Aggregate non-compliance rates across Better Work countries.": (
            "معدلات عدم الامتثال الإجمالية في البلدان المشاركة في برنامج عمل أفضل."
        ),
        "Join a community of practice": "انضم إلى مجتمع ممارسة",
        "Trainers and enterprise advisors share what works.": (
            "يتبادل المدربون ومستشارو المنشآت التجارب الناجحة."
        ),
        "Learn more": "اعرف المزيد",
        # Pages: about
        "About the portal": "حول البوابة",
        "One place for Better Work's global and country knowledge.": (
            "مكان واحد يجمع معارف برنامج عمل أفضل على المستويين العالمي والقُطري."
        ),
        "What you will find here": "ما ستجده هنا",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "وحدات تدريبية وسياسات نموذجية وأدلة للممارسات الجيدة ومواد لتوعية العمال وأدوات "
            "للتعلّم الذاتي، بلغات عديدة."
        ),
        # Pages: countries
        "Countries": "البلدان",
        "Better Work country programmes and their resources.": (
            "البرامج القُطرية لبرنامج عمل أفضل ومواردها."
        ),
        "Resources": "الموارد",
        "Communities": "المجتمعات",
        "Compliance summary": "ملخص الامتثال",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "بنغلاديش",
        "Cambodia": "كمبوديا",
        "Egypt": "مصر",
        "Ethiopia": "إثيوبيا",
        "Haiti": "هايتي",
        "Indonesia": "إندونيسيا",
        "Jordan": "الأردن",
        "Lesotho": "ليسوتو",
        "Nicaragua": "نيكاراغوا",
        "Pakistan": "باكستان",
        "Sri Lanka": "سريلانكا",
        "Vietnam": "فيتنام",
        # Country page introductions
        # Industries
        "Apparel": "الملابس الجاهزة",
        "Footwear": "الأحذية",
        "Travel goods": "مستلزمات السفر",
        "Agribusiness": "الأعمال الزراعية",
        "Electronics": "الإلكترونيات",
        "Light manufacturing": "الصناعات الخفيفة",
        "Tourism": "السياحة",
        "Construction": "البناء",
        "Transport": "النقل",
        # Topics
        "Occupational safety and health": "السلامة والصحة المهنيتان",
        "Wages and working time": "الأجور وساعات العمل",
        "Gender equality": "المساواة بين الجنسين",
        "Social dialogue": "الحوار الاجتماعي",
        "Sexual harassment prevention": "الوقاية من التحرش الجنسي",
        "Productivity": "الإنتاجية",
        "Supervisory skills": "المهارات الإشرافية",
        "Worker wellbeing": "رفاه العمال",
        # Audiences
        "Trainers": "المدربون",
        "Enterprise advisors": "مستشارو المنشآت",
        "Factory managers": "مديرو المصانع",
        "HR officers": "موظفو الموارد البشرية",
        "OSH officers": "مسؤولو السلامة والصحة المهنية",
        "Supervisors": "المشرفون",
        "Workers": "العمال",
        "Buyers": "المشترون",
        # CAT clusters
        "Child Labour": "عمل الأطفال",
        "Discrimination": "التمييز",
        "Forced Labour": "العمل الجبري",
        "Freedom of Association and Collective Bargaining": "الحرية النقابية والمفاوضة الجماعية",
        "Compensation": "الأجور والمستحقات",
        "Contracts and Human Resources": "العقود والموارد البشرية",
        "Occupational Safety and Health": "السلامة والصحة المهنيتان",
        "Working Time": "وقت العمل",
        # Compliance points: Child Labour
        "Child Labourers": "الأطفال العاملون",
        "Hazardous Work and other Worst Forms": "الأعمال الخطرة وغيرها من أسوأ الأشكال",
        "Documentation and Protection of Young Workers": "توثيق بيانات العمال الأحداث وحمايتهم",
        # Compliance points: Discrimination
        "Gender": "النوع الاجتماعي",
        "Race and Origin": "العرق والأصل",
        "Religion and Political Opinion": "الدين والرأي السياسي",
        "Other Grounds": "أسس أخرى",
        # Compliance points: Forced Labour
        "Coercion": "الإكراه",
        "Forced Labour and Overtime": "العمل الجبري والعمل الإضافي",
        "Bonded Labour": "العمل لسداد الديون",
        "Prison Labour": "عمل السجناء",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "حرية تكوين النقابات والانضمام إليها",
        "Interference and Discrimination": "التدخل والتمييز",
        "Collective Bargaining": "المفاوضة الجماعية",
        "Strikes": "الإضرابات",
        "Union Operations": "عمل النقابات",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "الحد الأدنى للأجور / الأجر بالقطعة",
        "Overtime Wages": "أجور العمل الإضافي",
        "Method of Payment": "طريقة دفع الأجور",
        "Paid Leave": "الإجازات مدفوعة الأجر",
        "Social Security and Other Benefits": "الضمان الاجتماعي والمزايا الأخرى",
        "Wage Information, Use and Deduction": "معلومات الأجور واستخدامها والاقتطاع منها",
        "Premium Pay": "العلاوات",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "عقود العمل",
        "Contracting Procedures": "إجراءات التعاقد",
        "Dialogue, Discipline and Disputes": "الحوار والتأديب والنزاعات",
        "Termination": "إنهاء الخدمة",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "أنظمة إدارة السلامة والصحة المهنيتين",
        "Chemicals and Hazardous Substances": "المواد الكيميائية والمواد الخطرة",
        "Emergency Preparedness": "التأهب لحالات الطوارئ",
        "Welfare Facilities": "مرافق الرعاية",
        "Worker Protection": "حماية العمال",
        "Health Services and First Aid": "الخدمات الصحية والإسعافات الأولية",
        "Working Environment": "بيئة العمل",
        "Worker Accommodation": "سكن العمال",
        # Compliance points: Working Time
        "Regular Hours": "ساعات العمل العادية",
        "Overtime": "العمل الإضافي",
        "Leave": "الإجازات",
    },
    "vi": {
        # Pages: home
        "Better Work knowledge portal": "Cổng tri thức Better Work",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "Đào tạo, công cụ và dữ liệu tuân thủ vì việc làm tốt hơn trong chuỗi cung ứng toàn "
            "cầu."
        ),
        "Better work, better business": "Việc làm tốt hơn, kinh doanh hiệu quả hơn",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): (
            "Tìm học phần đào tạo, chính sách mẫu và tài liệu hướng dẫn bằng ngôn ngữ của bạn, phù "
            "hợp với quốc gia và ngành của bạn."
        ),
        "Featured resources": "Tài liệu nổi bật",
        "Latest discussions": "Thảo luận mới nhất",
        "Compliance at a glance": "Tổng quan về tuân thủ",
        "Aggregate non-compliance rates across Better Work countries.": (
            "Tỷ lệ không tuân thủ tổng hợp tại các quốc gia có chương trình Better Work."
        ),
        "Join a community of practice": "Tham gia cộng đồng thực hành",
        "Trainers and enterprise advisors share what works.": (
            "Giảng viên và chuyên viên tư vấn doanh nghiệp chia sẻ những cách làm hiệu quả."
        ),
        "Learn more": "Tìm hiểu thêm",
        # Pages: about
        "About the portal": "Giới thiệu cổng thông tin",
        "One place for Better Work's global and country knowledge.": (
            "Nơi tập hợp tri thức toàn cầu và quốc gia của Better Work."
        ),
        "What you will find here": "Bạn sẽ tìm thấy gì ở đây",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "Học phần đào tạo, chính sách mẫu, hướng dẫn thực hành tốt, tài liệu nâng cao nhận "
            "thức cho người lao động và công cụ tự học, bằng nhiều ngôn ngữ."
        ),
        # Pages: countries
        "Countries": "Các quốc gia",
        "Better Work country programmes and their resources.": (
            "Các chương trình quốc gia của Better Work và tài liệu của từng chương trình."
        ),
        "Resources": "Tài liệu",
        "Communities": "Cộng đồng",
        "Compliance summary": "Tóm tắt tình hình tuân thủ",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "Bangladesh",
        "Cambodia": "Campuchia",
        "Egypt": "Ai Cập",
        "Ethiopia": "Ethiopia",
        "Haiti": "Haiti",
        "Indonesia": "Indonesia",
        "Jordan": "Jordan",
        "Lesotho": "Lesotho",
        "Nicaragua": "Nicaragua",
        "Pakistan": "Pakistan",
        "Sri Lanka": "Sri Lanka",
        "Vietnam": "Việt Nam",
        # Country page introductions
        # Industries
        "Apparel": "May mặc",
        "Footwear": "Giày dép",
        "Travel goods": "Túi xách và đồ du lịch",
        "Agribusiness": "Kinh doanh nông nghiệp",
        "Electronics": "Điện tử",
        "Light manufacturing": "Công nghiệp nhẹ",
        "Tourism": "Du lịch",
        "Construction": "Xây dựng",
        "Transport": "Vận tải",
        # Topics
        "Occupational safety and health": "An toàn, vệ sinh lao động",
        "Wages and working time": "Tiền lương và thời giờ làm việc",
        "Gender equality": "Bình đẳng giới",
        "Social dialogue": "Đối thoại xã hội",
        "Sexual harassment prevention": "Phòng chống quấy rối tình dục",
        "Productivity": "Năng suất",
        "Supervisory skills": "Kỹ năng giám sát",
        "Worker wellbeing": "Phúc lợi người lao động",
        # Audiences
        "Trainers": "Giảng viên",
        "Enterprise advisors": "Chuyên viên tư vấn doanh nghiệp",
        "Factory managers": "Quản lý nhà máy",
        "HR officers": "Cán bộ nhân sự",
        "OSH officers": "Cán bộ an toàn, vệ sinh lao động",
        "Supervisors": "Người giám sát",
        "Workers": "Người lao động",
        "Buyers": "Nhãn hàng",
        # CAT clusters
        "Child Labour": "Lao động trẻ em",
        "Discrimination": "Phân biệt đối xử",
        "Forced Labour": "Lao động cưỡng bức",
        "Freedom of Association and Collective Bargaining": (
            "Tự do hiệp hội và thương lượng tập thể"
        ),
        "Compensation": "Tiền lương và phúc lợi",
        "Contracts and Human Resources": "Hợp đồng và quản lý nhân sự",
        "Occupational Safety and Health": "An toàn, vệ sinh lao động",
        "Working Time": "Thời giờ làm việc",
        # Compliance points: Child Labour
        "Child Labourers": "Sử dụng lao động trẻ em",
        "Hazardous Work and other Worst Forms": (
            "Công việc nguy hiểm và các hình thức tồi tệ nhất khác"
        ),
        "Documentation and Protection of Young Workers": "Hồ sơ và bảo vệ lao động chưa thành niên",
        # Compliance points: Discrimination
        "Gender": "Giới",
        "Race and Origin": "Chủng tộc và nguồn gốc",
        "Religion and Political Opinion": "Tôn giáo và quan điểm chính trị",
        "Other Grounds": "Các lý do khác",
        # Compliance points: Forced Labour
        "Coercion": "Ép buộc",
        "Forced Labour and Overtime": "Lao động cưỡng bức và làm thêm giờ",
        "Bonded Labour": "Lao động gán nợ",
        "Prison Labour": "Lao động phạm nhân",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "Quyền tự do hiệp hội",
        "Interference and Discrimination": "Can thiệp và phân biệt đối xử",
        "Collective Bargaining": "Thương lượng tập thể",
        "Strikes": "Đình công",
        "Union Operations": "Hoạt động công đoàn",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "Lương tối thiểu / Lương sản phẩm",
        "Overtime Wages": "Lương làm thêm giờ",
        "Method of Payment": "Phương thức trả lương",
        "Paid Leave": "Nghỉ phép có hưởng lương",
        "Social Security and Other Benefits": "Bảo hiểm xã hội và các phúc lợi khác",
        "Wage Information, Use and Deduction": "Thông tin, sử dụng và khấu trừ tiền lương",
        "Premium Pay": "Tiền lương trả thêm",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "Hợp đồng lao động",
        "Contracting Procedures": "Thủ tục giao kết hợp đồng",
        "Dialogue, Discipline and Disputes": "Đối thoại, kỷ luật và tranh chấp",
        "Termination": "Chấm dứt hợp đồng lao động",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "Hệ thống quản lý an toàn, vệ sinh lao động",
        "Chemicals and Hazardous Substances": "Hóa chất và chất nguy hại",
        "Emergency Preparedness": "Sẵn sàng ứng phó tình huống khẩn cấp",
        "Welfare Facilities": "Công trình phúc lợi",
        "Worker Protection": "Bảo vệ người lao động",
        "Health Services and First Aid": "Dịch vụ y tế và sơ cứu",
        "Working Environment": "Môi trường làm việc",
        "Worker Accommodation": "Chỗ ở cho người lao động",
        # Compliance points: Working Time
        "Regular Hours": "Giờ làm việc bình thường",
        "Overtime": "Làm thêm giờ",
        "Leave": "Nghỉ phép",
    },
    "km": {
        # Pages: home
        "Better Work knowledge portal": "វិបផតថលចំណេះដឹង Better Work",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "វគ្គបណ្តុះបណ្តាល ឧបករណ៍ និងទិន្នន័យអនុលោមភាព ដើម្បីការងារកាន់តែប្រសើរក្នុងខ្សែសង្វាក់ផ្គត់ផ្គង់សកល។"
        ),
        "Better work, better business": "ការងារកាន់តែប្រសើរ អាជីវកម្មកាន់តែរីកចម្រើន",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): ("ស្វែងរកម៉ូឌុលបណ្តុះបណ្តាល គោលនយោបាយគំរូ និងសៀវភៅណែនាំជាភាសារបស់អ្នក សម្រាប់ប្រទេស និងវិស័យរបស់អ្នក។"),
        "Featured resources": "ធនធានពិសេស",
        "Latest discussions": "កិច្ចពិភាក្សាថ្មីៗ",
        "Compliance at a glance": "ទិដ្ឋភាពទូទៅនៃអនុលោមភាព",
        "Aggregate non-compliance rates across Better Work countries.": (
            "អត្រាមិនអនុលោមភាពសរុបនៅតាមបណ្តាប្រទេសដែលមានកម្មវិធី Better Work។"
        ),
        "Join a community of practice": "ចូលរួមជាមួយសហគមន៍អនុវត្តន៍",
        "Trainers and enterprise advisors share what works.": (
            "គ្រូបណ្តុះបណ្តាល និងទីប្រឹក្សាសហគ្រាសចែករំលែកបទពិសោធន៍ដែលមានប្រសិទ្ធភាព។"
        ),
        "Learn more": "ស្វែងយល់បន្ថែម",
        # Pages: about
        "About the portal": "អំពីវិបផតថល",
        "One place for Better Work's global and country knowledge.": (
            "កន្លែងតែមួយសម្រាប់ចំណេះដឹងសកល និងចំណេះដឹងប្រចាំប្រទេសរបស់ Better Work។"
        ),
        "What you will find here": "អ្វីដែលអ្នកនឹងរកឃើញនៅទីនេះ",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "ម៉ូឌុលបណ្តុះបណ្តាល គោលនយោបាយគំរូ សៀវភៅណែនាំអំពីការអនុវត្តល្អ "
            "សម្ភារៈលើកកម្ពស់ការយល់ដឹងរបស់កម្មករ និងឧបករណ៍សិក្សាដោយខ្លួនឯង ជាច្រើនភាសា។"
        ),
        # Pages: countries
        "Countries": "ប្រទេស",
        "Better Work country programmes and their resources.": (
            "កម្មវិធីប្រចាំប្រទេសរបស់ Better Work និងធនធានរបស់កម្មវិធីទាំងនោះ។"
        ),
        "Resources": "ធនធាន",
        "Communities": "សហគមន៍",
        "Compliance summary": "សេចក្តីសង្ខេបអំពីអនុលោមភាព",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "បង់ក្លាដែស",
        "Cambodia": "កម្ពុជា",
        "Egypt": "អេហ្ស៊ីប",
        "Ethiopia": "អេត្យូពី",
        "Haiti": "ហៃទី",
        "Indonesia": "ឥណ្ឌូណេស៊ី",
        "Jordan": "ហ្ស៊កដានី",
        "Lesotho": "ឡេសូតូ",
        "Nicaragua": "នីការ៉ាហ្គា",
        "Pakistan": "ប៉ាគីស្ថាន",
        "Sri Lanka": "ស្រីលង្កា",
        "Vietnam": "វៀតណាម",
        # Country page introductions
        # Industries
        "Apparel": "កាត់ដេរ",
        "Footwear": "ស្បែកជើង",
        "Travel goods": "កាបូប និងវ៉ាលីធ្វើដំណើរ",
        "Agribusiness": "កសិឧស្សាហកម្ម",
        "Electronics": "គ្រឿងអេឡិចត្រូនិក",
        "Light manufacturing": "ឧស្សាហកម្មស្រាល",
        "Tourism": "ទេសចរណ៍",
        "Construction": "សំណង់",
        "Transport": "ដឹកជញ្ជូន",
        # Topics
        "Occupational safety and health": "សុវត្ថិភាព និងសុខភាពការងារ",
        "Wages and working time": "ប្រាក់ឈ្នួល និងម៉ោងធ្វើការ",
        "Gender equality": "សមភាពយេនឌ័រ",
        "Social dialogue": "កិច្ចសន្ទនាសង្គម",
        "Sexual harassment prevention": "ការបង្ការការបៀតបៀនផ្លូវភេទ",
        "Productivity": "ផលិតភាព",
        "Supervisory skills": "ជំនាញត្រួតពិនិត្យការងារ",
        "Worker wellbeing": "សុខុមាលភាពកម្មករ",
        # Audiences
        "Trainers": "គ្រូបណ្តុះបណ្តាល",
        "Enterprise advisors": "ទីប្រឹក្សាសហគ្រាស",
        "Factory managers": "អ្នកគ្រប់គ្រងរោងចក្រ",
        "HR officers": "មន្ត្រីធនធានមនុស្ស",
        "OSH officers": "មន្ត្រីសុខភាព និងសុវត្ថិភាពការងារ",
        "Supervisors": "អ្នកត្រួតពិនិត្យ",
        "Workers": "កម្មករ",
        "Buyers": "អ្នកទិញ",
        # CAT clusters
        "Child Labour": "ពលកម្មកុមារ",
        "Discrimination": "ការរើសអើង",
        "Forced Labour": "ពលកម្មដោយបង្ខំ",
        "Freedom of Association and Collective Bargaining": "សេរីភាពសមាគម និងការចរចារួម",
        "Compensation": "ប្រាក់ឈ្នួល និងអត្ថប្រយោជន៍",
        "Contracts and Human Resources": "កិច្ចសន្យា និងធនធានមនុស្ស",
        "Occupational Safety and Health": "សុវត្ថិភាព និងសុខភាពការងារ",
        "Working Time": "ម៉ោងធ្វើការ",
        # Compliance points: Child Labour
        "Child Labourers": "កម្មករកុមារ",
        "Hazardous Work and other Worst Forms": "ការងារគ្រោះថ្នាក់ និងទម្រង់អាក្រក់បំផុតផ្សេងទៀត",
        "Documentation and Protection of Young Workers": "ឯកសារ និងការការពារកម្មករវ័យក្មេង",
        # Compliance points: Discrimination
        "Gender": "យេនឌ័រ",
        "Race and Origin": "ពូជសាសន៍ និងដើមកំណើត",
        "Religion and Political Opinion": "សាសនា និងមតិនយោបាយ",
        "Other Grounds": "មូលដ្ឋានផ្សេងទៀត",
        # Compliance points: Forced Labour
        "Coercion": "ការបង្ខិតបង្ខំ",
        "Forced Labour and Overtime": "ពលកម្មដោយបង្ខំ និងការងារបន្ថែមម៉ោង",
        "Bonded Labour": "ពលកម្មដោះបំណុល",
        "Prison Labour": "ពលកម្មអ្នកទោស",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "សេរីភាពក្នុងការបង្កើតសមាគម",
        "Interference and Discrimination": "ការជ្រៀតជ្រែក និងការរើសអើង",
        "Collective Bargaining": "ការចរចារួម",
        "Strikes": "កូដកម្ម",
        "Union Operations": "ប្រតិបត្តិការសហជីព",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "ប្រាក់ឈ្នួលអប្បបរមា / ប្រាក់ឈ្នួលតាមផលិតផល",
        "Overtime Wages": "ប្រាក់ឈ្នួលការងារបន្ថែមម៉ោង",
        "Method of Payment": "វិធីសាស្ត្របើកប្រាក់ឈ្នួល",
        "Paid Leave": "ការឈប់សម្រាកដោយមានប្រាក់ឈ្នួល",
        "Social Security and Other Benefits": "សន្តិសុខសង្គម និងអត្ថប្រយោជន៍ផ្សេងៗ",
        "Wage Information, Use and Deduction": ("ព័ត៌មានប្រាក់ឈ្នួល ការប្រើប្រាស់ និងការកាត់ប្រាក់ឈ្នួល"),
        "Premium Pay": "ប្រាក់បន្ថែម",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "កិច្ចសន្យាការងារ",
        "Contracting Procedures": "នីតិវិធីចុះកិច្ចសន្យា",
        "Dialogue, Discipline and Disputes": "កិច្ចសន្ទនា វិន័យ និងវិវាទ",
        "Termination": "ការបញ្ចប់កិច្ចសន្យាការងារ",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "ប្រព័ន្ធគ្រប់គ្រងសុវត្ថិភាព និងសុខភាពការងារ",
        "Chemicals and Hazardous Substances": "សារធាតុគីមី និងសារធាតុគ្រោះថ្នាក់",
        "Emergency Preparedness": "ការត្រៀមលក្ខណៈសម្រាប់ស្ថានភាពអាសន្ន",
        "Welfare Facilities": "សម្ភារៈបរិក្ខារសុខុមាលភាព",
        "Worker Protection": "ការការពារកម្មករ",
        "Health Services and First Aid": "សេវាសុខាភិបាល និងជំនួយសង្គ្រោះបឋម",
        "Working Environment": "បរិស្ថានការងារ",
        "Worker Accommodation": "កន្លែងស្នាក់នៅរបស់កម្មករ",
        # Compliance points: Working Time
        "Regular Hours": "ម៉ោងធ្វើការធម្មតា",
        "Overtime": "ការងារបន្ថែមម៉ោង",
        "Leave": "ការឈប់សម្រាក",
    },
    "id": {
        # Pages: home
        "Better Work knowledge portal": "Portal pengetahuan Better Work",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "Pelatihan, perangkat, dan data kepatuhan untuk pekerjaan yang lebih baik dalam rantai "
            "pasok global."
        ),
        "Better work, better business": "Kerja lebih baik, bisnis lebih baik",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): (
            "Temukan modul pelatihan, contoh kebijakan, dan panduan dalam bahasa Anda, untuk "
            "negara dan industri Anda."
        ),
        "Featured resources": "Sumber daya pilihan",
        "Latest discussions": "Diskusi terbaru",
        "Compliance at a glance": "Sekilas tentang kepatuhan",
        "Aggregate non-compliance rates across Better Work countries.": (
            "Tingkat ketidakpatuhan agregat di negara-negara Better Work."
        ),
        "Join a community of practice": "Bergabunglah dengan komunitas praktik",
        "Trainers and enterprise advisors share what works.": (
            "Pelatih dan penasihat perusahaan berbagi praktik yang berhasil."
        ),
        "Learn more": "Selengkapnya",
        # Pages: about
        "About the portal": "Tentang portal",
        "One place for Better Work's global and country knowledge.": (
            "Satu tempat untuk pengetahuan global dan nasional Better Work."
        ),
        "What you will find here": "Apa yang dapat Anda temukan di sini",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "Modul pelatihan, contoh kebijakan, panduan praktik baik, materi peningkatan kesadaran "
            "pekerja, dan perangkat belajar mandiri, dalam banyak bahasa."
        ),
        # Pages: countries
        "Countries": "Negara",
        "Better Work country programmes and their resources.": (
            "Program negara Better Work beserta sumber dayanya."
        ),
        "Resources": "Sumber daya",
        "Communities": "Komunitas",
        "Compliance summary": "Ringkasan kepatuhan",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "Bangladesh",
        "Cambodia": "Kamboja",
        "Egypt": "Mesir",
        "Ethiopia": "Etiopia",
        "Haiti": "Haiti",
        "Indonesia": "Indonesia",
        "Jordan": "Yordania",
        "Lesotho": "Lesotho",
        "Nicaragua": "Nikaragua",
        "Pakistan": "Pakistan",
        "Sri Lanka": "Sri Lanka",
        "Vietnam": "Vietnam",
        # Country page introductions
        # Industries
        "Apparel": "Garmen",
        "Footwear": "Alas kaki",
        "Travel goods": "Barang perjalanan",
        "Agribusiness": "Agribisnis",
        "Electronics": "Elektronik",
        "Light manufacturing": "Manufaktur ringan",
        "Tourism": "Pariwisata",
        "Construction": "Konstruksi",
        "Transport": "Transportasi",
        # Topics
        "Occupational safety and health": "Keselamatan dan kesehatan kerja",
        "Wages and working time": "Upah dan waktu kerja",
        "Gender equality": "Kesetaraan gender",
        "Social dialogue": "Dialog sosial",
        "Sexual harassment prevention": "Pencegahan pelecehan seksual",
        "Productivity": "Produktivitas",
        "Supervisory skills": "Keterampilan penyelia",
        "Worker wellbeing": "Kesejahteraan pekerja",
        # Audiences
        "Trainers": "Pelatih",
        "Enterprise advisors": "Penasihat perusahaan",
        "Factory managers": "Manajer pabrik",
        "HR officers": "Staf SDM",
        "OSH officers": "Petugas K3",
        "Supervisors": "Penyelia",
        "Workers": "Pekerja",
        "Buyers": "Pembeli",
        # CAT clusters
        "Child Labour": "Pekerja Anak",
        "Discrimination": "Diskriminasi",
        "Forced Labour": "Kerja Paksa",
        "Freedom of Association and Collective Bargaining": (
            "Kebebasan Berserikat dan Perundingan Bersama"
        ),
        "Compensation": "Kompensasi",
        "Contracts and Human Resources": "Kontrak dan Sumber Daya Manusia",
        "Occupational Safety and Health": "Keselamatan dan Kesehatan Kerja",
        "Working Time": "Waktu Kerja",
        # Compliance points: Child Labour
        "Child Labourers": "Anak yang Bekerja",
        "Hazardous Work and other Worst Forms": "Pekerjaan Berbahaya dan Bentuk Terburuk Lainnya",
        "Documentation and Protection of Young Workers": (
            "Dokumentasi dan Perlindungan Pekerja Muda"
        ),
        # Compliance points: Discrimination
        "Gender": "Gender",
        "Race and Origin": "Ras dan Asal Usul",
        "Religion and Political Opinion": "Agama dan Pandangan Politik",
        "Other Grounds": "Alasan Lainnya",
        # Compliance points: Forced Labour
        "Coercion": "Paksaan",
        "Forced Labour and Overtime": "Kerja Paksa dan Lembur",
        "Bonded Labour": "Kerja Ijon",
        "Prison Labour": "Kerja Narapidana",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "Kebebasan Berserikat",
        "Interference and Discrimination": "Campur Tangan dan Diskriminasi",
        "Collective Bargaining": "Perundingan Bersama",
        "Strikes": "Mogok Kerja",
        "Union Operations": "Kegiatan Serikat Pekerja",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "Upah Minimum / Upah Borongan",
        "Overtime Wages": "Upah Lembur",
        "Method of Payment": "Metode Pembayaran",
        "Paid Leave": "Cuti Berbayar",
        "Social Security and Other Benefits": "Jaminan Sosial dan Tunjangan Lainnya",
        "Wage Information, Use and Deduction": "Informasi, Penggunaan, dan Potongan Upah",
        "Premium Pay": "Upah Tambahan",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "Kontrak Kerja",
        "Contracting Procedures": "Prosedur Perekrutan",
        "Dialogue, Discipline and Disputes": "Dialog, Disiplin, dan Perselisihan",
        "Termination": "Pemutusan Hubungan Kerja",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "Sistem Manajemen K3",
        "Chemicals and Hazardous Substances": "Bahan Kimia dan Zat Berbahaya",
        "Emergency Preparedness": "Kesiapsiagaan Darurat",
        "Welfare Facilities": "Fasilitas Kesejahteraan",
        "Worker Protection": "Perlindungan Pekerja",
        "Health Services and First Aid": "Layanan Kesehatan dan Pertolongan Pertama",
        "Working Environment": "Lingkungan Kerja",
        "Worker Accommodation": "Akomodasi Pekerja",
        # Compliance points: Working Time
        "Regular Hours": "Jam Kerja Normal",
        "Overtime": "Lembur",
        "Leave": "Cuti",
    },
    "bn": {
        # Pages: home
        "Better Work knowledge portal": "বেটার ওয়ার্ক জ্ঞান পোর্টাল",
        "Training, tools and compliance data for better jobs in global supply chains.": (
            "বৈশ্বিক সরবরাহ শৃঙ্খলে উন্নত কর্মসংস্থানের জন্য প্রশিক্ষণ, টুল ও কমপ্লায়েন্স-সংক্রান্ত তথ্য।"
        ),
        "Better work, better business": "উন্নত কাজ, উন্নত ব্যবসা",
        (
            "Find training modules, model policies and guides in your language, for your country "
            "and industry."
        ): ("আপনার ভাষায়, আপনার দেশ ও শিল্প খাতের জন্য প্রশিক্ষণ মডিউল, নমুনা নীতিমালা ও নির্দেশিকা খুঁজে নিন।"),
        "Featured resources": "নির্বাচিত রিসোর্স",
        "Latest discussions": "সাম্প্রতিক আলোচনা",
        "Compliance at a glance": "এক নজরে কমপ্লায়েন্স",
        "Aggregate non-compliance rates across Better Work countries.": (
            "বেটার ওয়ার্কভুক্ত দেশগুলোতে সামগ্রিক নন-কমপ্লায়েন্সের হার।"
        ),
        "Join a community of practice": "একটি অনুশীলনভিত্তিক কমিউনিটিতে যোগ দিন",
        "Trainers and enterprise advisors share what works.": (
            "প্রশিক্ষক ও এন্টারপ্রাইজ উপদেষ্টারা কার্যকর অভিজ্ঞতা বিনিময় করেন।"
        ),
        "Learn more": "আরও জানুন",
        # Pages: about
        "About the portal": "পোর্টাল সম্পর্কে",
        "One place for Better Work's global and country knowledge.": (
            "বেটার ওয়ার্কের বৈশ্বিক ও দেশভিত্তিক জ্ঞানের এক ঠিকানা।"
        ),
        "What you will find here": "এখানে যা পাবেন",
        (
            "Training modules, model policies, good-practice guides, worker awareness material and "
            "self-guided tools, in many languages."
        ): (
            "প্রশিক্ষণ মডিউল, নমুনা নীতিমালা, উত্তম চর্চার নির্দেশিকা, শ্রমিক সচেতনতা উপকরণ ও "
            "স্ব-শিক্ষণ টুল, বহু ভাষায়।"
        ),
        # Pages: countries
        "Countries": "দেশসমূহ",
        "Better Work country programmes and their resources.": (
            "বেটার ওয়ার্কের দেশভিত্তিক প্রোগ্রাম ও সেগুলোর রিসোর্স।"
        ),
        "Resources": "রিসোর্স",
        "Communities": "কমিউনিটি",
        "Compliance summary": "কমপ্লায়েন্স সারসংক্ষেপ",
        # Countries (taxonomy and country page titles)
        "Bangladesh": "বাংলাদেশ",
        "Cambodia": "কম্বোডিয়া",
        "Egypt": "মিশর",
        "Ethiopia": "ইথিওপিয়া",
        "Haiti": "হাইতি",
        "Indonesia": "ইন্দোনেশিয়া",
        "Jordan": "জর্ডান",
        "Lesotho": "লেসোথো",
        "Nicaragua": "নিকারাগুয়া",
        "Pakistan": "পাকিস্তান",
        "Sri Lanka": "শ্রীলঙ্কা",
        "Vietnam": "ভিয়েতনাম",
        # Country page introductions
        # Industries
        "Apparel": "পোশাক",
        "Footwear": "পাদুকা",
        "Travel goods": "ভ্রমণসামগ্রী",
        "Agribusiness": "কৃষি ব্যবসা",
        "Electronics": "ইলেকট্রনিক্স",
        "Light manufacturing": "হালকা উৎপাদন শিল্প",
        "Tourism": "পর্যটন",
        "Construction": "নির্মাণ",
        "Transport": "পরিবহন",
        # Topics
        "Occupational safety and health": "পেশাগত নিরাপত্তা ও স্বাস্থ্য",
        "Wages and working time": "মজুরি ও কর্মঘণ্টা",
        "Gender equality": "জেন্ডার সমতা",
        "Social dialogue": "সামাজিক সংলাপ",
        "Sexual harassment prevention": "যৌন হয়রানি প্রতিরোধ",
        "Productivity": "উৎপাদনশীলতা",
        "Supervisory skills": "তত্ত্বাবধান দক্ষতা",
        "Worker wellbeing": "শ্রমিক কল্যাণ",
        # Audiences
        "Trainers": "প্রশিক্ষক",
        "Enterprise advisors": "এন্টারপ্রাইজ উপদেষ্টা",
        "Factory managers": "কারখানা ব্যবস্থাপক",
        "HR officers": "মানবসম্পদ কর্মকর্তা",
        "OSH officers": "পেশাগত স্বাস্থ্য ও নিরাপত্তা কর্মকর্তা",
        "Supervisors": "সুপারভাইজার",
        "Workers": "শ্রমিক",
        "Buyers": "ক্রেতা",
        # CAT clusters
        "Child Labour": "শিশুশ্রম",
        "Discrimination": "বৈষম্য",
        "Forced Labour": "জবরদস্তিমূলক শ্রম",
        "Freedom of Association and Collective Bargaining": "সংগঠনের স্বাধীনতা ও যৌথ দরকষাকষি",
        "Compensation": "পারিশ্রমিক",
        "Contracts and Human Resources": "চুক্তি ও মানবসম্পদ",
        "Occupational Safety and Health": "পেশাগত নিরাপত্তা ও স্বাস্থ্য",
        "Working Time": "কর্মঘণ্টা",
        # Compliance points: Child Labour
        "Child Labourers": "শিশু শ্রমিক",
        "Hazardous Work and other Worst Forms": "ঝুঁকিপূর্ণ কাজ ও অন্যান্য নিকৃষ্টতম ধরন",
        "Documentation and Protection of Young Workers": "কিশোর শ্রমিকদের নথিপত্র ও সুরক্ষা",
        # Compliance points: Discrimination
        "Gender": "জেন্ডার",
        "Race and Origin": "জাতি ও উৎস",
        "Religion and Political Opinion": "ধর্ম ও রাজনৈতিক মতামত",
        "Other Grounds": "অন্যান্য কারণ",
        # Compliance points: Forced Labour
        "Coercion": "বলপ্রয়োগ",
        "Forced Labour and Overtime": "জবরদস্তিমূলক শ্রম ও ওভারটাইম",
        "Bonded Labour": "ঋণদাসত্বমূলক শ্রম",
        "Prison Labour": "কারাবন্দিদের শ্রম",
        # Compliance points: Freedom of Association and Collective Bargaining
        "Freedom to Associate": "সংগঠন করার স্বাধীনতা",
        "Interference and Discrimination": "হস্তক্ষেপ ও বৈষম্য",
        "Collective Bargaining": "যৌথ দরকষাকষি",
        "Strikes": "ধর্মঘট",
        "Union Operations": "ইউনিয়নের কার্যক্রম",
        # Compliance points: Compensation
        "Minimum Wages/Piece Rate Wages": "ন্যূনতম মজুরি / পিস রেট মজুরি",
        "Overtime Wages": "ওভারটাইম মজুরি",
        "Method of Payment": "মজুরি প্রদানের পদ্ধতি",
        "Paid Leave": "সবেতন ছুটি",
        "Social Security and Other Benefits": "সামাজিক নিরাপত্তা ও অন্যান্য সুবিধা",
        "Wage Information, Use and Deduction": "মজুরির তথ্য, ব্যবহার ও কর্তন",
        "Premium Pay": "অতিরিক্ত ভাতা",
        # Compliance points: Contracts and Human Resources
        "Employment Contracts": "নিয়োগ চুক্তি",
        "Contracting Procedures": "নিয়োগ প্রক্রিয়া",
        "Dialogue, Discipline and Disputes": "সংলাপ, শৃঙ্খলা ও বিরোধ",
        "Termination": "চাকরির অবসান",
        # Compliance points: Occupational Safety and Health
        "OSH Management Systems": "পেশাগত স্বাস্থ্য ও নিরাপত্তা ব্যবস্থাপনা পদ্ধতি",
        "Chemicals and Hazardous Substances": "রাসায়নিক ও বিপজ্জনক পদার্থ",
        "Emergency Preparedness": "জরুরি অবস্থার প্রস্তুতি",
        "Welfare Facilities": "কল্যাণ সুবিধা",
        "Worker Protection": "শ্রমিক সুরক্ষা",
        "Health Services and First Aid": "স্বাস্থ্যসেবা ও প্রাথমিক চিকিৎসা",
        "Working Environment": "কর্মপরিবেশ",
        "Worker Accommodation": "শ্রমিকদের আবাসন",
        # Compliance points: Working Time
        "Regular Hours": "নিয়মিত কর্মঘণ্টা",
        "Overtime": "ওভারটাইম",
        "Leave": "ছুটি",
    },
}

for _code, _strings in DEMO_TRANSLATIONS.items():
    _strings.update(intro_translations(_code))
