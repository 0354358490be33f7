"""Stream the objects of one big JSON array without loading the array.

``json.load`` on a 12 MB array holds the text and every object at once; this
reads fixed-size chunks and peels one object at a time off the buffer with
``JSONDecoder.raw_decode``, so memory stays near one chunk plus one record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

CHUNK = 1 << 20


class ArrayError(ValueError):
    """The stream is not a JSON array, or a record in it is malformed; ``index`` names the record."""

    def __init__(self, index: int, reason: str):
        super().__init__(f"record {index}: {reason}")
        self.index = index
        self.reason = reason


def iter_array(stream: TextIO, chunk: int = CHUNK, max_record: int = 64 << 20) -> Iterator[object]:
    """Each element of the JSON array in ``stream``, in order; raises :class:`ArrayError` on bad input."""
    decoder = json.JSONDecoder()
    buf = ""
    pos = 0
    eof = False
    index = 0
    state = "start"  # start -> item -> sep -> item ... -> end

    def more() -> bool:
        nonlocal buf, pos, eof
        data = stream.read(chunk)
        if not data:
            eof = True
            return False
        buf = buf[pos:] + data
        pos = 0
        return True

    while True:
        while pos < len(buf) and buf[pos].isspace():
            pos += 1
        if pos >= len(buf):
            if eof or not more():
                if state == "end":
                    return
                raise ArrayError(index, "unexpected end of data")
            continue
        ch = buf[pos]
        if state == "start":
            if ch != "[":
                raise ArrayError(index, "not a JSON array")
            pos += 1
            state = "first"
        elif state in ("first", "item"):
            if ch == "]" and state == "first":
                pos += 1
                state = "end"
                continue
            try:
                value, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as err:
                if not eof and len(buf) - pos < max_record and more():
                    continue
                raise ArrayError(index, f"malformed JSON: {err.msg}") from None
            if end == len(buf) and not eof:  # a number or literal may continue in the next chunk
                if more():
                    continue
            pos = end
            index += 1
            state = "sep"
            yield value
        elif state == "sep":
            pos += 1
            if ch == ",":
                state = "item"
            elif ch == "]":
                state = "end"
            else:
                raise ArrayError(index, f"expected ',' or ']' after a record, found {ch!r}")
        else:
            raise ArrayError(index, "data after the end of the array")
