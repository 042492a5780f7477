import unicodedata

_SPECIAL = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"}


def fold_latin_diacritics(text):
    """'Việt Nam' → 'Viet Nam'. Only Latin letters are folded: Khmer and Bengali vowel signs and
    Arabic letters are left alone, since removing their marks would change the word."""
    folded = []
    for char in text:
        if char in _SPECIAL:
            folded.append(_SPECIAL[char])
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        folded.append(base if len(decomposed) > 1 and base.isascii() else char)
    return "".join(folded)
