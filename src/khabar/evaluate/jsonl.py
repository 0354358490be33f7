"""Labelled JSON Lines files of the ``khabar eval`` commands: a bad line is named and skipped."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_items(path: Path, make: Callable[[int, dict], T], what: str) -> tuple[list[T], list[str]]:
    """``(items, skipped)``: ``make(line_number, row)`` for each non-blank line, and for each line
    that is not JSON or that ``make`` rejects (missing key, wrong type) a message naming
    ``path:line`` and ``what``, so one broken line does not cost the rest of the file."""
    items: list[T] = []
    skipped: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                items.append(make(n, json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                skipped.append(f"{path}:{n}: not {what} ({type(exc).__name__}: {exc})")
    return items, skipped
