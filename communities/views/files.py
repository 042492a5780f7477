"""Attachments, served only through a permission check and with headers that keep a browser
from running them."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .. import permissions
from ..models import Attachment
from .guards import deny


def serve_attachment(request, pk, token):
    attachment = get_object_or_404(
        Attachment.objects.select_related("post__thread__community"), pk=pk, token=token
    )
    if not permissions.can_see_attachment(request.user, attachment):
        post = attachment.post
        if post is not None and not permissions.can_read_thread(request.user, post.thread):
            return deny(request, post.thread.community, post, post.thread)
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
