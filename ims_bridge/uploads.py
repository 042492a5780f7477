"""The admin upload of an IMS export: only what the importer reads is accepted, judged by the
content (not the name or the browser's content type), before anything is stored.

Accepted: UTF-8 text that is a STAR CSV export (or improvement-plan export) by its header, or
ims-bridge JSON Lines (a JSON object on every line, the first one the format header). Refused
with a message saying what the file is instead: PDF, ZIP (Excel's .xlsx), old Excel, HTML,
SVG/XML, other binary, text in another encoding. The file is then kept in private storage under
a random name (``ImportBatch.upload``) and never served.
"""

import codecs
import io

from django import forms
from django.utils.translation import gettext as _

from portal.file_checks import MARKUP_MARKERS, clean_filename, read_head

from .readers import FormatError, read_records

SNIFF_SIZE = 256 * 1024
BINARY_SIGNATURES = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003"),
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
)


def check_export(upload):
    """Return "csv" or "jsonl", or raise forms.ValidationError saying why the file is refused."""
    if not upload.size:
        raise forms.ValidationError(_("The file is empty."))
    head = read_head(upload, SNIFF_SIZE)
    text = _text_or_refuse(head, complete=upload.size <= SNIFF_SIZE)
    lines = text.splitlines(keepends=True)
    if upload.size > SNIFF_SIZE and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line read is cut off: judge complete lines only
    if not lines:
        raise forms.ValidationError(_("The first line of the file is too long to be an export."))
    kind = "jsonl" if text.lstrip().startswith("{") else "csv"
    sample = "".join(lines).encode("utf-8")
    try:
        _source, records = read_records(io.BytesIO(sample))
        for record in records:
            if kind == "jsonl" and record.kind == "invalid" and record.error[0] is None:
                raise forms.ValidationError(
                    _("Line %(line)s is not a JSON object, so this is not a JSON Lines export.")
                    % {"line": record.line}
                )
            if kind == "csv":
                break  # the header was accepted: rows are checked one by one by the import
    except FormatError as exc:
        raise forms.ValidationError(str(exc)) from None
    return kind


def _text_or_refuse(head, complete):
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise forms.ValidationError(
                _(
                    "This is a %(kind)s file, not an export. Save the STAR export as CSV "
                    "(UTF-8) or use the ims-bridge JSON Lines form."
                )
                % {"kind": name}
            )
    if b"\x00" in head:
        raise forms.ValidationError(
            _("This is a binary file, not an export. Save the STAR export as CSV (UTF-8).")
        )
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=complete)
    except UnicodeDecodeError:
        raise forms.ValidationError(
            _("The file is not UTF-8 text. Save the STAR export as CSV (UTF-8).")
        ) from None
    if any(marker in head[:4096].lower() for marker in MARKUP_MARKERS):
        raise forms.ValidationError(
            _("This is a web page or XML document, not an export. Upload the CSV file itself.")
        )
    return text


class ImportUploadField(forms.FileField):
    """A file input without a link to the stored file (it has none: it is private)."""

    widget = forms.FileInput

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            kind = check_export(upload)
            upload.original_name = clean_filename(upload.name, max_length=200, default="export")
            upload.name = f"export.{kind}"
        return upload
