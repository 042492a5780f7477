from django.urls import path

from . import views

app_name = "communities"

urlpatterns = [
    path("", views.community_list, name="list"),
    path("discuss/", views.discuss, name="discuss"),
    path("notifications/", views.notification_list, name="notifications"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("people/<str:username>/", views.person, name="person"),
    path("attachments/<int:pk>/<str:token>/", views.serve_attachment, name="attachment"),
    path("invitations/<str:token>/", views.accept_invitation, name="invitation"),
    path("posts/<int:pk>/edit/", views.edit_post, name="edit_post"),
    path("posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("posts/<int:pk>/hide/", views.hide_post, name="hide_post"),
    path("posts/<int:pk>/unhide/", views.hide_post, {"hide": False}, name="unhide_post"),
    path("posts/<int:pk>/flag/", views.flag_post, name="flag_post"),
    path("flags/<int:pk>/resolve/", views.resolve_flag, name="resolve_flag"),
    path("<slug:slug>/", views.community_detail, name="community"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/follow/", views.follow_community, name="follow"),
    path("<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("<slug:slug>/moderation/", views.moderation_queue, name="moderation"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path(
        "<slug:slug>/requests/<int:pk>/<str:decision>/",
        views.decide_join_request,
        name="decide_request",
    ),
    path("<slug:slug>/members/<int:user_id>/suspend/", views.suspend_member, name="suspend"),
    path(
        "<slug:slug>/members/<int:user_id>/reinstate/",
        views.suspend_member,
        {"suspend": False},
        name="reinstate",
    ),
    path("<slug:slug>/t/<int:pk>/", views.thread_detail, name="thread"),
    path("<slug:slug>/t/<int:pk>/reply/", views.reply, name="reply"),
    path("<slug:slug>/t/<int:pk>/follow/", views.follow_thread, name="follow_thread"),
    path("<slug:slug>/t/<int:pk>/move/", views.move_thread, name="move_thread"),
    path("<slug:slug>/t/<int:pk>/<str:action>/", views.moderate_thread, name="moderate_thread"),
]
