from django.urls import path

from . import accounts

app_name = "accounts"

urlpatterns = [
    path("signup/", accounts.signup, name="signup"),
    path("verify/<str:token>/", accounts.verify, name="verify"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/", accounts.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("profile/", accounts.profile, name="profile"),
    path("profile/tokens/", accounts.create_token, name="token_create"),
    path("profile/tokens/<int:pk>/revoke/", accounts.revoke_token, name="token_revoke"),
    path("preferences/", accounts.preferences, name="preferences"),
]
