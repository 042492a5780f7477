"""What an uploaded file is, judged by its content and not by its name, and a safe name to keep.

Shared by every upload entry point that accepts documents (Wagtail's document form, community
attachments). ZIP-based formats are checked from the archive's directory only: nothing is ever
decompressed, and an archive that declares more than ``MAX_EXPANDED_SIZE`` bytes or
``MAX_ZIP_ENTRIES`` entries (a "zip bomb" for whoever opens it next) is refused.
"""

import codecs
import os
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEAD_SIZE = 4096
MISMATCH, INVALID = "mismatch", "invalid"  # problems reported with the extension
MAX_EXPANDED_SIZE = 300 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
MARKUP_MARKERS = (b"<svg", b"<html", b"<script", b"<!doctype", b"<?xml", b"<body", b"<iframe")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{port}{n}" for port in ("com", "lpt") for n in "123456789"
}


def read_head(upload, size=HEAD_SIZE):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def is_pdf(head):
    return head.startswith(b"%PDF-")


def is_zip(head):
    return head.startswith(b"PK\x03\x04")


def is_plain_text(head):
    """UTF-8 text with no NUL byte and no HTML, SVG or XML markup."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and not any(m in head.lower() for m in MARKUP_MARKERS)


def zip_problem(upload, manifests=()):
    """None for a sound archive holding one of ``manifests`` (if given); INVALID when it holds
    none; otherwise the reason it is refused."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return _("The file is not a readable ZIP archive.")
    finally:
        upload.seek(0)
    if len(entries) > MAX_ZIP_ENTRIES:
        return _("The archive holds too many files (more than %(n)s).") % {"n": MAX_ZIP_ENTRIES}
    if sum(entry.file_size for entry in entries) > MAX_EXPANDED_SIZE:
        return _("The archive expands to more than %(mb)s MB.") % {
            "mb": MAX_EXPANDED_SIZE // (1024 * 1024)
        }
    names = {entry.filename for entry in entries}
    if manifests and not names.intersection(manifests):
        return INVALID
    return None


OFFICE = ("[Content_Types].xml",)
OPENDOCUMENT = ("mimetype",)

# extension → (content type, check(head, upload) → None or the reason it does not match)
DOCUMENT_RULES = {
    ".pdf": ("application/pdf", lambda head, upload: None if is_pdf(head) else MISMATCH),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head, upload: _zip_rule(head, upload, OFFICE),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda head, upload: _zip_rule(head, upload, OFFICE),
    ),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        lambda head, upload: _zip_rule(head, upload, OFFICE),
    ),
    ".odt": (
        "application/vnd.oasis.opendocument.text",
        lambda head, upload: _zip_rule(head, upload, OPENDOCUMENT),
    ),
    ".zip": ("application/zip", lambda head, upload: _zip_rule(head, upload, ())),
    ".txt": ("text/plain", lambda head, upload: None if is_plain_text(head) else MISMATCH),
    ".csv": ("text/csv", lambda head, upload: None if is_plain_text(head) else MISMATCH),
    ".json": (
        "application/json",
        lambda head, upload: None if is_plain_text(head) else MISMATCH,
    ),
}


def _zip_rule(head, upload, manifests):
    if not is_zip(head):
        return MISMATCH
    return zip_problem(upload, manifests)


def check_document(upload, ext):
    """Raise ValidationError unless the content is what ``ext`` promises; return the content
    type. Extensions without a rule are left to the caller's allow-list."""
    rule = DOCUMENT_RULES.get(ext)
    if rule is None:
        return None
    content_type, check = rule
    problem = check(read_head(upload), upload)
    if problem == MISMATCH:
        raise ValidationError(
            _("The file's content does not match its type (%(ext)s).") % {"ext": ext}
        )
    if problem == INVALID:
        raise ValidationError(_("The file is not a valid %(ext)s document.") % {"ext": ext})
    if problem:
        raise ValidationError(problem)
    return content_type


def clean_filename(name, max_length=100, default="file"):
    """A name safe to store and to offer for download: the last path part only, no control
    characters (NUL included), no leading dots or trailing dots and spaces, no Windows device
    name (CON, NUL, COM1 …), at most ``max_length`` characters with the extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.strip().lstrip(".").rstrip(". ")
    stem, ext = os.path.splitext(name)
    if len(ext) > 16 or not ext[1:].isalnum():
        stem, ext = name, ""
    if stem.split(".")[0].strip().lower() in WINDOWS_RESERVED:
        stem = f"_{stem}"
    stem = stem[: max(1, max_length - len(ext))].rstrip(". ")
    return f"{stem}{ext.lower()}" if stem else f"{default}{ext.lower()}"
