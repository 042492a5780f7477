from django.urls import path

from . import progress

app_name = "knowledge"

urlpatterns = [
    path("tool-progress/<int:page_id>/", progress.tool_progress, name="tool_progress"),
]
