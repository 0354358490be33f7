"""Ingest: bytes in, text out, one reader per format; errors are values, never crashes."""

from khabar.ingest.readers import SUPPORTED_SUFFIXES, doc_id, read_paths

__all__ = ["SUPPORTED_SUFFIXES", "doc_id", "read_paths"]
