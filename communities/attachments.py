"""Attachment validation: an allow-list of types recognised by content (not by name), a size
limit, and no SVG or HTML (they can carry script)."""

import os
import secrets
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Attachment

MAX_SIZE = 10 * 1024 * 1024

# extension → (kind, content type, signature check)
IMAGE_TYPES = {
    ".png": ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ".gif": ("image/gif", lambda head: head[:6] in (b"GIF87a", b"GIF89a")),
    ".webp": ("image/webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
}
_ZIP = lambda head: head.startswith(b"PK\x03\x04")  # noqa: E731
_TEXTY_MARKERS = (b"<svg", b"<html", b"<script", b"<!doctype", b"<?xml", b"<body", b"<iframe")


def _plain_text(head):
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and not any(m in head.lower() for m in _TEXTY_MARKERS)


DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", lambda head: head.startswith(b"%PDF-")),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    ".txt": ("text/plain", _plain_text),
    ".csv": ("text/csv", _plain_text),
}


def max_size():
    return getattr(settings, "COMMUNITIES_ATTACHMENT_MAX_SIZE", MAX_SIZE)


def validate(upload):
    """Return (kind, content_type) or raise ValidationError with a clear message."""
    name = os.path.basename(upload.name or "")
    ext = os.path.splitext(name)[1].lower()
    if ext in (".svg", ".svgz"):
        raise ValidationError(_("SVG images are not accepted; please upload PNG or JPEG."))
    if upload.size > max_size():
        raise ValidationError(
            _("The file is too large (maximum %(mb)s MB).") % {"mb": max_size() // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    for kind, table in (
        (Attachment.Kind.IMAGE, IMAGE_TYPES),
        (Attachment.Kind.DOCUMENT, DOCUMENT_TYPES),
    ):
        if ext in table:
            content_type, check = table[ext]
            if not check(head):
                raise ValidationError(
                    _("The file's content does not match its type (%(ext)s).") % {"ext": ext}
                )
            if check is _ZIP and not _is_office_zip(upload):
                raise ValidationError(_("The file is not a valid %(ext)s document.") % {"ext": ext})
            return kind, content_type
    allowed = ", ".join(sorted({*IMAGE_TYPES, *DOCUMENT_TYPES}))
    raise ValidationError(
        _("This file type is not accepted. Allowed: %(types)s.") % {"types": allowed}
    )


def _is_office_zip(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names or "mimetype" in names


def store(upload, user):
    kind, content_type = validate(upload)
    name = os.path.basename(upload.name)[:200]
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
