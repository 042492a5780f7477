from django.urls import path

from . import views

urlpatterns = [
    path("plan/", views.plan, name="plan"),
    path("plan/timeline/", views.plan_timeline, name="plan_timeline"),
    path("plan/actions/add/", views.plan_action_add, name="plan_action_add"),
    path("plan/actions/<int:pk>/", views.plan_action, name="plan_action"),
    path("plan/actions/<int:pk>/edit/", views.plan_action_edit, name="plan_action_edit"),
    path(
        "plan/actions/<int:pk>/evidence/", views.plan_evidence_upload, name="plan_evidence_upload"
    ),
    path(
        "plan/evidence/<int:pk>/download/",
        views.plan_evidence_download,
        name="plan_evidence_download",
    ),
    path("plan/from-results/", views.plan_from_results, name="plan_from_results"),
    path("plan/participants/", views.plan_participants, name="plan_participants"),
    path("plan/notifications/", views.plan_notifications, name="plan_notifications"),
]
