"""The stream side of event clustering: what an article brings, given only the articles before it.

An article's TF-IDF vectors (document frequencies are learnt from the stream so far),
its keywords and the earlier article it copies depend on the articles before it in
the stream, never on how they were grouped. :class:`ArticleStream` computes them,
one article at a time; the clusterer then only places each article.

That split lets the single-core clusterer hand this half of its work (about half
of it: shingle hashing, TF-IDF, character n-grams) to a second process:
:func:`prepared` runs the stream in a forked child that sends its results back in
order, in chunks, while the parent looks up near-duplicates and places the articles
of the chunk before. Results are the same either way: the child runs the same code
over the same sequence. It costs CPU (pickling, copy-on-write, colder caches: 4-5 s
on 30,000 articles) and pays only when a second core is free (docs/bench/group.md).
"""

from __future__ import annotations

import gc
import heapq
import multiprocessing
import queue
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import NamedTuple

from datasketch import MinHash

from khabar.group.dedup import Deduplicator
from khabar.group.features import Profile, profile
from khabar.group.space import OnlineTfidf, background_df
from khabar.model import Analysis, Article, Duplicate

CHUNK = 256  # articles per message from the child: small enough that the parent starts at once
MIN_PIPELINED = 5000  # below this many articles a second process saves too little (measured: 2,807 did not gain)
_POLL = 5.0  # seconds between checks that the child is still alive while waiting for it
_NO_COUNTS: Counter = Counter()  # what a lean profile carries instead of its counts (shared, never written)


class Vectors(NamedTuple):
    """One article's (or a whole event's) unit vectors: stems, character n-grams, entity keys, dense."""

    terms: dict[str, float]
    chars: dict[str, float]
    names: dict[str, float]
    dense: object = None


class Prepared(NamedTuple):
    """An article as the clusterer places it (its profile without the counts it no longer needs)."""

    profile: Profile
    vectors: Vectors
    keywords: list[str]
    duplicate: Duplicate | None
    signature: bytes = b""  # its near-duplicate signature, when the stream left the look-up to its reader


class ArticleStream:
    """Document frequencies, the near-duplicate index and the stream's clock, fed one article at a time."""

    def __init__(self, top_terms: int, keywords: int, embedder: Callable | None = None) -> None:
        self.top_terms = top_terms
        self.keywords = keywords
        self.embedder = embedder
        self.terms_space = OnlineTfidf(background_df())
        self.chars_space = OnlineTfidf()
        self.names_space = OnlineTfidf()  # entity keys: a name most articles carry weighs little
        self.dedup = Deduplicator()
        self.clock: int | None = None  # latest known day in the stream
        self._seen: set[str] = set()

    def prepare_all(self, items: Iterable[tuple[Article, Analysis]], *,
                    look_up: bool = True) -> Iterator[Prepared | None]:
        """:meth:`prepare` of each item in turn, near-duplicate signatures taken a batch at a time."""
        it = iter(items)
        while batch := list(islice(it, CHUNK)):
            signatures = self.dedup.signatures([analysis.terms for _, analysis in batch])
            for (article, analysis), signature in zip(batch, signatures, strict=True):
                yield self.prepare(article, analysis, signature, look_up=look_up)

    def prepare(self, article: Article, analysis: Analysis, signature: MinHash | None | bool = False, *,
                look_up: bool = True) -> Prepared | None:
        """Count the article into the stream; None when its id came before (it is placed once).
        ``signature``: its near-duplicate signature if already taken (see :meth:`Deduplicator.add`);
        ``look_up=False`` returns it (as bytes) instead of the duplicate, for :meth:`look_up` elsewhere."""
        if article.id in self._seen:
            return None
        self._seen.add(article.id)
        prof = profile(article, analysis)
        if prof.day is not None:
            self.clock = prof.day if self.clock is None else max(self.clock, prof.day)
        elif self.clock is not None:
            prof.day = self.clock
        self.terms_space.observe(prof.terms)
        self.chars_space.observe(prof.chars)
        self.names_space.observe(names(prof))
        vec = self.vectors(prof)
        keywords = top_keywords(vec.terms, self.keywords)
        if not look_up:
            mh = self.dedup.signature(analysis.terms) if signature is False else signature
            return Prepared(prof, vec, keywords, None, self.dedup.to_bytes(mh))
        return Prepared(prof, vec, keywords, self.dedup.add(article.id, analysis.terms, signature))

    def look_up(self, p: Prepared) -> Prepared:
        """``p`` with the earlier article it copies, from the signature it carries (see :meth:`prepare`)."""
        dup = self.dedup.add(p.profile.article_id, (), self.dedup.from_bytes(p.signature))
        return p._replace(duplicate=dup, signature=b"")

    def vectors(self, prof: Profile) -> Vectors:
        """The article's vectors against the document frequencies seen so far."""
        return Vectors(self.terms_space.vector(prof.terms, self.top_terms), self.chars_space.vector(prof.chars),
                       self.names_space.vector(names(prof)),
                       None if self.embedder is None else self.embedder([prof.text])[0])


