"""Question guidance in the admin: a snippet translated with wagtail-localize like the
taxonomy (one row per language, linked by translation key)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QuestionGuidance


class QuestionGuidanceViewSet(SnippetViewSet):
    model = QuestionGuidance
    icon = "help"
    list_display = ["global_id", "guidance", "locale"]


register_snippet(QuestionGuidanceViewSet)
