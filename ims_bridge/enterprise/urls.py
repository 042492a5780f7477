"""Mounted at /<lang>/factory/ (portal/urls.py). Each feature keeps its own routes."""

from django.urls import include, path

from . import views

app_name = "enterprise"

urlpatterns = [
    path("", views.factory_list, name="factories"),
    # Before the factory routes: a STAR id "programme" must not hide the staff pages.
    path("", include("ims_bridge.enterprise.views.staff.urls")),
    path("<str:star_id>/", views.dashboard, name="dashboard"),
    path("<str:star_id>/", include("ims_bridge.enterprise.views.self_assessment.urls")),
    path("<str:star_id>/", include("ims_bridge.enterprise.views.plans.urls")),
    path("<str:star_id>/", include("ims_bridge.enterprise.views.capacity.urls")),
]
