from django.http import HttpResponse
from django.urls import path


def minimal(request):
    return HttpResponse(b"<!DOCTYPE html><title>ok</title><p>ok</p>")


urlpatterns = [path("en/minimal/", minimal)]
