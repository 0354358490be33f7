"""The shapes of the /api/ responses, for the OpenAPI schema FastAPI generates.

TypedDicts that describe the dicts :mod:`khabar.present.web.views` builds (the
same dicts the HTML pages render), so the API documentation says exactly what
a page shows.
"""

from __future__ import annotations

from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12


class StoryRow(TypedDict):
    id: str
    headline: str
    date: str
    n_events: int
    n_articles: int
    n_outlets: int
    outlets: list[str]
    lede: str  # the first summary sentence


class StoryList(TypedDict):
    page: int
    total: int
    has_next: bool
    stories: list[StoryRow]


class Cite(TypedDict):
    """A citation marker: its number in the story and the source sentence it reveals."""

    n: int
    article_id: str
    sentence: int
    outlet: str
    title: str
    quote: str


class CitedSentence(TypedDict):
    text: str
    cites: list[Cite]


class EventView(TypedDict):
    id: str
    headline: str
    date: str
    n_articles: int
    outlets: list[str]
    summary: list[CitedSentence]
    n_duplicates: int


class TimelineItem(TypedDict):
    date: str
    text: str
    event_id: str
    background: bool
    cites: list[Cite]


class ClaimView(TypedDict):
    value: str
    key: str
    outlet: str
    article_id: str
    cite: Cite


class FactView(TypedDict):
    slot: str
    label: str
    subject: str
    subject_label: str  # the subject when a source spells it so (subjects are often match keys)
    status: str
    event_id: str
    event: str
    event_date: str
    claims: list[ClaimView]


class FactsByStatus(TypedDict):
    agreed: list[FactView]
    single: list[FactView]
    contradicted: list[FactView]


class SourceArticle(TypedDict):
    id: str
    title: str
    published_at: str


class SourceView(TypedDict):
    """One outlet in a story: its articles, the events it covered, its facts by status."""

    outlet: str
    articles: list[SourceArticle]
    events: list[str]
    facts: dict[str, int]
    slots: list[str]


class EntityView(TypedDict):
    id: str
    type: str
    name: str
    roman: str
    key: str
    spellings: list[tuple[str, int]]
    n_mentions: int
    roles: list[str]


class StoryView(StoryRow):
    summary: list[CitedSentence]
    events: list[EventView]
    timeline: list[TimelineItem]
    timeline_more: int  # background dates of a long story left out of ``timeline``
    facts: FactsByStatus
    sources: list[SourceView]
    entities: list[EntityView]


class Segment(TypedDict):
    text: str
    sentence: int | None


class RemovedBlock(TypedDict):
    kind: str
    reason: str
    text: str
    score: float


class ArticleView(TypedDict):
    id: str
    title: str
    outlet: str
    url: str
    published_at: str
    author: str
    credited_source: str
    source: str
    captions: list[str]
    paragraphs: list[list[Segment]]
    removed: list[RemovedBlock]
    stories: list[StoryRow]


class RoleEvidence(TypedDict):
    role: str
    cites: list[Cite]


class EntityPage(EntityView):
    role_evidence: list[RoleEvidence]
    stories: list[StoryRow]


class SnippetPart(TypedDict):
    text: str
    hit: bool


class SearchArticle(TypedDict):
    id: str
    title: str
    outlet: str
    published_at: str
    score: float
    snippet: list[SnippetPart]


class SearchGroup(TypedDict):
    story: StoryRow | None
    score: float
    articles: list[SearchArticle]


class SearchResult(TypedDict):
    q: str
    n_articles: int
    groups: list[SearchGroup]
