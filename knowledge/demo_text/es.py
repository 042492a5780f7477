"""Spanish texts of the demo library."""

COMMON = {
    "library_title": "Recursos",
    "library_intro": "Módulos de formación, políticas modelo, guías, cuadernos de trabajo, "
    "material de sensibilización y herramientas de autoaprendizaje, por país, industria e "
    "idioma.",
    "body_programme": "Cómo usar este programa: realice los módulos en orden, uno cada una o "
    "dos semanas, y acuerde una pequeña mejora en la planta después de cada sesión.",
    "body_module": "Este módulo incluye una guía para el facilitador, un folleto para los "
    "participantes y diapositivas. Adapte los ejemplos a su fábrica y a la ley nacional antes "
    "de la sesión.",
    "body_policy": "Adapte esta política modelo a la ley nacional y a su empresa, discútala en "
    "el comité bipartito y publíquela donde todos los trabajadores puedan leerla.",
    "body_awareness": "Imprímalo, colóquelo donde se reúnen los trabajadores o muéstrelo en "
    "una reunión de línea, y deje tiempo para preguntas.",
    "policy_outline": "1. Objeto y alcance. 2. Definiciones. 3. Responsabilidades. "
    "4. Procedimiento. 5. Confidencialidad y protección contra represalias. 6. Revisión.",
    "objectives": "Explicar las normas aplicables\nPracticar con el caso de una fábrica real\n"
    "Acordar una mejora para probar en la planta",
    "duration_supervisors": "8 semanas",
}

RESOURCES = {
    "supervisory-skills-training": (
        "Formación en habilidades de supervisión",
        "El curso de Better Work para supervisores de línea: cuatro módulos para hablar con "
        "los trabajadores, cooperar, planificar la producción y prevenir el acoso, en la "
        "fábrica durante ocho semanas.",
    ),
    "preventing-sexual-harassment-a-guide-for-supervisors": (
        "Prevenir el acoso sexual: guía para supervisores",
        "Qué es el acoso sexual en el trabajo, cómo debe responder un supervisor cuando una "
        "trabajadora se queja y por qué nadie puede ser castigado por denunciarlo.",
    ),
    "model-anti-harassment-policy": (
        "Política modelo contra el acoso",
        "Una política de dos páginas que define el acoso, indica quién recibe las quejas y "
        "protege a quien denuncia. Lista para adaptar y firmar.",
    ),
    "fire-safety-poster": (
        "Cartel de seguridad contra incendios",
        "Mantenga libres las salidas, conozca su punto de reunión y nunca cierre una puerta "
        "con llave durante la jornada: un cartel para cada piso.",
    ),
}
