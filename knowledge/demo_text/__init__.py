"""The demo library's texts: the English resources (``resources``) and, per language, the
translations an editor would have entered (``fr``, ``es``, ``ar``, ``vi``, ``km``, ``id``,
``bn``). Translations are keyed by resource slug and by the keys of ``resources.COMMON``, so
renaming an English sentence cannot silently orphan its translations."""

from importlib import import_module

from . import resources

LANGUAGES = ["fr", "es", "ar", "vi", "km", "id", "bn"]


def language(code):
    """(COMMON, RESOURCES) of one language: {key: text} and {slug: (title, summary)}."""
    module = import_module(f"{__name__}.{code}")
    return module.COMMON, module.RESOURCES


def memory():
    """{language: {English: translation}}: wagtail-localize translation memory."""
    by_slug = resources.by_slug()
    result = {}
    for code in LANGUAGES:
        common, translated = language(code)
        known = {resources.COMMON[key]: text for key, text in common.items()}
        # wagtail-localize extracts a multi-line text field with <br/> for its line breaks.
        known |= {
            english.replace("\n", "<br/>"): text.replace("\n", "<br/>")
            for english, text in known.items()
            if "\n" in english
        }
        for slug, (title, summary) in translated.items():
            known[by_slug[slug]["title"]] = title
            known[by_slug[slug]["summary"]] = summary
        result[code] = known
    return result
