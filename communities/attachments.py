"""Attachment validation: an allow-list of types recognised by content (not by name), a size
limit, and no SVG or HTML (they can carry script). Accepted files are kept in private storage
under a random name; the name the uploader gave is cleaned before it is kept for the download."""

import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.file_checks import DOCUMENT_RULES, check_document, clean_filename, read_head

from .models import Attachment

MAX_SIZE = 10 * 1024 * 1024

# extension → (content type, signature check)
IMAGE_TYPES = {
    ".png": ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".gif": ("image/gif", lambda head: head[:6] in (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
}
DOCUMENT_TYPES = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".txt", ".csv")


def max_size():
    return getattr(settings, "COMMUNITIES_ATTACHMENT_MAX_SIZE", MAX_SIZE)


def validate(upload):
    """Return (kind, content_type) or raise ValidationError with a clear message."""
    name = clean_filename(upload.name)
    ext = os.path.splitext(name)[1].lower()
    if ext in (".svg", ".svgz"):
        raise ValidationError(_("SVG images are not accepted; please upload PNG or JPEG."))
    if upload.size > max_size():
        raise ValidationError(
            _("The file is too large (maximum %(mb)s MB).") % {"mb": max_size() // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if ext in IMAGE_TYPES:
        content_type, check = IMAGE_TYPES[ext]
        if not check(read_head(upload)):
            raise ValidationError(
                _("The file's content does not match its type (%(ext)s).") % {"ext": ext}
            )
        return Attachment.Kind.IMAGE, content_type
    if ext in DOCUMENT_TYPES and ext in DOCUMENT_RULES:
        return Attachment.Kind.DOCUMENT, check_document(upload, ext)
    allowed = ", ".join(sorted({*IMAGE_TYPES, *DOCUMENT_TYPES}))
    raise ValidationError(
        _("This file type is not accepted. Allowed: %(types)s.") % {"types": allowed}
    )


def store(upload, user):
    kind, content_type = validate(upload)
    name = clean_filename(upload.name, max_length=200)
    attachment = Attachment(
        uploaded_by=user,
        token=secrets.token_urlsafe(16)[:22],
        original_name=name,
        content_type=content_type,
        size=upload.size,
        kind=kind,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment
