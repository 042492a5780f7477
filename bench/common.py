"""Helpers shared by the benchmarks (not part of the portal)."""


def base36(n, width=4):
    """A treebeard path step (Wagtail's page tree: base 36, four characters a level)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return out.rjust(width, "0")
