"""The training vocabulary: how often each word occurs and how often inside a name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

_RES = resources.files("khabar") / "resources" / "ner"


@dataclass(frozen=True)
class Vocabulary:
    """Word counts of the training data and the share of each word's uses inside a name."""

    counts: dict[str, int]
    named: dict[str, float]

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def is_common(self, word: str) -> bool:
        """A frequent word that is rarely part of a name (so not a name on its own)."""
        return self.counts.get(word, 0) >= 2 and self.named.get(word, 0.0) < 0.5


@cache
def load_vocabulary() -> Vocabulary:
    counts, named = {}, {}
    for line in (_RES / "vocab.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, count, share = line.split("\t")
        counts[word], named[word] = int(count), float(share)
    return Vocabulary(counts, named)
