"""Bytes to text: UTF-8 first (most Arabic news is), else the detected encoding (cp1256, ...).

Arabic sites still serve windows-1256 and ISO-8859-6 pages; charset-normalizer
guesses those from the bytes when UTF-8 fails. Undecodable input is a
:class:`BadDocument`, never a crash.
"""

from __future__ import annotations

from charset_normalizer import from_bytes

from khabar.errors import BadDocument


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding used; BOMs are dropped."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise BadDocument(source, "cannot decode: not text in any known encoding")
    return str(best), best.encoding
