from django.urls import path

from ..views import newsletter

app_name = "newsletter"

urlpatterns = [
    path("", newsletter.subscribe, name="subscribe"),
    path("confirm/<str:token>/", newsletter.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("mine/", newsletter.account, name="account"),
]
