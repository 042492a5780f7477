"""Included at /<lang>/factory/ before the factory routes, so no STAR id can shadow them."""

from django.urls import path

from . import inspectorate, programme

urlpatterns = [
    path("programme/", programme, name="programme"),
    path("inspectorate/", inspectorate, name="inspectorate"),
]
