"""The verdict a cleaning rule gives a line: kept apart as what, by which rule, how sure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    kind: str  # body | clutter | metadata | caption | title | appended
    reason: str
    score: float = 1.0
    opens_tail: bool = False  # a section marker: what follows may be links or other articles


BODY = Label("body", "")
