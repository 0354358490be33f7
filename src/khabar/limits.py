"""Resource limits per document: its size in bytes and the seconds its stages may take.

A document over a limit is a :class:`~khabar.errors.BadDocument` naming it, so the
batch goes on. The time limit uses a real-time interval timer (``SIGALRM``): it
interrupts pure-Python work anywhere, also inside the pool's worker processes,
where each worker runs one document at a time in its main thread. Where there is
no ``SIGALRM`` (Windows) or outside the main thread, the time limit is not
enforced rather than failing the run.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from khabar.errors import BadDocument
from khabar.model import RawDoc

MAX_BYTES = 20 * 1024 * 1024
MAX_SECONDS = 30.0


@dataclass(frozen=True)
class Limits:
    """How big one document may be, and how long its per-article stages may run (0: no limit)."""

    max_bytes: int = MAX_BYTES
    max_seconds: float = MAX_SECONDS

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.max_seconds < 0:
            raise ValueError(f"max_seconds must be zero (no limit) or positive, got {self.max_seconds}")


DEFAULT_LIMITS = Limits()


class DocumentTimeout(BadDocument):
    """A document whose stages ran past the time limit."""


class _Alarm(BaseException):
    """Raised by the timer; a BaseException so that no ``except Exception`` in a stage swallows it."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, source: str) -> Iterator[None]:
    """Run the block for at most ``seconds``, else raise :class:`DocumentTimeout` naming ``source``."""
    if seconds <= 0 or not _can_alarm():
        yield
        return

    def ring(_signum: int, _frame: object) -> None:
        raise _Alarm

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # one-shot: once it rang, it cannot ring again
    try:
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Alarm:  # also when it rang between the block's end and the disarming: still over time
        raise DocumentTimeout(source, f"took longer than the limit of {seconds:g} s (--max-seconds)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_size(item: RawDoc | BadDocument, max_bytes: int) -> RawDoc | BadDocument:
    """The item, or a BadDocument naming it when its text is over ``max_bytes`` in UTF-8.

    The readers check file and line sizes; this catches one record of a large
    archive, feed or Parquet file that is itself too big.
    """
    if isinstance(item, BadDocument):
        return item
    content = item.html or item.text
    if len(content) * 4 <= max_bytes:  # no UTF-8 character takes more than 4 bytes: surely within
        return item
    size = len(content.encode("utf-8", "surrogatepass"))
    if size <= max_bytes:
        return item
    return BadDocument(item.source, f"too large ({size:,} bytes > limit {max_bytes:,})")
