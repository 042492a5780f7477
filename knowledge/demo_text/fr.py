"""French texts of the demo library (Haiti's programme works in French)."""

COMMON = {
    "library_title": "Ressources",
    "library_intro": "Modules de formation, politiques types, guides, cahiers d'exercices, "
    "supports de sensibilisation et outils d'autoformation, par pays, secteur et langue.",
    "body_programme": "Comment utiliser ce programme : suivez les modules dans l'ordre, un "
    "toutes les une à deux semaines, et convenez d'une petite amélioration dans l'atelier "
    "après chaque séance.",
    "body_module": "Ce module comprend un guide du formateur, un document pour les participants "
    "et des diapositives. Adaptez les exemples à votre usine et à la loi nationale avant la "
    "séance.",
    "body_policy": "Adaptez cette politique type à la loi nationale et à votre entreprise, "
    "discutez-en au comité bipartite, puis affichez-la là où chaque travailleur peut la lire.",
    "body_guide": "Chaque chapitre commence par ce qu'exigent la loi et les acheteurs, puis "
    "montre ce que des usines ont changé, ce que cela a coûté et ce qu'elles y ont gagné.",
    "body_awareness": "Imprimez-la, affichez-la là où les travailleurs se réunissent ou "
    "présentez-la lors d'une réunion de ligne, et laissez du temps pour les questions.",
    "body_tool": "Répondez aux questions étape par étape : à la fin, vous obtenez une courte "
    "liste d'actions pour votre plan d'amélioration.",
    "policy_outline": "1. Objet et champ d'application. 2. Définitions. 3. Responsabilités. "
    "4. Procédure. 5. Confidentialité et protection contre les représailles. 6. Révision.",
    "objectives": "Expliquer les règles applicables\nS'exercer sur le cas d'une vraie usine\n"
    "Convenir d'une amélioration à essayer dans l'atelier",
    "duration_supervisors": "8 semaines",
    "duration_law": "6 séances",
}

RESOURCES = {
    "supervisory-skills-training": (
        "Formation aux compétences de supervision",
        "Le cours de Better Work pour les chefs de ligne : quatre modules pour parler avec "
        "les travailleurs, coopérer, planifier la production et prévenir le harcèlement, "
        "suivis à l'usine sur huit semaines.",
    ),
    "preventing-sexual-harassment-a-guide-for-supervisors": (
        "Prévenir le harcèlement sexuel : guide pour les superviseurs",
        "Ce qu'est le harcèlement sexuel au travail, comment un superviseur doit réagir "
        "quand une travailleuse se plaint, et pourquoi personne ne peut être puni pour "
        "l'avoir signalé.",
    ),
    "model-anti-harassment-policy": (
        "Modèle de politique contre le harcèlement",
        "Une politique de deux pages qui définit le harcèlement, désigne qui reçoit les "
        "plaintes et protège la personne qui signale. Prête à adapter et à signer.",
    ),
    "fire-safety-poster": (
        "Affiche sur la sécurité incendie",
        "Gardez les sorties dégagées, connaissez votre point de rassemblement, ne fermez "
        "jamais une porte à clé pendant le travail : une affiche pour chaque étage.",
    ),
    "labour-law-essentials": (
        "L'essentiel du droit du travail",
        "De courts modules sur les points du droit du travail national que les usines "
        "appliquent le plus souvent mal, rédigés avec chaque équipe nationale dans la "
        "langue de ses travailleurs.",
    ),
    "minimum-wage-and-piece-rates-in-haiti": (
        "Salaire minimum et travail à la pièce en Haïti",
        "Comment le salaire minimum journalier s'applique aux travailleurs payés à la pièce, "
        "et comment vérifier que les primes de production ne font jamais passer la paie "
        "en dessous.",
    ),
    "guide-to-fair-piece-rate-systems": (
        "Guide pour des tarifs à la pièce équitables",
        "Fixer les tarifs à la pièce à partir d'études de temps, pour qu'un travailleur à "
        "cadence normale gagne au moins le salaire minimum en heures normales.",
    ),
    "wage-calculation-tool": (
        "Outil de calcul des salaires",
        "Vérifiez une fiche de paie ligne par ligne : heures normales, heures supplémentaires "
        "au taux légal, primes et retenues, par rapport au salaire minimum national.",
    ),
}
