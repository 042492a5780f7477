"""The plan pages render translated in French and Khmer: headings, column titles, the
overdue marker, the navigation and the participants page come from the catalogues."""

from datetime import date, timedelta

import pytest

from ims_bridge.enterprise.models import PlanParticipant

from .plans_helpers import make_action

PAGES = {
    "fr": {
        "plan/": ["Échéance", "Chronologie", "Participants (PICC)", "Regrouper par", "en retard"],
        "plan/timeline/": ["Chronologie du plan", "Actions par échéance", "Aujourd’hui"],
        "plan/actions/{pk}/": ["Action du plan", "Justificatifs", "Historique", "Source"],
        "plan/participants/": ["Participants au plan", "Fonction", "Représente", "Depuis"],
    },
    "km": {
        "plan/": ["កាលបរិច្ឆេទកំណត់", "បន្ទាត់ពេលវេលា", "អ្នកចូលរួម (PICC)", "ហួសកាលកំណត់"],
        "plan/timeline/": ["បន្ទាត់ពេលវេលានៃផែនការ", "សកម្មភាពតាមកាលបរិច្ឆេទកំណត់", "ថ្ងៃនេះ"],
        "plan/actions/{pk}/": ["សកម្មភាពក្នុងផែនការ", "ភស្តុតាង", "ប្រវត្តិ", "ប្រភព"],
        "plan/participants/": ["អ្នកចូលរួមក្នុងផែនការ", "មុខតំណែង", "តំណាងឱ្យ", "ចាប់ពីថ្ងៃ"],
    },
}
ENGLISH = ["Due date", "Timeline", "Group by", "Plan action", "History", "Plan participants"]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_plan_pages_are_translated(world, as_user, factory, lang):
    action = make_action(factory, owner="HR", due_date=date.today() - timedelta(days=3))
    PlanParticipant.objects.create(factory=factory, name="Chan Thy", side="workers")
    client = as_user(world["factory user"])
    for page, phrases in PAGES[lang].items():
        response = client.get(f"/{lang}/factory/F1/{page.format(pk=action.pk)}")
        assert response.status_code == 200, page
        html = response.content.decode()
        for phrase in phrases:
            assert phrase in html, (lang, page, phrase)
        for english in ENGLISH:
            assert f">{english}<" not in html, (lang, page, english)
