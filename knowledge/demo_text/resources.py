"""The demo library in English: every resource with its own title, summary, topics and the
countries it is written for. Slugs follow the titles except where tests and bookmarks know an
older one."""

from django.utils.text import slugify


def r(title, summary, topics, countries, slug=None, featured=False):
    return {
        "slug": slug or slugify(title)[:80],
        "featured": featured,
        "title": title,
        "summary": summary,
        "topics": topics,
        "countries": countries,
    }


# Texts shared by several resources of one kind (page bodies, durations, objectives).
COMMON = {
    "library_title": "Resources",
    "library_intro": "Training modules, model policies, guides, workbooks, awareness material "
    "and self-guided tools, by country, industry and language.",
    "body_programme": "How to use this programme: run the modules in order, one every one or "
    "two weeks, and agree one small improvement on the factory floor after each session.",
    "body_module": "This module comes with a trainer guide, a participant handout and slides. "
    "Adapt the examples to your factory and to national law before the session.",
    "body_policy": "Adapt this model policy to national law and to your enterprise, discuss it "
    "in the bipartite committee, then post it where every worker can read it.",
    "body_guide": "Each chapter starts with what the law and buyers expect, then shows what "
    "factories changed, what it cost and what they gained.",
    "body_workbook": "Work through the steps with a small team over four to six weeks and "
    "record the figures before and after.",
    "body_awareness": "Print it, post it where workers gather or show it at a line meeting, "
    "and leave time for questions.",
    "body_tool": "Answer the questions step by step: at the end you get a short list of "
    "actions for your improvement plan.",
    "policy_outline": "1. Purpose and scope. 2. Definitions. 3. Responsibilities. "
    "4. Procedure. 5. Confidentiality and protection from retaliation. 6. Review.",
    "objectives": "Explain the rules that apply\nPractise with a case from a real factory\n"
    "Agree one improvement to try on the floor",
    "duration_supervisors": "8 weeks",
    "duration_committees": "12 months",
    "duration_law": "6 sessions",
    "step_1": "Measure where you start",
    "step_1_text": "Collect the figures of the last three months and walk the floor with the team.",
    "step_2": "Try one change",
    "step_2_text": "Choose the change the team agrees on and try it on one line for two weeks.",
    "step_3": "Check the result and share it",
    "step_3_text": "Compare the figures, decide whether to keep the change and tell the "
    "workers what you found.",
}

