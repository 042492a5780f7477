"""Every interface string the code marks for translation is translated in every language.

Django's `makemessages` (GNU xgettext) extracts the msgids of the portal's own apps and
templates (templates, forms and their errors, e-mails, error pages, the portal's admin views;
not tests, benchmarks or installed packages: Wagtail and wagtail-localize bring their own
catalogues) once per test session, into a temporary directory: the real `locale/` is only read.
Each catalogue must then hold every msgid, translated and not fuzzy. The JavaScript is extracted
too (`djangojs`): as long as it marks no string, no `djangojs.po` is needed.

Without xgettext (`apt install gettext`) the tests skip on a laptop and fail under CI=true.
"""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LANGUAGES = ["fr", "es", "ar", "vi", "km", "id", "bn"]
DOMAINS = ["django", "djangojs"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# Inside the portal's own folders: what is not shipped interface text.
IGNORED = ["tests", "node_modules", "vendor", "migrations", "bench", ".*"]


def _source_roots():
    """Top-level folders of the project that hold an installed app or a template directory."""
    base = Path(settings.BASE_DIR)
    paths = [Path(config.path) for config in apps.get_app_configs()]
    paths += [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    roots = set()
    for path in paths:
        if path.is_relative_to(base) and not any(part.startswith(".") for part in path.parts):
            roots.add(path.relative_to(base).parts[0])
    return sorted(roots)


def _need_xgettext():
    if shutil.which("xgettext") and shutil.which("msguniq"):
        return
    message = "GNU gettext is missing: apt install gettext"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory):
    """{domain: {(msgctxt, msgid): POT entry}} of the current source tree.

    makemessages walks the current directory and writes next to any `locale/` it meets, so it
    runs in a temporary folder of symbolic links to the source roots, with LOCALE_PATHS
    pointing at an empty temporary locale directory."""
    _need_xgettext()
    work = tmp_path_factory.mktemp("extract")
    source, locale = work / "src", work / "locale"
    source.mkdir()
    locale.mkdir()
    for root in _source_roots():
        (source / root).symlink_to(Path(settings.BASE_DIR) / root)
    previous = Path.cwd()
    os.chdir(source)
    try:
        with override_settings(LOCALE_PATHS=[locale], MEDIA_ROOT="", STATIC_ROOT=""):
            for domain in DOMAINS:
                call_command(
                    "makemessages",
                    locale=["xx"],
                    domain=domain,
                    symlinks=True,
                    keep_pot=True,
                    ignore_patterns=IGNORED,
                    verbosity=0,
                )
    finally:
        os.chdir(previous)
    result = {}
    for domain in DOMAINS:
        pot = locale / f"{domain}.pot"
        entries = polib.pofile(str(pot)) if pot.exists() else []
        result[domain] = {(entry.msgctxt, entry.msgid): entry for entry in entries}
    return result


def _problems(pot_entries, po_path):
    if not po_path.exists():
        return {"missing": sorted(msgid for _ctx, msgid in pot_entries)} if pot_entries else {}
    catalogue = {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }
    problems = {"missing": [], "untranslated": [], "fuzzy": [], "plural forms differ": []}
    for key, source in pot_entries.items():
        label = key[1] if key[0] is None else f"{key[0]}|{key[1]}"
        entry = catalogue.get(key)
        if entry is None:
            problems["missing"].append(label)
        elif entry.fuzzy:
            problems["fuzzy"].append(label)
        elif bool(entry.msgid_plural) != bool(source.msgid_plural):
            problems["plural forms differ"].append(label)
        elif not entry.translated():
            problems["untranslated"].append(label)
    return {kind: sorted(labels) for kind, labels in problems.items() if labels}


def test_extraction_finds_the_interface_strings(extracted):
    """The extraction itself works: strings from templates, Python and e-mails are found."""
    found = {msgid for _ctx, msgid in extracted["django"]}
    assert len(found) > 500
    assert "Skip to main content" in found  # templates/base.html
    assert "Page not found" in found  # an error page
    assert "Programme facts" in found  # an app template
    # Only the portal's own source: no test, no installed package.
    roots = tuple(f"{root}/" for root in _source_roots())
    for domain in DOMAINS:
        for entry in extracted[domain].values():
            for path, _line in entry.occurrences:
                assert path.startswith(roots) and "/tests/" not in path, path


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_interface_string_is_translated(extracted, domain, lang):
    problems = _problems(extracted[domain], LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po")
    report = "\n".join(
        f"{kind} ({len(labels)}): " + "; ".join(repr(label) for label in labels[:40])
        for kind, labels in problems.items()
    )
    assert not problems, f"locale/{lang}/LC_MESSAGES/{domain}.po:\n{report}"


def test_a_missing_or_fuzzy_entry_is_reported(extracted, tmp_path):
    """The check can fail: a catalogue with one entry taken out and one marked fuzzy."""
    original = polib.pofile(str(LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"))
    original.remove(original.find("Skip to main content"))
    original.find("Page not found").flags.append("fuzzy")
    original.find("Programme facts").msgstr = ""
    copy = tmp_path / "django.po"
    original.save(str(copy))
    assert _problems(extracted["django"], copy) == {
        "missing": ["Skip to main content"],
        "fuzzy": ["Page not found"],
        "untranslated": ["Programme facts"],
    }


def test_a_string_used_in_javascript_needs_a_djangojs_catalogue(tmp_path):
    pot_entries = {(None, "Loading…"): polib.POEntry(msgid="Loading…")}
    assert _problems(pot_entries, tmp_path / "djangojs.po") == {"missing": ["Loading…"]}
    assert _problems({}, tmp_path / "djangojs.po") == {}
