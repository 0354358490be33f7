"""Normalization of Arabic text into matching keys, with offsets back to the original.

Levels compose: ``light`` removes what is invisible or decorative (diacritics,
tatweel, bidi marks, BOM) and maps digits to ASCII; ``match`` also folds letter
variants (alef forms, alef maqsura, Persian letters); ``key`` also folds taa
marbuta and hamza seats, for name and index keys. The original text is never
changed: :func:`normalize_map` says where each output character came from.
"""

from __future__ import annotations

import re

LEVELS = ("light", "match", "key")

_DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u202a", "\u202b",
              "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad"}
_DROP = _DIACRITICS | _INVISIBLE
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_MATCH = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه", "ھ": "ه"}
_KEY = {"ة": "ه", "ؤ": "و", "ئ": "ي"}

_TABLES = {
    "light": _DIGITS,
    "match": _DIGITS | _MATCH,
    "key": _DIGITS | _MATCH | _KEY,
}
_SPACE = re.compile(r"\s+")


def normalize_map(text: str, level: str = "match") -> tuple[str, list[int]]:
    """Normalize ``text``; return the key and, per key character, its index in ``text``."""
    table = _TABLES[level]
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(table.get(ch, ch))
        origin.append(i)
    return "".join(out), origin


def normalize(text: str, level: str = "match") -> str:
    """Normalize ``text`` at ``level`` (light, match, key); whitespace runs become one space."""
    table = _TABLES[level]
    key = "".join(table.get(ch, ch) for ch in text if ch not in _DROP)
    return _SPACE.sub(" ", key).strip()


def original_span(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of a :func:`normalize_map` key back to ``text``, keeping trailing marks.

    The end is stretched over diacritics and invisible marks dropped right after the
    last character, so "عضواً" comes back whole, tanween included.
    """
    if end <= start:
        pos = origin[start] if start < len(origin) else len(text)
        return pos, pos
    s, e = origin[start], origin[end - 1] + 1
    while e < len(text) and text[e] in _DROP:
        e += 1
    return s, e