# slug, title, programme kind, duration key, summary, topics, countries, modules
PROGRAMMES = [
    {
        **r(
            "Supervisory Skills Training",
            "Better Work's course for line supervisors: four modules on talking with workers, "
            "cooperating across the line, planning output and preventing harassment, run in "
            "the factory over eight weeks.",
            ["supervisory-skills"],
            ["bangladesh", "cambodia", "vietnam", "jordan", "indonesia", "haiti"],
            featured=True,
        ),
        "kind": "supervisor",
        "duration": "duration_supervisors",
        "modules": [
            r(
                "Communication for supervisors",
                "How to give clear instructions, listen before answering and give feedback "
                "without shouting. Includes role plays set on a sewing line.",
                ["supervisory-skills", "social-dialogue"],
                ["bangladesh", "cambodia"],
            ),
            r(
                "Workplace cooperation",
                "Why problems are solved faster when supervisors, workers and managers sit "
                "together, and how to run a ten-minute line meeting every morning.",
                ["social-dialogue", "supervisory-skills"],
                ["vietnam", "indonesia"],
            ),
            r(
                "Managing productivity",
                "Balancing a sewing line, setting targets workers can reach and tracking "
                "output by the hour without falling back on excessive overtime.",
                ["productivity", "supervisory-skills"],
                ["bangladesh", "vietnam"],
            ),
            r(
                "Preventing sexual harassment: a guide for supervisors",
                "What counts as sexual harassment at work, how a supervisor should respond "
                "when a worker complains, and why nobody who reports may be punished.",
                ["sexual-harassment-prevention", "gender-equality"],
                ["jordan", "cambodia", "bangladesh", "haiti"],
                featured=True,
            ),
        ],
    },
    {
        **r(
            "Bipartite committee training",
            "A year-long series for the worker and manager members of a factory's bipartite "
            "committee: electing members, running meetings and solving problems together.",
            ["social-dialogue"],
            ["cambodia", "vietnam", "indonesia"],
        ),
        "kind": "modular",
        "duration": "duration_committees",
        "modules": [
            r(
                "Bipartite committee training module 1",
                "Roles of the committee, fair elections of worker representatives and the "
                "first meeting: what the committee may decide and what it may not.",
                ["social-dialogue"],
                ["cambodia", "indonesia"],
            ),
            r(
                "Bipartite committee training module 2",
                "Preparing an agenda, keeping minutes and following up decisions, with a "
                "model agenda used by committees in garment factories.",
                ["social-dialogue"],
                ["vietnam", "haiti"],
            ),
            r(
                "Bipartite committee training module 3",
                "A five-step method to solve a workplace problem together, practised on "
                "real cases: canteen queues, late wages and hot workshops.",
                ["social-dialogue", "worker-wellbeing"],
                ["jordan", "bangladesh"],
            ),
            r(
                "Fire safety checklist for factory committees",
                "A monthly walk-through for the safety committee: exits, extinguishers, "
                "alarms, electrical panels and storage, with a page to record what was fixed.",
                ["occupational-safety-and-health"],
                ["bangladesh", "cambodia", "haiti"],
            ),
        ],
    },
    {
        **r(
            "Labour law essentials",
            "Short modules on the national labour law points factories most often get wrong, "
            "written with each country team in the language of its workers.",
            ["wages-and-working-time"],
            [],
        ),
        "kind": "modular",
        "duration": "duration_law",
        "modules": [
            r(
                "Understanding overtime rules in Cambodia",
                "Who may work overtime, the two-hour daily limit, the 150% and 200% rates and "
                "what the Labour Law says about refusing overtime.",
                ["wages-and-working-time"],
                ["cambodia"],
            ),
            r(
                "Occupational safety and health in dyeing units",
                "Chemical handling, ventilation, protective equipment and first aid in the "
                "dyeing and washing sections of Bangladeshi factories.",
                ["occupational-safety-and-health"],
                ["bangladesh"],
            ),
            r(
                "Rights of migrant workers in Jordan",
                "Contracts, passports, work permits, housing and wage payments: what the law "
                "guarantees to migrant workers in Jordan's garment sector.",
                ["wages-and-working-time", "worker-wellbeing"],
                ["jordan"],
            ),
            r(
                "Working hours and overtime under Viet Nam's Labour Code",
                "Normal hours, the monthly and yearly overtime caps and how to plan peak "
                "seasons without breaking them.",
                ["wages-and-working-time"],
                ["vietnam"],
            ),
            r(
                "Wage structure and scale in Indonesia",
                "How to build a wage structure and scale that rewards grade, skill and years "
                "of service, as the Manpower regulations require.",
                ["wages-and-working-time"],
                ["indonesia"],
            ),
            r(
                "Minimum wage and piece rates in Haiti",
                "How the daily minimum wage applies to piece-rate workers, and how to check "
                "that production bonuses never bring pay below it.",
                ["wages-and-working-time"],
                ["haiti"],
            ),
        ],
    },
]

