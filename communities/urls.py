from django.urls import path

from .views import browse, discuss, files, inbox, membership, moderation, posting

app_name = "communities"

urlpatterns = [
    path("", browse.community_list, name="list"),
    path("discuss/", discuss.discuss, name="discuss"),
    path("notifications/", inbox.notification_list, name="notifications"),
    path("unsubscribe/<str:token>/", inbox.unsubscribe, name="unsubscribe"),
    path("people/<str:username>/", browse.person, name="person"),
    path("attachments/<int:pk>/<str:token>/", files.serve_attachment, name="attachment"),
    path("invitations/<str:token>/", membership.accept_invitation, name="invitation"),
    path("posts/<int:pk>/edit/", posting.edit_post, name="edit_post"),
    path("posts/<int:pk>/history/", moderation.post_history, name="post_history"),
    path("posts/<int:pk>/hide/", moderation.hide_post, name="hide_post"),
    path("posts/<int:pk>/unhide/", moderation.hide_post, {"hide": False}, name="unhide_post"),
    path("posts/<int:pk>/flag/", moderation.flag_post, name="flag_post"),
    path("flags/<int:pk>/resolve/", moderation.resolve_flag, name="resolve_flag"),
    path("<slug:slug>/", browse.community_detail, name="community"),
    path("<slug:slug>/join/", membership.join, name="join"),
    path("<slug:slug>/leave/", membership.leave, name="leave"),
    path("<slug:slug>/follow/", membership.follow_community, name="follow"),
    path("<slug:slug>/new/", posting.new_thread, name="new_thread"),
    path("<slug:slug>/moderation/", moderation.moderation_queue, name="moderation"),
    path("<slug:slug>/invite/", membership.invite, name="invite"),
    path(
        "<slug:slug>/requests/<int:pk>/<str:decision>/",
        membership.decide_join_request,
        name="decide_request",
    ),
    path("<slug:slug>/members/<int:user_id>/suspend/", membership.suspend_member, name="suspend"),
    path(
        "<slug:slug>/members/<int:user_id>/reinstate/",
        membership.suspend_member,
        {"suspend": False},
        name="reinstate",
    ),
    path("<slug:slug>/t/<int:pk>/", browse.thread_detail, name="thread"),
    path("<slug:slug>/t/<int:pk>/reply/", posting.reply, name="reply"),
    path("<slug:slug>/t/<int:pk>/follow/", membership.follow_thread, name="follow_thread"),
    path("<slug:slug>/t/<int:pk>/move/", moderation.move_thread, name="move_thread"),
    path(
        "<slug:slug>/t/<int:pk>/<str:action>/", moderation.moderate_thread, name="moderate_thread"
    ),
]
