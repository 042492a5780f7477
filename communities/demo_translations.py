"""The demo communities' names and descriptions in the portal's other languages
({slug: {language: (name, description)}}), written for each language, for `seed_demo`."""

TRANSLATIONS = {
    "trainers-network": {
        "fr": (
            "Réseau des formateurs",
            "Les formateurs et les conseillers d'entreprise partagent leur façon de dispenser "
            "les formations Better Work : ce qui a marché, ce qui n'a pas marché et les supports "
            "qu'ils ont adaptés.",
        ),
        "es": (
            "Red de formadores",
            "Formadores y asesores empresariales comparten cómo imparten la formación de Better "
            "Work: qué funcionó, qué no y los materiales que adaptaron.",
        ),
        "ar": (
            "شبكة المدرّبين",
            "يتبادل المدرّبون ومستشارو المنشآت طرق تقديم تدريبات Better Work: ما الذي نجح وما "
            "الذي لم ينجح، والمواد التي قاموا بتكييفها.",
        ),
        "vi": (
            "Mạng lưới giảng viên",
            "Giảng viên và chuyên viên tư vấn doanh nghiệp chia sẻ cách họ triển khai các khóa "
            "đào tạo của Better Work: điều gì hiệu quả, điều gì chưa, và những tài liệu họ đã "
            "điều chỉnh.",
        ),
        "km": (
            "បណ្តាញគ្រូបណ្តុះបណ្តាល",
            "គ្រូបណ្តុះបណ្តាល និងទីប្រឹក្សាសហគ្រាស ចែករំលែកពីរបៀបដែលពួកគេផ្តល់ការបណ្តុះបណ្តាលរបស់ "
            "Better Work៖ អ្វីដែលមានប្រសិទ្ធភាព អ្វីដែលមិនមានប្រសិទ្ធភាព "
            "និងសម្ភារៈដែលពួកគេបានកែសម្រួល។",
        ),
        "id": (
            "Jaringan pelatih",
            "Para pelatih dan penasihat perusahaan berbagi cara mereka menyampaikan pelatihan "
            "Better Work: apa yang berhasil, apa yang tidak, dan materi yang mereka sesuaikan.",
        ),
        "bn": (
            "প্রশিক্ষকদের নেটওয়ার্ক",
            "প্রশিক্ষক ও এন্টারপ্রাইজ উপদেষ্টারা কীভাবে Better Work-এর প্রশিক্ষণ পরিচালনা করেন "
            "তা শেয়ার করেন: কী কাজ করেছে, কী করেনি, এবং কোন উপকরণ তাঁরা নিজেদের মতো করে "
            "নিয়েছেন।",
        ),
    },
    "enterprise-advisors": {
        "fr": (
            "Conseillers d'entreprise (réservé aux membres)",
            "Un espace réservé aux membres où les conseillers d'entreprise comparent leurs "
            "pratiques de conseil et les plans d'amélioration des usines.",
        ),
        "es": (
            "Asesores empresariales (solo miembros)",
            "Un espacio solo para miembros en el que los asesores empresariales comparan su "
            "práctica de asesoría y los planes de mejora de las fábricas.",
        ),
        "ar": (
            "مستشارو المنشآت (للأعضاء فقط)",
            "مساحة مخصّصة للأعضاء فقط يقارن فيها مستشارو المنشآت ممارساتهم الاستشارية وخطط "
            "تحسين المصانع.",
        ),
        "vi": (
            "Chuyên viên tư vấn doanh nghiệp (chỉ dành cho thành viên)",
            "Không gian chỉ dành cho thành viên, nơi các chuyên viên tư vấn doanh nghiệp so sánh "
            "cách làm tư vấn và kế hoạch cải thiện của nhà máy.",
        ),
        "km": (
            "ទីប្រឹក្សាសហគ្រាស (សម្រាប់តែសមាជិក)",
            "កន្លែងសម្រាប់តែសមាជិក ដែលទីប្រឹក្សាសហគ្រាសប្រៀបធៀបការអនុវត្តការផ្តល់ប្រឹក្សា និងផែនការកែលម្អរោងចក្រ។",
        ),
        "id": (
            "Penasihat perusahaan (khusus anggota)",
            "Ruang khusus anggota bagi penasihat perusahaan untuk membandingkan praktik "
            "pendampingan dan rencana perbaikan pabrik.",
        ),
        "bn": (
            "এন্টারপ্রাইজ উপদেষ্টা (শুধু সদস্যদের জন্য)",
            "এন্টারপ্রাইজ উপদেষ্টাদের জন্য শুধু সদস্যদের একটি পরিসর, যেখানে তাঁরা পরামর্শ "
            "দেওয়ার পদ্ধতি ও কারখানার উন্নয়ন পরিকল্পনা তুলনা করেন।",
        ),
    },
    "osh-working-group": {
        "fr": (
            "Groupe de travail SST (privé)",
            "Groupe de spécialistes de la santé et de la sécurité au travail, sur invitation "
            "uniquement.",
        ),
        "es": (
            "Grupo de trabajo de SST (privado)",
            "Grupo de especialistas en seguridad y salud en el trabajo, solo por invitación.",
        ),
        "ar": (
            "فريق عمل السلامة والصحة المهنية (خاص)",
            "مجموعة لأخصائيي السلامة والصحة المهنية، الانضمام إليها بدعوة فقط.",
        ),
        "vi": (
            "Nhóm công tác an toàn, vệ sinh lao động (riêng tư)",
            "Nhóm chuyên gia về an toàn, vệ sinh lao động, chỉ tham gia khi được mời.",
        ),
        "km": (
            "ក្រុមការងារសុវត្ថិភាព និងសុខភាពការងារ (ឯកជន)",
            "ក្រុមអ្នកជំនាញផ្នែកសុវត្ថិភាព និងសុខភាពការងារ ដែលចូលរួមបានតែតាមការអញ្ជើញប៉ុណ្ណោះ។",
        ),
        "id": (
            "Kelompok kerja K3 (privat)",
            "Kelompok khusus undangan bagi para spesialis keselamatan dan kesehatan kerja.",
        ),
        "bn": (
            "পেশাগত নিরাপত্তা ও স্বাস্থ্য কর্মদল (ব্যক্তিগত)",
            "পেশাগত নিরাপত্তা ও স্বাস্থ্য বিশেষজ্ঞদের দল, শুধু আমন্ত্রণের মাধ্যমে যোগ দেওয়া যায়।",
        ),
    },
    "cambodia-trainers": {
        "en": (
            "Cambodia master trainers' network",
            "Master trainers and enterprise advisors in Cambodia share their training "
            "experience, materials in Khmer and questions about labour law.",
        ),
        "fr": (
            "Réseau des formateurs principaux du Cambodge",
            "Les formateurs principaux et les conseillers d'entreprise du Cambodge partagent "
            "leur expérience de formation, des supports en khmer et leurs questions sur le droit "
            "du travail.",
        ),
        "es": (
            "Red de formadores principales de Camboya",
            "Formadores principales y asesores empresariales de Camboya comparten su experiencia "
            "de formación, materiales en jemer y preguntas sobre la legislación laboral.",
        ),
        "ar": (
            "شبكة كبار المدرّبين في كمبوديا",
            "يتبادل كبار المدرّبين ومستشارو المنشآت في كمبوديا خبراتهم في التدريب، ومواد باللغة "
            "الخميرية، وأسئلة حول قانون العمل.",
        ),
        "vi": (
            "Mạng lưới giảng viên nguồn Campuchia",
            "Giảng viên nguồn và chuyên viên tư vấn doanh nghiệp tại Campuchia chia sẻ kinh "
            "nghiệm đào tạo, tài liệu bằng tiếng Khmer và các câu hỏi về luật lao động.",
        ),
        "id": (
            "Jaringan pelatih utama Kamboja",
            "Pelatih utama dan penasihat perusahaan di Kamboja berbagi pengalaman pelatihan, "
            "materi berbahasa Khmer, dan pertanyaan seputar hukum ketenagakerjaan.",
        ),
        "bn": (
            "কম্বোডিয়ার মাস্টার প্রশিক্ষক নেটওয়ার্ক",
            "কম্বোডিয়ার মাস্টার প্রশিক্ষক ও এন্টারপ্রাইজ উপদেষ্টারা প্রশিক্ষণের অভিজ্ঞতা, খেমার "
            "ভাষার উপকরণ এবং শ্রম আইন নিয়ে প্রশ্ন শেয়ার করেন।",
        ),
    },
    "bangladesh-practitioners": {
        "en": (
            "Bangladesh trainers and advisors network",
            "For trainers and enterprise advisors working in factories in Bangladesh: sharing "
            "experience on fire safety, participation committees and wages.",
        ),
        "fr": (
            "Réseau des formateurs et conseillers du Bangladesh",
            "Pour les formateurs et les conseillers d'entreprise qui travaillent dans les usines "
            "du Bangladesh : échanges d'expérience sur la sécurité incendie, les comités de "
            "participation et les salaires.",
        ),
        "es": (
            "Red de formadores y asesores de Bangladés",
            "Para formadores y asesores empresariales que trabajan en fábricas de Bangladés: "
            "intercambio de experiencias sobre seguridad contra incendios, comités de "
            "participación y salarios.",
        ),
        "ar": (
            "شبكة المدرّبين والمستشارين في بنغلاديش",
            "للمدرّبين ومستشاري المنشآت العاملين في مصانع بنغلاديش: تبادل الخبرات حول السلامة "
            "من الحرائق ولجان المشاركة والأجور.",
        ),
        "vi": (
            "Mạng lưới giảng viên và chuyên viên tư vấn Bangladesh",
            "Dành cho giảng viên và chuyên viên tư vấn doanh nghiệp làm việc tại các nhà máy ở "
            "Bangladesh: trao đổi kinh nghiệm về an toàn phòng cháy, ủy ban tham gia và tiền "
            "lương.",
        ),
        "km": (
            "បណ្តាញគ្រូបណ្តុះបណ្តាល និងទីប្រឹក្សាបង់ក្លាដែស",
            "សម្រាប់គ្រូបណ្តុះបណ្តាល និងទីប្រឹក្សាសហគ្រាសដែលធ្វើការនៅរោងចក្រក្នុងប្រទេសបង់ក្លាដែស៖ "
            "ការចែករំលែកបទពិសោធន៍អំពីសុវត្ថិភាពអគ្គីភ័យ គណៈកម្មាធិការចូលរួម និងប្រាក់ឈ្នួល។",
        ),
        "id": (
            "Jaringan pelatih dan penasihat Bangladesh",
            "Untuk pelatih dan penasihat perusahaan yang bekerja di pabrik-pabrik di Bangladesh: "
            "berbagi pengalaman tentang keselamatan kebakaran, komite partisipasi, dan upah.",
        ),
    },
    "resource-discussions": {
        "fr": (
            "Discussions sur les ressources",
            "Questions et retours d'expérience sur les ressources du portail. Chaque ressource "
            "a un lien « Discuter de cette ressource » qui mène ici.",
        ),
        "es": (
            "Debates sobre los recursos",
            "Preguntas y experiencias sobre los recursos del portal. Cada recurso tiene un "
            "enlace «Debatir este recurso» que lleva aquí.",
        ),
        "ar": (
            "نقاشات حول الموارد",
            "أسئلة وتجارب حول موارد البوابة. لكل مورد رابط «ناقش هذا المورد» يقود إلى هنا.",
        ),
        "vi": (
            "Thảo luận về tài liệu",
            "Câu hỏi và kinh nghiệm về các tài liệu của cổng thông tin. Mỗi tài liệu đều có "
            "liên kết “Thảo luận về tài liệu này” dẫn đến đây.",
        ),
        "km": (
            "ការពិភាក្សាអំពីធនធាន",
            "សំណួរ និងបទពិសោធន៍អំពីធនធានរបស់វិបផតថល។ ធនធាននីមួយៗមានតំណ «ពិភាក្សាអំពីធនធាននេះ» ដែលនាំមកទីនេះ។",
        ),
        "id": (
            "Diskusi sumber daya",
            "Pertanyaan dan pengalaman seputar sumber daya portal. Setiap sumber daya memiliki "
            "tautan “Diskusikan sumber daya ini” yang mengarah ke sini.",
        ),
        "bn": (
            "রিসোর্স নিয়ে আলোচনা",
            "পোর্টালের রিসোর্স নিয়ে প্রশ্ন ও অভিজ্ঞতা। প্রতিটি রিসোর্সে “এই রিসোর্স নিয়ে আলোচনা "
            "করুন” লিঙ্ক আছে, যা এখানে নিয়ে আসে।",
        ),
    },
}