# model name (knowledge.models) -> resources
OTHERS = [
    (
        "ModelPolicyPage",
        [
            r(
                "Model anti-harassment policy",
                "A two-page policy that defines harassment, names who receives complaints and "
                "protects the person who reports. Ready to adapt and sign.",
                ["sexual-harassment-prevention", "gender-equality"],
                ["jordan", "bangladesh", "haiti"],
                featured=True,
            ),
            r(
                "Model grievance procedure",
                "Four steps from a worker's complaint to a written answer within ten days, "
                "with the option to go to the committee or a union.",
                ["social-dialogue"],
                ["cambodia", "indonesia"],
            ),
            r(
                "Model overtime policy",
                "Overtime that is voluntary, recorded and paid at the legal rate: a policy text "
                "with a request form and a monthly hours register.",
                ["wages-and-working-time"],
                ["vietnam", "cambodia"],
            ),
            r(
                "Model maternity protection policy",
                "Leave, paid breastfeeding breaks, safe tasks during pregnancy and a guaranteed "
                "return to the same job.",
                ["gender-equality", "worker-wellbeing"],
                ["bangladesh", "jordan"],
            ),
            r(
                "Model child labour remediation procedure",
                "What to do the day an underage worker is found: remove them from work, keep "
                "paying them, contact the family and arrange schooling.",
                ["worker-wellbeing"],
                ["bangladesh", "haiti"],
            ),
            r(
                "Model recruitment policy",
                "Recruitment without fees, deposits or kept passports, with contract checks for "
                "workers hired through agencies.",
                ["worker-wellbeing"],
                ["jordan", "ethiopia"],
            ),
            r(
                "Model OSH policy",
                "The employer's commitment on safety and health, the safety committee's duties "
                "and how accidents are reported and investigated.",
                ["occupational-safety-and-health"],
                ["indonesia", "vietnam"],
            ),
        ],
    ),
    (
        "GoodPracticeGuidePage",
        [
            r(
                "Guide to effective worker-management committees",
                "How committees in Haiti and Ethiopia moved from complaint sessions to solving "
                "problems, with examples of agendas and decisions.",
                ["social-dialogue"],
                ["haiti", "ethiopia"],
            ),
            r(
                "Guide to fire safety audits",
                "How to prepare for a fire safety audit: the documents to keep, the twelve "
                "points auditors check first and the findings that recur most.",
                ["occupational-safety-and-health"],
                ["bangladesh", "cambodia"],
            ),
            r(
                "Guide to fair piece-rate systems",
                "Setting piece rates from time studies so that a worker at normal pace earns at "
                "least the minimum wage in regular hours.",
                ["wages-and-working-time", "productivity"],
                ["haiti", "bangladesh"],
            ),
            r(
                "Guide to gender-responsive HR",
                "Equal pay checks, promotion of women to supervisor posts and hiring without "
                "pregnancy tests.",
                ["gender-equality"],
                ["jordan", "ethiopia"],
            ),
            r(
                "Guide to heat stress prevention",
                "Signs of heat stress, water and rest breaks, cooling the workshop and adjusting "
                "targets on the hottest days.",
                ["occupational-safety-and-health", "worker-wellbeing"],
                ["cambodia", "jordan"],
            ),
            r(
                "Guide to ergonomic workstations",
                "Chair and table heights, lighting and job rotation that reduce back and wrist "
                "pain among sewing operators.",
                ["occupational-safety-and-health", "productivity"],
                ["vietnam", "indonesia"],
            ),
            r(
                "Guide to social dialogue at the factory",
                "Meetings, notice boards, suggestion boxes and negotiation: the channels that "
                "keep workers and managers talking.",
                ["social-dialogue"],
                ["indonesia", "haiti"],
            ),
        ],
    ),
    (
        "WorkbookPage",
        [
            r(
                "Workbook: reduce rework in sewing lines",
                "A six-week mini project: count defects by operation, find the three that cause "
                "most rework and fix them with the operators.",
                ["productivity"],
                ["bangladesh", "cambodia"],
            ),
            r(
                "Workbook: chemical storage mini project",
                "List every chemical, get its safety data sheet, label the containers and move "
                "them to a ventilated, locked store.",
                ["occupational-safety-and-health"],
                ["bangladesh", "indonesia"],
            ),
            r(
                "Workbook: absenteeism mini project",
                "Find out why workers stay away, from sickness to childcare, and test one change "
                "that brings attendance back up.",
                ["worker-wellbeing", "productivity"],
                ["vietnam", "haiti"],
            ),
            r(
                "Workbook: canteen improvement",
                "Ask workers what they eat and when, shorten the queues and improve the meals "
                "within the same budget.",
                ["worker-wellbeing"],
                ["cambodia", "jordan"],
            ),
            r(
                "Workbook: first-aid corner",
                "Stock the first-aid box, train one first-aider per shift and post the hospital's "
                "number where everyone can see it.",
                ["occupational-safety-and-health"],
                ["haiti", "indonesia"],
            ),
            r(
                "Workbook: water and sanitation",
                "Enough clean drinking water and toilets for every worker, cleaned every shift, "
                "with soap and separate facilities for women.",
                ["worker-wellbeing", "occupational-safety-and-health"],
                ["ethiopia", "haiti"],
            ),
        ],
    ),
    (
        "AwarenessMaterialPage",
        [
            r(
                "Fire safety poster",
                "Keep exits clear, know your assembly point, never lock a door during work "
                "hours: a poster for every floor.",
                ["occupational-safety-and-health"],
                ["bangladesh", "cambodia", "vietnam"],
                featured=True,
            ),
            r(
                "Comic: Sokha's first payslip",
                "Sokha reads her first payslip with her line leader and learns what each line "
                "means: basic wage, attendance bonus, overtime and deductions.",
                ["wages-and-working-time"],
                ["cambodia"],
            ),
            r(
                "Soap opera: Factory Lines, ep. 1",
                "A new sewer faces a supervisor who crosses the line. The first episode of a "
                "radio drama about respect at work.",
                ["sexual-harassment-prevention", "gender-equality"],
                ["cambodia", "bangladesh"],
            ),
            r(
                "Video: what is a union?",
                "A three-minute animation on joining a union, electing a representative and "
                "what the law protects.",
                ["social-dialogue"],
                ["indonesia", "jordan"],
            ),
            r(
                "Poster: know your leave rights",
                "Annual leave, sick leave, public holidays and maternity leave at a glance, to "
                "post next to the time clock.",
                ["wages-and-working-time"],
                ["jordan", "vietnam"],
            ),
            r(
                "Comic: speaking up safely",
                "Rina sees a colleague harassed and finds out who she can talk to without "
                "putting her own job at risk.",
                ["sexual-harassment-prevention", "social-dialogue"],
                ["bangladesh", "haiti"],
            ),
        ],
    ),
    (
        "SelfGuidedToolPage",
        [
            r(
                "Self-guided tool: working-hours check",
                "Enter a month of time records and see which weeks went over the legal limits, "
                "by worker and by line.",
                ["wages-and-working-time"],
                ["vietnam", "cambodia"],
            ),
            r(
                "Self-guided tool: OSH committee setup",
                "Who should sit on the safety committee, how often it meets and what it "
                "inspects, in twelve questions.",
                ["occupational-safety-and-health", "social-dialogue"],
                ["jordan", "indonesia"],
            ),
            r(
                "Wage calculation tool",
                "Check a payslip line by line: regular hours, overtime at the legal rate, "
                "bonuses and deductions, against the national minimum wage.",
                ["wages-and-working-time"],
                ["bangladesh", "haiti", "indonesia"],
            ),
            r(
                "Self-guided tool: sexual harassment prevention",
                "Rate your factory's policy, complaint channels and training against twenty "
                "points and get a plan for the gaps.",
                ["sexual-harassment-prevention"],
                ["jordan", "haiti"],
            ),
            r(
                "Self-guided tool: fire evacuation drill",
                "Plan, run and review an evacuation drill: roles, timing, headcount at the "
                "assembly point and what to fix afterwards.",
                ["occupational-safety-and-health"],
                ["bangladesh", "jordan"],
            ),
            r(
                "Self-guided tool: grievance mechanism",
                "Test your grievance channel from a worker's side: is it known, trusted, quick "
                "and free of retaliation?",
                ["social-dialogue"],
                ["cambodia", "vietnam"],
            ),
        ],
    ),
]

BODY_KEY = {
    "TrainingProgrammePage": "body_programme",
    "TrainingModulePage": "body_module",
    "ModelPolicyPage": "body_policy",
    "GoodPracticeGuidePage": "body_guide",
    "WorkbookPage": "body_workbook",
    "AwarenessMaterialPage": "body_awareness",
    "SelfGuidedToolPage": "body_tool",
}


def all_resources():
    for programme in PROGRAMMES:
        yield programme
        yield from programme["modules"]
    for _model, resources in OTHERS:
        yield from resources


def by_slug():
    return {resource["slug"]: resource for resource in all_resources()}
