"""Batch PO files for one language: a zip with one PO file per page or snippet.

One file per object (rather than one PO with a msgctxt per object) keeps wagtail-localize's own
format: each file is exactly what its translation editor downloads, carries its
``X-WagtailLocalize-TranslationID`` and can be uploaded there too, and translation tools open
each as an ordinary PO file. An object that is missing in the language but already has a
wagtail-localize source (it was translated into another language) gets a PO file marked with
``X-Portal-TranslationSource``; its strings go to the translation memory, used when it is
submitted for translation. Objects never submitted for translation are listed in README.txt.
"""

import io
import uuid
import zipfile

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation, TranslationSource

from portal.translation_access import may_edit_translation_target

from .po_checks import (
    MAX_PO_BYTES,
    POFileError,
    entry_problems,
    expected_strings,
    importable_po,
    parse_po,
)

MAX_FILES = 2000
MAX_TOTAL_BYTES = 64 * 1024 * 1024
SOURCE_HEADER = "X-Portal-TranslationSource"
TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def _filename(row, language):
    title = slugify(row.title)[:60] or "untitled"
    return f"{row.model._meta.model_name}-{row.source_pk}-{title}.{language.language_code}.po"


def _unsaved_translation(source, language):
    """wagtail-localize's export and import read only these fields of a Translation."""
    return Translation(source=source, target_locale=language)


def export_zip(rows, language):
    translations = Translation.objects.select_related("source", "target_locale").in_bulk(
        [row.translation_id for row in rows if row.translation_id]
    )
    sources = TranslationSource.objects.in_bulk(
        [row.source_id for row in rows if row.source_id and not row.translation_id]
    )
    not_submitted = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in rows:
            if row.translation_id:
                po = translations[row.translation_id].export_po()
            elif row.source_id:
                po = _unsaved_translation(sources[row.source_id], language).export_po()
                del po.metadata[TRANSLATION_HEADER]
                po.metadata[SOURCE_HEADER] = str(row.source_id)
            else:
                not_submitted.append(f"{row.type_label}: {row.title}")
                continue
            po.metadata["Language"] = language.language_code
            archive.writestr(_filename(row, language), str(po))
        readme = [
            _("One PO file per page or snippet. Fill in the msgstr lines and upload the zip.")
        ]
        if not_submitted:
            readme += [
                "",
                _("Not yet submitted for translation (submit them first):"),
                *not_submitted,
            ]
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()


def _read_files(uploaded):
    """[(name, bytes)] of the PO files in the upload (a zip, or a single PO file)."""
    raw = uploaded.read(MAX_TOTAL_BYTES + 1)
    if len(raw) > MAX_TOTAL_BYTES:
        raise POFileError([_("The upload is too large.")])
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        return [(uploaded.name, raw)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_FILES:
            raise POFileError([_("The zip holds too many files.")])
        files, reasons = [], []
        for member in members:
            if member.filename.endswith(".txt"):
                continue
            if not member.filename.endswith(".po"):
                reasons.append(_("%(name)s: not a .po file") % {"name": member.filename})
            elif member.file_size > MAX_PO_BYTES:
                reasons.append(_("%(name)s: the file is too large") % {"name": member.filename})
            else:
                files.append((member.filename, archive.read(member)))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError):
        raise POFileError([_("The zip file cannot be read.")]) from None
    if reasons:
        raise POFileError(reasons)
    if not files:
        raise POFileError([_("The zip holds no PO file.")])
    return files


def _targets(parsed, language, user):
    """The Translation each parsed file goes to, or the reasons it cannot."""
    uuids = {po.metadata.get(TRANSLATION_HEADER) for _name, po in parsed} - {None}
    translations = {
        str(t.uuid): t
        for t in Translation.objects.filter(uuid__in=_valid_uuids(uuids)).select_related(
            "source", "target_locale"
        )
    }
    source_ids = {po.metadata.get(SOURCE_HEADER) for _name, po in parsed} - {None}
    sources = TranslationSource.objects.in_bulk(
        [int(i) for i in source_ids if i.isdigit() and len(i) < 12]
    )
    targets, reasons = [], []
    for name, po in parsed:
        translation = translations.get(po.metadata.get(TRANSLATION_HEADER, ""))
        source_id = po.metadata.get(SOURCE_HEADER, "")
        if translation is None and source_id.isdigit() and int(source_id) in sources:
            translation = _unsaved_translation(sources[int(source_id)], language)
        if translation is None:
            reasons.append(_("%(name)s: belongs to no known translation") % {"name": name})
        elif translation.target_locale_id != language.pk:
            reasons.append(_("%(name)s: is not a file for this language") % {"name": name})
        elif translation.pk and not may_edit_translation_target(
            user, translation.get_target_instance()
        ):
            reasons.append(_("%(name)s: you may not edit this translation") % {"name": name})
        else:
            targets.append((name, po, translation))
    return targets, reasons


def _valid_uuids(values):
    valid = []
    for value in values:
        try:
            valid.append(uuid.UUID(value))
        except ValueError:
            continue
    return valid


def import_zip(uploaded, language, user):
    """Check every file, then import all of them in one transaction; returns how many."""
    parsed, reasons = [], []
    for name, raw in _read_files(uploaded):
        try:
            parsed.append((name, parse_po(raw, name)))
        except POFileError as error:
            reasons += error.reasons
    targets, target_reasons = _targets(parsed, language, user)
    reasons += target_reasons
    expected = expected_strings({t.source_id for _name, _po, t in targets})
    for name, po, translation in targets:
        reasons += entry_problems(po, expected[translation.source_id], name)
    if reasons:
        raise POFileError(reasons)
    with transaction.atomic():
        for _name, po, translation in targets:
            clean = importable_po(po)
            clean.metadata.pop(TRANSLATION_HEADER, None)  # checked above
            translation.import_po(clean, user=user, tool_name="PO File")
    return len(targets)
