"""First fact extractor (replaced by the full one): no facts yet, event date = publication date."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.model import Fact, Mention, Sentence


def extract_facts(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                  published_at: str = "") -> tuple[Fact, ...]:
    return ()


def event_date(text: str, sentences: Sequence[Sentence], published_at: str) -> str:
    return published_at[:10]
