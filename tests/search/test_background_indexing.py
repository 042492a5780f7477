"""Publishing only enqueues the index update (django-tasks); a worker does the indexing."""

import pytest
from django.test import override_settings
from django_tasks import default_task_backend

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_publishing_enqueues_the_index_update_instead_of_indexing_inline(
    django_capture_on_commit_callbacks,
):
    default_task_backend.clear()
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    page = StandardPage(title="Background indexing", slug="background-indexing")
    with django_capture_on_commit_callbacks(execute=True):
        about.add_child(instance=page)
        page.save_revision().publish()
    enqueued = [result.task.name for result in default_task_backend.results]
    assert "insert_or_update_object_task" in enqueued
    args = [
        r.args
        for r in default_task_backend.results
        if r.task.name == "insert_or_update_object_task"
    ]
    assert ["portal", "standardpage", str(page.pk)] in [list(a) for a in args]
