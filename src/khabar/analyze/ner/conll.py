"""CoNLL-style NER files: reading, tag mapping to the four coarse types, and entity spans.

NewsFANE uses ~45 fine classes (Alotaibi & Lee 2014, an ACE-like taxonomy). We map
them to PER / LOC / ORG / MISC so that the tagger speaks the project's types:

- PER: individual people (Politician, Athlete, Artist, Scientist, Businessperson,
  Religious_PER, Police, Lawyer, Engineer, Other_PER).
- LOC: geo-political and natural places and facilities (Nation, Population-Center,
  State-or-Province, County-or-District, GPE-Cluster, Continent, Water-Body,
  Land-Region-Natural, Celestial, Building-Grounds, Airport, Path, Subarea-Facility).
- ORG: Government, Non-Governmental, Commercial, Educational, Media, Sports,
  Religious_ORG, Medical-Science, Entertainment.
- MISC: everything else: peoples and nationalities ("Group": العرب، المسلمين), works
  (Book, Movie), products (Software, Hardware, Food, Drug, Plant), vehicles (Air,
  Land, Water) and weapons (Projectile, Shooting).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from pathlib import Path

_PER = "Politician Athlete Artist Scientist Businessperson Religious_PER Police Lawyer Engineer Other_PER PERS PER"
_LOC = ("Nation Population-Center State-or-Province County-or-District GPE-Cluster Continent Water-Body "
        "Land-Region-Natural Celestial Building-Grounds Airport Path Subarea-Facility LOC GPE FAC")
_ORG = "Government Non-Governmental Commercial Educational Media Sports Religious_ORG Medical-Science Entertainment ORG"
FINE_TO_COARSE = ({c: "PER" for c in _PER.split()} | {c: "LOC" for c in _LOC.split()}
                  | {c: "ORG" for c in _ORG.split()})
_STRIP = "\ufeff\u200e\u200f\u202a\u202b\u202c\r"


def coarse(label: str) -> str:
    """The coarse type (PER/LOC/ORG/MISC) of a fine or coarse class name; unknown classes are MISC."""
    return FINE_TO_COARSE.get(label, FINE_TO_COARSE.get(label.upper(), "MISC"))


def coarse_tag(tag: str) -> str:
    """A BIO tag with its class mapped to the coarse set (``B-Politician`` -> ``B-PER``)."""
    if tag in ("O", "", "_"):
        return "O"
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIES":
        prefix, label = ("I" if tag[0] in "IE" else "B"), tag[2:]
    else:  # a bare class name (IO tagging): treat as inside
        prefix, label = "I", tag
    return f"{prefix}-{coarse(label)}"


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of (tokens, coarse BIO tags) from a ``token TAG`` file (space or tab separated).

    Byte-order marks, bidi marks and CR are stripped; blank lines separate sentences.
    Raises ValueError naming the file and line when a line has no tag.
    """
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.translate({ord(c): None for c in _STRIP}).strip()
            if not line:
                if tokens:
                    sentences.append((tokens, tags))
                tokens, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{number}: expected 'token TAG', got {line!r}")
            tokens.append(parts[0])
            tags.append(coarse_tag(parts[-1]))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) of a BIO sequence, CoNLL style (stray I- starts one).

    Only the tokens inside names are visited (picked by a C-level ``compress``): most tokens
    of news are outside any name, and every sentence of every article comes through here.
    """
    out: list[tuple[int, int, str]] = []
    start, kind, previous = -1, "", -2
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        if start >= 0 and i != previous + 1:  # an O came in between: it ended the entity
            out.append((start, previous + 1, kind))
            start = -1
        prefix, _, label = tags[i].partition("-")
        if start >= 0 and (prefix != "I" or label != kind):
            out.append((start, i, kind))
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, kind = i, label
        previous = i
    if start >= 0:
        out.append((start, previous + 1, kind))
    return out


def split_holdout(sentences: Iterable, fold: int = 5) -> tuple[list, list]:
    """Deterministic split: every ``fold``-th sentence (index % fold == fold - 1) is held out."""
    train, held = [], []
    for i, sentence in enumerate(sentences):
        (held if i % fold == fold - 1 else train).append(sentence)
    return train, held

