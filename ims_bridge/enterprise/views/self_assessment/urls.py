from django.urls import path

from . import views

urlpatterns = [
    path("self-assessments/", views.self_assessment_list, name="self_assessments"),
    path("self-assessments/start/", views.start, name="self_assessment_start"),
    path("self-assessments/<int:pk>/", views.answer, name="self_assessment"),
    path("self-assessments/<int:pk>/submit/", views.submit, name="self_assessment_submit"),
    path("self-assessments/<int:pk>/result/", views.result, name="self_assessment_result"),
    path(
        "self-assessments/<int:pk>/result.pdf",
        views.result_pdf,
        name="self_assessment_result_pdf",
    ),
    path("self-assessments/<int:pk>/share/", views.share, name="self_assessment_share"),
    path("self-assessments/<int:pk>/compare/", views.compare, name="self_assessment_compare"),
]