def prepared(stream: ArticleStream, items: Sequence[tuple[Article, Analysis]], *,
             pipelined: bool = False) -> Iterator[Prepared | None]:
    """``stream.prepare`` of each item, in order; ``pipelined`` runs it in a forked child process
    (when the platform can fork, the stream has no embedder, whose model stays in this process,
    and there are enough items)."""
    if pipelined and stream.embedder is None and len(items) >= MIN_PIPELINED and _can_fork():
        # the child sends signatures and this process keeps the near-duplicate index: the child's
        # half was the bigger one
        for p in _from_child(stream, items):
            yield p if p is None else stream.look_up(p)
        return
    yield from stream.prepare_all(items)


def _can_fork() -> bool:
    """Whether this process may fork a helper: the platform forks, and this is no daemonic worker
    (a pool's workers may not have children)."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


def _from_child(stream: ArticleStream, items: Sequence[tuple[Article, Analysis]]) -> Iterator[Prepared | None]:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue(maxsize=64)  # bounded: a child far ahead would hold the whole corpus's vectors
    # frozen objects are left out of the child's garbage collections, which would otherwise write to
    # (and so copy) every page of the parent's articles the child inherited
    gc.freeze()
    try:
        child = ctx.Process(target=_run_child, args=(stream, items, out), daemon=True)
        child.start()
    finally:
        gc.unfreeze()
    try:
        done = 0
        while done < len(items):
            try:
                chunk = out.get(timeout=_POLL)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"grouping: the stream process stopped (exit code {child.exitcode})") from None
                continue
            if isinstance(chunk, str):
                raise RuntimeError(f"grouping: the stream process failed: {chunk}")
            done += len(chunk)
            yield from chunk
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        out.close()


def _run_child(stream: ArticleStream, items: Sequence[tuple[Article, Analysis]], out) -> None:
    """The child's work: every item through the stream, sent on in chunks (an error as its text)."""
    try:
        chunk: list[Prepared | None] = []
        for p in stream.prepare_all(items, look_up=False):
            chunk.append(_lean(p))
            if len(chunk) == CHUNK:
                out.put(chunk)
                chunk = []
        if chunk:
            out.put(chunk)
    except Exception as exc:  # noqa: BLE001 - any failure is reported to the parent, which raises it
        out.put(f"{type(exc).__name__}: {exc}")
    out.close()
    out.join_thread()


def _lean(p: Prepared | None) -> Prepared | None:
    """What the parent needs of a prepared article: the counts only made the vectors (less to pickle)."""
    if p is not None:
        p.profile.terms = p.profile.chars = _NO_COUNTS
        p.profile.text = ""
    return p


def names(prof: Profile) -> dict[str, int]:
    """The entity keys as counts, in a fixed order (a frozenset's order changes from run to run)."""
    return dict.fromkeys(sorted(prof.entities), 1)


def top_keywords(tv: dict[str, float], n: int) -> list[str]:
    """The ``n`` heaviest features of a vector (ties by feature), used to retrieve candidates."""
    return heapq.nsmallest(n, tv, key=lambda f: (-tv[f], f))
