"""Parquet tables of articles (the columns of the JSON Lines format), read in row batches.

Needs pyarrow (the ``spark`` extra installs it). Batches of ``batch`` rows keep
memory bounded however large the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from khabar.errors import BadDocument
from khabar.model import RawDoc

PARQUET_SUFFIXES = {".parquet"}

Item = RawDoc | BadDocument


def read_parquet(path: Path, batch: int = 1024) -> Iterator[Item]:
    """One RawDoc per row with ``text``/``content`` or ``html``; other rows are BadDocuments."""
    from khabar.ingest.readers import record_to_doc

    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield BadDocument(str(path), "reading Parquet needs pyarrow: pip install 'khabar[spark]'")
        return
    row = 0
    try:
        table = pq.ParquetFile(path)
        for chunk in table.iter_batches(batch_size=batch):
            for record in chunk.to_pylist():
                name = f"{path}#{row}"
                row += 1
                try:
                    yield record_to_doc(record, name)
                except BadDocument as err:
                    yield err
    except (OSError, ValueError) as err:  # pyarrow raises ArrowInvalid (a ValueError) on bad files
        yield BadDocument(f"{path}#{row}", f"unreadable Parquet: {err}")
