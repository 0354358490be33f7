"""Labelled JSON Lines files of the ``khabar eval`` commands, read with errors that name the line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_items(path: Path, make: Callable[[int, dict], T], what: str) -> Iterator[T]:
    """``make(line_number, row)`` for each non-blank line; a line that is not JSON or that
    ``make`` rejects (missing key, wrong type) raises ValueError naming ``path:line`` and ``what``."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield make(n, json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not {what} ({exc})") from exc
