"""Facets as the library and site search show them: one shape for both, one template
(`templates/includes/filter_panel.html`).

An option is the dict both counters already produce (value, label, count, selected), so the API
keeps serialising it unchanged. `Facet` adds what a reader needs on a phone: the most used
options first with the rest behind "Show all", and the chosen filters as removable chips."""

from dataclasses import dataclass

SHOWN_FIRST = 6


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list

    @property
    def selected(self):
        return [option for option in self.options if option["selected"]]

    @property
    def _ranked(self):
        """Options by count, the chosen ones always among those shown."""
        by_count = sorted(self.options, key=lambda option: -option["count"])
        first = by_count[:SHOWN_FIRST]
        first_values = {option["value"] for option in first}
        first += [o for o in self.selected if o["value"] not in first_values]
        return first

    @property
    def shown(self):
        shown = {option["value"] for option in self._ranked}
        return [option for option in self.options if option["value"] in shown]

    @property
    def more(self):
        shown = {option["value"] for option in self._ranked}
        return [option for option in self.options if option["value"] not in shown]


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
            rest.setlist(
                facet.name, [v for v in params.getlist(facet.name) if v != option["value"]]
            )
            rest.pop("page", None)
            found.append(
                {"facet": facet.label, "label": option["label"], "query": rest.urlencode()}
            )
    return found
