from django.urls import path

from . import indicators, progress, trainings

urlpatterns = [
    path("trainings/", trainings.trainings, name="trainings"),
    path("trainings/<int:pk>/edit/", trainings.training_edit, name="training_edit"),
    path("trainings/<int:pk>/delete/", trainings.training_delete, name="training_delete"),
    path("indicators/", indicators.indicators, name="indicators"),
    path("indicators/upload/", indicators.indicators_upload, name="indicators_upload"),
    path("indicators/csv/", indicators.indicators_csv, name="indicators_csv"),
    path("indicators/sharing/", indicators.sharing, name="sharing"),
    path("progress/", progress.progress, name="progress"),
    path("progress/pdf/", progress.progress_pdf, name="progress_pdf"),
    path("progress/csv/", progress.progress_csv, name="progress_csv"),
]
