"""Which cells of one country's aggregates may be published: primary and complementary
suppression, decided over the assessments behind the cells, not over the cells' counts.

The model. A *unit* is one assessment counted in a cell. Units that fall into exactly the same
candidate cells form a *class*; every cell is a union of classes, so every figure an outsider
can compute from published cells (sums, differences, any linear combination) is constant on
each class. A group of units is *derivable* when its indicator vector over the classes lies in
the row space of the published cells' vectors, i.e. is orthogonal to their null space.

The rule enforced here, for one system of cells (one country, one indicator):

* primary: a cell over fewer than ``threshold`` units is suppressed;
* complementary: no suppressed cell, and no group of fewer than ``threshold`` units, may be
  derivable from the published cells. While one is, one more cell is suppressed: the first in
  the caller's drop order whose removal makes it underivable.

Cells that belong to one *series* (a balanced panel's cycles, which count the same factories)
are published or suppressed together. The search for small derivable groups is exact (every
union of classes smaller than the threshold is tried) up to ``SEARCH_BUDGET`` unions; a system
that needs more is made coarser by suppressing cells until it does not, so the guarantee never
rests on a search that was cut short.

Totals across countries are not decided here: they add up published country cells only
(``aggregation``), so they carry nothing a country's published cells do not.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np

SEARCH_BUDGET = 20_000
_TOLERANCE = 1e-7
_TOO_MANY = object()


@dataclass(frozen=True)
class Candidate:
    """One cell that could be published: ``atoms`` are indices into the system's atom sizes;
    cells are dropped in ascending ``order``; cells sharing a ``series`` go together."""

    key: Hashable
    atoms: frozenset
    order: tuple = ()
    series: Hashable | None = None


@dataclass
class _System:
    threshold: int
    class_sizes: list
    cells: dict  # key -> frozenset of class indices
    sizes: dict  # key -> units
    order: list  # keys, drop order
    series: dict = field(default_factory=dict)  # key -> series id
    same_classes: dict = field(default_factory=dict)  # frozenset of classes -> keys

    def members(self, key):
        """The cells that stand or fall with ``key``: its series, and every cell over exactly
        the same classes (suppressing one of two equal cells changes nothing), transitively."""
        found, todo = set(), [key]
        while todo:
            current = todo.pop()
            if current in found:
                continue
            found.add(current)
            tag = self.series.get(current)
            if tag is not None:
                todo += [k for k, t in self.series.items() if t == tag]
            todo += self.same_classes[self.cells[current]]
        return sorted(found, key=self.order.index)


def publishable(atom_sizes: Sequence[int], candidates: Sequence[Candidate], threshold: int):
    """The keys of the candidates that may be published."""
    system = _build(atom_sizes, candidates, threshold)
    published = {key for key, n in system.sizes.items() if n >= threshold}
    for key in list(published):
        if any(system.sizes[k] < threshold for k in system.members(key)):
            published.difference_update(system.members(key))
    while True:
        basis = _null_basis(system, published)
        violation = _derivable_violation(system, published, basis)
        if violation is None:
            return published
        if violation is _TOO_MANY:
            drop = _first_covering(system, published, _small(system, published))
        else:
            drop = _cells_to_drop(system, published, violation)
        published.difference_update(drop)


def _build(atom_sizes, candidates, threshold):
    cells = {c.key: frozenset(a for a in c.atoms if atom_sizes[a] > 0) for c in candidates}
    cells = {key: atoms for key, atoms in cells.items() if atoms}
    signature = {}
    for key, atoms in cells.items():
        for atom in atoms:
            signature.setdefault(atom, set()).add(key)
    classes = {}
    for atom, keys in signature.items():
        classes.setdefault(frozenset(keys), []).append(atom)
    class_of, class_sizes = {}, []
    for index, atoms in enumerate(classes.values()):
        class_sizes.append(sum(atom_sizes[a] for a in atoms))
        for atom in atoms:
            class_of[atom] = index
    by_key = {c.key: c for c in candidates}
    class_cells = {key: frozenset(class_of[a] for a in atoms) for key, atoms in cells.items()}
    same_classes = {}
    for key, classes_of_cell in class_cells.items():
        same_classes.setdefault(classes_of_cell, []).append(key)
    return _System(
        threshold=threshold,
        class_sizes=class_sizes,
        cells=class_cells,
        sizes={key: sum(class_sizes[i] for i in c) for key, c in class_cells.items()},
        order=sorted(class_cells, key=lambda k: (by_key[k].order, repr(k))),
        series={k: by_key[k].series for k in class_cells if by_key[k].series is not None},
        same_classes=same_classes,
    )


def _vector(system, classes):
    vector = np.zeros(len(system.class_sizes))
    vector[list(classes)] = 1.0
    return vector


def _null_basis(system, published):
    """Columns spanning the vectors over classes that every published cell sums to zero."""
    count = len(system.class_sizes)
    if not published:
        return np.eye(count)
    matrix = np.array([_vector(system, system.cells[k]) for k in sorted(published, key=repr)])
    _u, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > _TOLERANCE * max(1.0, singular[0])).sum())
    return vt[rank:].T


def _derivable(vector, basis):
    return basis.shape[1] == 0 or float(np.abs(vector @ basis).max()) < _TOLERANCE


def _derivable_violation(system, published, basis):
    """A suppressed cell or a small group that the published cells give away, or None."""
    for key, classes in system.cells.items():
        if key not in published and _derivable(_vector(system, classes), basis):
            return classes
    small = _small(system, published)
    for tried, group in enumerate(_unions_below(small, system.class_sizes, system.threshold)):
        if tried >= SEARCH_BUDGET:
            # Too many small classes to try them all: coarsen instead of trusting a partial search.
            return _TOO_MANY
        if _derivable(_vector(system, group), basis):
            return frozenset(group)
    return None


def _small(system, published):
    """The classes under the threshold that some published cell contains, smallest first."""
    covered = set().union(*(system.cells[k] for k in published)) if published else set()
    return sorted(
        (i for i in covered if system.class_sizes[i] < system.threshold),
        key=lambda i: (system.class_sizes[i], i),
    )


def _unions_below(classes, sizes, threshold):
    """Every non-empty set of ``classes`` (sorted by size) whose sizes add up below threshold."""
    stack = [((), 0, 0)]
    while stack:
        chosen, total, start = stack.pop()
        for position in range(start, len(classes)):
            index = classes[position]
            new_total = total + sizes[index]
            if new_total >= threshold:
                break
            group = (*chosen, index)
            yield group
            stack.append((group, new_total, position + 1))


def _drop_groups(system, published):
    """The published cells as groups that stand or fall together, cheapest first: a group
    costs as much as its most important member."""
    groups, seen = [], set()
    for key in system.order:
        if key in published and key not in seen:
            members = [k for k in system.members(key) if k in published]
            seen.update(members)
            groups.append(members)
    return sorted(groups, key=lambda members: max(system.order.index(k) for k in members))


def _cells_to_drop(system, published, group):
    """The cheapest group of cells whose suppression makes ``group`` underivable; failing
    that, the first published cells that contain any of it."""
    vector = _vector(system, group)
    for members in _drop_groups(system, published):
        if not _derivable(vector, _null_basis(system, published.difference(members))):
            return members
    return _first_covering(system, published, group)


def _first_covering(system, published, classes):
    """The first published cells in drop order that contain any of ``classes``."""
    classes = set(classes)
    for key in system.order:
        if key in published and system.cells[key] & classes:
            return system.members(key)
    return [next(k for k in system.order if k in published)]
