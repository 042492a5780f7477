"""Writing: start a thread, reply, edit a post (rate-limited).

Each form has two submit buttons: "Post" (or "Save changes") and "Preview" (``name="preview"``).
A preview asks the same permission and the same validation as posting, then shows the form
again with the text kept and its sanitised rendering; it saves nothing (no post, revision,
notification or attachment) and works without JavaScript."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import attachments, markdown, permissions, services
from ..forms import EditPostForm, PostForm, ThreadForm
from ..ratelimits import posting_limited, preview_limited
from .browse import POSTS_PER_PAGE
from .guards import community_view, post_view, thread_view


def _too_many(request, template, context):
    messages.error(request, _("You are posting too quickly. Please wait a few minutes."))
    return render(request, template, context, status=429)


def _stored_attachments(form, user):
    upload = form.cleaned_data.get("attachment")
    return [attachments.store(upload, user)] if upload else []


def _wants_preview(request):
    return request.method == "POST" and "preview" in request.POST


def _preview(request, template, context):
    """Render the form again with the rendering of its (valid) text; nothing is stored."""
    form = context["form"]
    html, _mentioned = markdown.render(form.cleaned_data["body"])
    context["preview"] = {"html": html, "title": form.cleaned_data.get("title", "")}
    # A browser cannot be given a chosen file back: say so rather than keep it anywhere.
    context["file_not_kept"] = bool(request.FILES.get("attachment"))
    return render(request, template, context)


def _limited(request):
    return preview_limited(request) if _wants_preview(request) else posting_limited(request)


@community_view(permissions.can_post)
def new_thread(request, community):
    form = ThreadForm(request.POST or None, request.FILES or None)
    template = "communities/thread_form.html"
    context = {"community": community, "form": form}
    if request.method == "POST":
        if _limited(request):
            return _too_many(request, template, context)
        if form.is_valid():
            if _wants_preview(request):
                return _preview(request, template, context)
            thread = services.create_thread(
                community,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["body"],
                attachments=_stored_attachments(form, request.user),
            )
            return redirect(thread)
        return render(request, template, context, status=400)
    return render(request, template, context)


@thread_view(permissions.can_reply)
def reply(request, thread):
    if request.method != "POST":
        return redirect(thread)
    form = PostForm(request.POST, request.FILES)
    template = "communities/reply_form.html"
    context = {"community": thread.community, "thread": thread, "form": form}
    if _limited(request):
        return _too_many(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=400)
    if _wants_preview(request):
        return _preview(request, template, context)
    post = services.create_reply(
        thread,
        request.user,
        form.cleaned_data["body"],
        attachments=_stored_attachments(form, request.user),
    )
    last_page = (permissions.visible_posts(request.user, thread).count() - 1) // POSTS_PER_PAGE + 1
    url = thread.get_absolute_url() + (f"?page={last_page}" if last_page > 1 else "")
    return HttpResponseRedirect(f"{url}#post-{post.pk}")


@post_view(permissions.can_edit_post)
def edit_post(request, post):
    community = post.thread.community
    initial = {"body": post.body, "title": post.thread.title}
    form = EditPostForm(request.POST or None, initial=initial)
    template = "communities/edit_form.html"
    context = {"community": community, "post": post, "thread": post.thread, "form": form}
    if request.method == "POST":
        if _limited(request):
            return _too_many(request, template, context)
        if form.is_valid():
            if _wants_preview(request):
                return _preview(request, template, context)
            services.edit_post(
                post,
                request.user,
                form.cleaned_data["body"].strip(),
                title=form.cleaned_data.get("title", "").strip(),
            )
            return redirect(post.get_absolute_url())
        return render(request, template, context, status=400)
    return render(request, template, context)
