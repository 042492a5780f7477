"""Facets as the library and site search show them: one shape for both, one template
(`templates/includes/filter_panel.html`).

An `Option` is one choice of a facet, built by both counters (`knowledge.filters` and
`search.options`) and serialised as is by both APIs. `Facet` adds what a reader needs on a
phone: the most used options first with the rest behind "Show all", and the chosen filters as
removable chips."""

from dataclasses import dataclass
from functools import cached_property

SHOWN_FIRST = 6


@dataclass(frozen=True)
class Option:
    """One choice of a facet: its value, its label, how many results choosing it gives, whether
    the reader chose it, and the language of the label when it is not the reader's (for a
    ``lang`` attribute; empty otherwise)."""

    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""

    @classmethod
    def of(cls, value, label, count, chosen, lang=""):
        """An option of a facet whose selection is ``chosen``; the label as text."""
        return cls(value, str(label), count, value in chosen, lang)

    @property
    def shown(self):
        """Options without results are left out unless chosen: a chosen option stays visible
        (with its 0) so the reader can untick it."""
        return bool(self.count or self.selected)


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @cached_property
    def _shown_values(self):
        """The most used options, the chosen ones always among those shown."""
        by_count = sorted(self.options, key=lambda option: -option.count)
        return {option.value for option in by_count[:SHOWN_FIRST] + self.selected}

    @property
    def shown(self):
        return [option for option in self.options if option.value in self._shown_values]

    @property
    def more(self):
        return [option for option in self.options if option.value not in self._shown_values]


def facet_list(facets, labels=None):
    """Facets from the library's list of dicts or from search's {name: options} with labels."""
    if isinstance(facets, dict):
        return [Facet(name, str(labels[name]), facets[name]) for name in labels if facets.get(name)]
    return [Facet(f["name"], f["label"], f["options"]) for f in facets if f["options"]]


def chips(facets, params):
    """The chosen filters, each with the query string that removes it (and resets the page)."""
    found = []
    for facet in facets:
        for option in facet.selected:
            rest = params.copy()
            rest.setlist(facet.name, [v for v in params.getlist(facet.name) if v != option.value])
            rest.pop("page", None)
            found.append({"facet": facet.label, "label": option.label, "query": rest.urlencode()})
    return found


def filter_panel(facets, params):
    """What the filter panel template needs: the facets, the chips and how many are chosen."""
    return {
        "facets": facets,
        "chips": chips(facets, params),
        "selected_count": sum(len(facet.selected) for facet in facets),
    }
