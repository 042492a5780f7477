from django.urls import path

from ..views import trainers

app_name = "trainers"

urlpatterns = [
    path("", trainers.directory, name="directory"),
    path("profile/", trainers.my_profile, name="profile"),
    path("<int:pk>/contact/", trainers.contact, name="contact"),
    path("verify/", trainers.verify_lookup, name="verify_lookup"),
    path("verify/<str:number>/", trainers.verify, name="verify"),
    path("certificates/<str:number>.pdf", trainers.download, name="certificate_pdf"),
]
