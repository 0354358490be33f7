"""The one data model every stage reads and writes.

Frozen dataclasses of plain values (str, int, float, tuples), so that the same
objects travel through the embedded engine, SQLite and Spark tasks unchanged and
serialize with :func:`to_dict`. Character offsets always point into
``Article.body`` (the cleaned text a reader sees) unless a field says otherwise:
every fact, entity and summary sentence can be traced back to its span.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class RawDoc:
    """Bytes decoded to text, before cleaning. ``doc_id`` is a content hash."""

    doc_id: str
    source: str  # path, path:line or url: names the document in every message
    text: str = ""  # plain text (used when html is empty)
    html: str = ""
    url: str = ""
    outlet: str = ""
    title: str = ""
    published_at: str = ""  # ISO date or datetime, when the source gives one
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Block:
    """A piece of the raw text the cleaner kept apart from the body, with why."""

    text: str
    start: int  # offsets into the raw text
    end: int
    kind: str  # clutter | metadata | caption | title | appended
    reason: str  # which rule fired, e.g. "lexicon:اقرأ أيضاً"
    score: float = 1.0


@dataclass(frozen=True)
class Article:
    """A cleaned article: the body a reader sees, plus what was cut and found."""

    id: str  # = RawDoc.doc_id
    source: str
    title: str
    body: str
    outlet: str = ""
    url: str = ""
    published_at: str = ""
    author: str = ""
    credited_source: str = ""  # "المصدر: الأسبوع" -> "الأسبوع"
    captions: tuple[str, ...] = ()
    removed: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name found in an article. ``key`` is the transliteration-aware match key."""

    start: int
    end: int
    text: str
    type: str  # PER | LOC | ORG | MISC
    key: str
    sentence: int
    score: float = 1.0


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
    sentence: int
    confidence: float = 1.0


@dataclass(frozen=True)
class Fact:
    """One statement of fact with its evidence span.

    ``slot`` names what the fact is about (when, where, who_heads, duration,
    number, agreement, quote, topic_excluded, ...); ``key`` is the normalized
    value used to decide agreement, ``value`` the text shown to people.
    """

    slot: str
    value: str
    key: str
    start: int
    end: int
    sentence: int
    subject: str = ""  # who or what the fact is about (entity key or role)
    speaker: str = ""  # for quotes
    confidence: float = 1.0
    background: bool = False  # about an earlier/other happening than the article's event


@dataclass(frozen=True)
class Analysis:
    """Everything the per-article stage found; independent of other articles."""

    article_id: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    facts: tuple[Fact, ...] = ()
    event_date: str = ""  # best guess of the date of the happening reported
    terms: tuple[str, ...] = ()  # normalized stems of the title and body, for grouping


@dataclass(frozen=True)
class Citation:
    article_id: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Duplicate:
    article_id: str
    original_id: str
    jaccard: float


@dataclass(frozen=True)
class Event:
    id: str
    article_ids: tuple[str, ...]
    title: str = ""
    date: str = ""
    duplicates: tuple[Duplicate, ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    event_ids: tuple[str, ...]  # in time order
    title: str = ""


@dataclass(frozen=True)
class EntityRef:
    article_id: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    role: str
    evidence: Citation


@dataclass(frozen=True)
class Entity:
    """One real-world person, place or organization across articles."""

    id: str
    type: str
    name: str  # canonical Arabic spelling (the most frequent full form)
    roman: str = ""
    key: str = ""
    spellings: tuple[tuple[str, int], ...] = ()  # (spelling, count), most frequent first
    mentions: tuple[EntityRef, ...] = ()  # a bounded sample, every article first (see mention_count)
    roles: tuple[Role, ...] = ()
    mention_count: int = 0  # all its mentions; 0 in digests made before mentions were capped

    @property
    def n_mentions(self) -> int:
        """How many times the entity is mentioned in all (``mentions`` may hold fewer)."""
        return self.mention_count or len(self.mentions)


@dataclass(frozen=True)
class Claim:
    """One source's value for an aligned slot."""

    article_id: str
    value: str
    key: str
    citation: Citation


@dataclass(frozen=True)
class FactGroup:
    """A slot of an event as reported by each source: agreement, single source or conflict."""

    slot: str
    subject: str
    status: str  # agreed | single | contradicted
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class SummarySentence:
    text: str
    article_id: str
    sentence: int
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    event_id: str = ""
    background: bool = False
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class EventDigest:
    event: Event
    headline: str
    summary: tuple[SummarySentence, ...] = ()
    facts: tuple[FactGroup, ...] = ()


@dataclass(frozen=True)
class StoryDigest:
    """What a reader gets for one story: the consolidated picture with provenance."""

    story: Story
    headline: str
    events: tuple[EventDigest, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    article_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


_PLAIN = frozenset({str, int, float, bool, type(None)})  # JSON values as they are


def to_dict(obj: Any) -> Any:
    """A JSON-ready view of any model object (tuples become lists)."""
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    names = _field_names(kind)
    if names is not None:
        return {name: _value(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [_value(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _value(v) for k, v in obj.items()}
    return obj


def _value(obj: Any) -> Any:
    """:func:`to_dict` with the test for plain values inlined (most values are: the hot path of storing)."""
    return obj if type(obj) in _PLAIN else to_dict(obj)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type (looked up once per type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a model object written by :func:`to_dict` (nested types restored)."""
    return _decoder(cls)(data)


@functools.cache
def _field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field's name and resolved type (resolving the hints is the slow part: done once per class)."""
    import typing

    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


@functools.cache
def _decoder(tp: Any) -> Callable[[Any], Any] | None:
    """How to rebuild a value of type ``tp`` from its JSON form; None: the value is kept as it is.

    Built once per type, so that reading thousands of articles back does not inspect
    type hints for every value (that inspection was most of the cost of a read).
    """
    import typing

    if dataclasses.is_dataclass(tp):
        fields = tuple((name, _decoder(hint)) for name, hint in _field_types(tp))

        def build(data: Any) -> Any:
            return tp(**{name: data[name] if decode is None else decode(data[name])
                         for name, decode in fields if name in data})
        return build
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is None else lambda value: tuple(map(item, value))
        items = tuple(_decoder(a) for a in args)
        return lambda value: tuple(v if decode is None else decode(v) for decode, v in zip(items, value, strict=True))
    return None
