"""Keys that merge the spellings a foreign name gets in Arabic news."""

from __future__ import annotations

import re

from khabar.arabic.normalize import normalize

_LONG_VOWELS = re.compile(r"(?<=.)[اويى](?=.)")
_ROMAN = {"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
          "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
          "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
          "ي": "y", "ة": "a", "ء": "'", "ئ": "'", "ؤ": "'", "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v"}


def name_key(name: str) -> str:
    """A skeleton key: normalized, inner long vowels dropped, doubled letters folded."""
    words = []
    for w in normalize(name, "key").split():
        w = w.replace("تش", "ش")
        w = _LONG_VOWELS.sub("", w)
        w = re.sub(r"(.)\1+", r"\1", w)
        words.append(w)
    return " ".join(words)


def romanize(name: str) -> str:
    """A readable Latin rendering for display beside the Arabic name."""
    out = []
    for w in normalize(name, "match").split():
        out.append("".join(_ROMAN.get(c, c) for c in w).capitalize())
    return " ".join(out)
