"""Helpers shared by the benchmarks (not part of the portal)."""

import math


def percentile(values, fraction):
    """The nearest-rank percentile (``fraction`` 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def base36(n, width=4):
    """A treebeard path step (Wagtail's page tree: base 36, four characters a level)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return out.rjust(width, "0")
