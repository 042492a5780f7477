"""What the shared templates in ``templates/includes/`` render, built by each app's view.

``Card`` is a ``ProvidedItem`` (title, url, summary, meta, language) with the optional parts
some lists show; ``includes/card_list.html`` renders a list of either. ``Download`` is one file
of ``includes/download_list.html``.
"""

from dataclasses import dataclass, field

from .providers import ProvidedItem


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class Card(ProvidedItem):
    kicker: str = ""  # a line above the title, e.g. the resource type
    when: str = ""  # a date or time for people, first on the meta line in a <time>
    when_iso: str = ""  # the same, machine-readable (its datetime attribute)
    summary_language: str = ""  # when the summary is in another language than the title
    badges: list[str] = field(default_factory=list)
    chips: list[str] = field(default_factory=list)
    chips_label: str = ""
    versions: list[LanguageLink] = field(default_factory=list)  # "Languages: English, Khmer"
    css: str = ""
    anchor: str = ""  # the card's id, for links to it
    data: dict = field(default_factory=dict)  # what a card's own body template shows


@dataclass(frozen=True)
class Download:
    url: str
    label: str
    label_language: str = ""
    file_format: str = ""  # shown as a badge, e.g. "pdf"
    facts: list[tuple[str, str]] = field(default_factory=list)  # (term, value)
    also: list[LanguageLink] = field(default_factory=list)  # the same file in other languages


def file_format(name):
    """The format badge of a file called ``name``: its extension, "" without one."""
    return name.rpartition(".")[2] if "." in name else ""
