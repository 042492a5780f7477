"""Compile the project's gettext catalogues (``.po`` → ``.mo``) in pure Python with polib.

Django's own ``compilemessages`` shells out to GNU gettext's ``msgfmt``, which a fresh machine
may not have; ``make run`` and ``make test`` call this command instead. It looks in every
``LOCALE_PATHS`` entry and in the ``locale/`` folder of each project app (apps that live inside
the project, not installed packages), checks each catalogue and writes the ``.mo`` beside it.

A catalogue that cannot be parsed, whose ``Plural-Forms`` header is missing or malformed, or
whose translations use placeholders the source string does not have, stops the command with a
``CommandError`` naming the file and line: a broken catalogue would otherwise fail later, at
render time, in one language only.
"""

import os
import re
import tempfile
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*[^;]+;?\s*$")
# Python %-format directives: optional (name), flags, width, precision, conversion type.
PERCENT_DIRECTIVE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?P<type>[diouxXeEfFgGcrsa%])"
)
BRACE_DIRECTIVE = re.compile(r"(?<!\{)\{([^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
# A complete PO string literal: escapes as msgfmt accepts them, no bare double quote.
_STRING = r'"(?:[^"\\]|\\[\\"ntrabfv\'?]|\\[0-7]{1,3}|\\x[0-9a-fA-F]+)*"'
KEYWORD_LINE = re.compile(rf"^(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+{_STRING}$")
CONTINUATION_LINE = re.compile(rf"^{_STRING}$")


def catalogue_dirs():
    """LOCALE_PATHS plus the ``locale/`` folders of the project's own apps."""
    base = Path(settings.BASE_DIR).resolve()
    dirs = [Path(path) for path in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        app_path = Path(config.path).resolve()
        if app_path.is_relative_to(base) and ".venv" not in app_path.parts:
            dirs.append(app_path / "locale")
    unique = []
    for directory in dirs:
        if directory.is_dir() and directory.resolve() not in {d.resolve() for d in unique}:
            unique.append(directory)
    return unique


def check_syntax(path):
    """Line-level check of the PO grammar. polib forgives some errors msgfmt rejects (an
    unterminated string loses its last character), so check what polib will not."""
    raw = path.read_bytes()
    for number, line_bytes in enumerate(raw.split(b"\n"), start=1):
        try:
            line = line_bytes.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}:{number}: not valid UTF-8 ({exc.reason}).") from exc
        if not line or line.startswith("#"):
            continue
        if KEYWORD_LINE.match(line) or CONTINUATION_LINE.match(line):
            continue
        if line.startswith(('"', "msg")):
            problem = "unterminated string, unescaped double quote or invalid escape"
        else:
            problem = "expected a msgid/msgstr line, a quoted string or a comment"
        raise CommandError(f"{path}:{number}: syntax error: {problem}: {line[:80]!r}")


def _percent_directives(text):
    named, positional = {}, []
    for match in PERCENT_DIRECTIVE.finditer(text):
        kind = match.group("type")
        if kind == "%":
            continue
        if match.group("name") is not None:
            named[match.group("name")] = kind
        else:
            positional.append(kind)
    return named, positional


def _check_format(entry, source, translation):
    """Return a problem description, or None if `translation` may replace `source`."""
    if "python-format" in entry.flags:
        src_named, src_positional = _percent_directives(source)
        dst_named, dst_positional = _percent_directives(translation)
        for name, kind in dst_named.items():
            if name not in src_named:
                return f"placeholder %({name}){kind} is not in the source string"
            if src_named[name] != kind:
                return f"placeholder %({name}){kind} should be %({name}){src_named[name]}"
        if dst_positional != src_positional:
            return "positional placeholders (%s, %d…) differ from the source string"
    if "python-brace-format" in entry.flags:
        src_fields = set(BRACE_DIRECTIVE.findall(source))
        extra = set(BRACE_DIRECTIVE.findall(translation)) - src_fields
        if extra:
            return f"placeholder {{{sorted(extra)[0]}}} is not in the source string"
    return None


def check_catalogue(po, path):
    """Raise CommandError for the first problem that would break rendering."""
    header = po.metadata.get("Plural-Forms")
    if not header:
        raise CommandError(f"{path}:1: the header has no Plural-Forms line.")
    match = PLURAL_FORMS.match(header)
    if not match:
        raise CommandError(f"{path}:1: malformed Plural-Forms header {header!r}.")
    nplurals = int(match.group(1))
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        where = f"{path}:{entry.linenum}"
        if entry.msgid_plural:
            forms = {int(k): v for k, v in entry.msgstr_plural.items()}
            if any(forms.values()) and sorted(forms) != list(range(nplurals)):
                raise CommandError(
                    f"{where}: {entry.msgid!r} has {len(forms)} plural forms; "
                    f"the header says nplurals={nplurals}."
                )
            for index, text in forms.items():
                # A plural form may follow either source string (some languages have one form).
                problem = text and (
                    _check_format(entry, entry.msgid_plural, text)
                    and _check_format(entry, entry.msgid, text)
                )
                if problem:
                    raise CommandError(f"{where}: msgstr[{index}] of {entry.msgid!r}: {problem}.")
        elif entry.msgstr:
            problem = _check_format(entry, entry.msgid, entry.msgstr)
            if problem:
                raise CommandError(f"{where}: translation of {entry.msgid!r}: {problem}.")


def _write_if_changed(target, data):
    """Write atomically (readers never see half a file); leave identical files untouched."""
    if target.exists() and target.read_bytes() == data:
        return False
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".mo.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


class Command(BaseCommand):
    help = (
        "Compile every locale/<lang>/LC_MESSAGES/*.po to .mo with polib (no GNU gettext "
        "needed), after checking headers, plural forms and placeholders."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "-l",
            "--locale",
            action="append",
            default=[],
            help="Only this language (repeatable). Default: every language found.",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Check the catalogues without writing .mo files.",
        )

    def handle(self, *args, locale, check, verbosity, **options):
        paths = sorted(
            po_path
            for directory in catalogue_dirs()
            for po_path in directory.glob("*/LC_MESSAGES/*.po")
            if not locale or po_path.parent.parent.name in locale
        )
        if not paths:
            raise CommandError(
                "No .po files found in "
                + ", ".join(str(d) for d in settings.LOCALE_PATHS)
                + (f" for {', '.join(locale)}." if locale else ".")
            )
        written = 0
        for po_path in paths:
            check_syntax(po_path)
            try:
                po = polib.pofile(str(po_path), encoding="utf-8", wrapwidth=0)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                raise CommandError(f"{po_path}: cannot be read: {exc}") from exc
            check_catalogue(po, po_path)
            total = len([e for e in po if not e.obsolete])
            done = len(po.translated_entries())
            if not check and _write_if_changed(po_path.with_suffix(".mo"), po.to_binary()):
                written += 1
            if verbosity >= 2 or (verbosity >= 1 and done < total):
                lang = po_path.parent.parent.name
                self.stdout.write(f"  {lang}: {done}/{total} translated ({po_path.name})")
        action = "Checked" if check else f"Compiled {written} changed of"
        self.stdout.write(self.style.SUCCESS(f"{action} {len(paths)} catalogue(s)."))
