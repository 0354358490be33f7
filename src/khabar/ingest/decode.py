"""Bytes to text, with the encoding named: UTF-8 (BOM or not), UTF-16 (BOM or not),
Windows-1256 and ISO-8859-6, the encodings Arabic news files come in.

Our own checks run first because the generic detector (charset-normalizer) confuses
the two Arabic single-byte code pages and BOM-less UTF-16 Arabic (which has no NUL
bytes, unlike BOM-less UTF-16 English). charset-normalizer is the last resort.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from khabar.errors import BadDocument

_SIGNATURES = {
    b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"\x1f\x8b": "gzip archive", b"PK\x03\x04": "zip archive",
    b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"BZh": "bzip2 archive", b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7z archive", b"\x7fELF": "executable",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_MOJIBAKE = re.compile(r"[À-ÿ×÷\u0080-\u009f]")
_SAMPLE = 1 << 16


def decode(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding name)`` of ``data``; BadDocument for binary or undecodable input."""
    if not data:
        return "", "utf-8"
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise BadDocument(source, f"binary file ({what}), not text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                raise BadDocument(source, f"invalid {name} after its byte order mark: {err.reason}") from None
    for name in ("utf-16-le", "utf-16-be"):
        text = _utf16_without_bom(data, name)
        if text is not None:
            return text, name
    if data.count(0) > len(data) // 100:
        raise BadDocument(source, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return text, "utf-8"
        raise BadDocument(source, "binary data (control characters), not text")
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    best = _arabic_code_page(data)
    if best is not None:
        return best
    guess = from_bytes(data[:_SAMPLE]).best()
    if guess is not None and guess.encoding:
        try:
            text = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if _plausible(text):
                return text, guess.encoding
    raise BadDocument(source, "undecodable text (not UTF-8, UTF-16, Windows-1256 or ISO-8859-6)")


def _plausible(text: str) -> bool:
    """Text a person wrote: almost no control characters."""
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) <= max(2, len(sample) // 1000)


def _utf16_without_bom(data: bytes, name: str) -> str | None:
    """The text if ``data`` reads as BOM-less UTF-16 of Arabic or Latin script, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    high = data[1::2] if name == "utf-16-le" else data[0::2]
    sample = high[: _SAMPLE // 2]
    if sum(1 for b in sample if b in (0x00, 0x06, 0x20, 0xfe)) < 0.9 * len(sample):
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return text if _plausible(text) else None


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Files pasted together from a UTF-8 and a Windows-1256 source: each line decoded on
    its own (None unless some lines are non-ASCII UTF-8 and the others read as Arabic)."""
    lines = data.splitlines(keepends=True)
    if not any(not line.isascii() and _utf8(line) is not None for line in lines):
        return None  # a single-byte file: no line is worth decoding twice
    parts, fallback = [], []
    for line in lines:
        text = _utf8(line)
        if text is None:
            page = _arabic_code_page(line)
            if page is None:
                return None
            text = page[0]
            fallback.append(page[1])
        parts.append(text)
    return "".join(parts), "utf-8+" + max(set(fallback), key=fallback.count)


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _arabic_code_page(data: bytes) -> tuple[str, str] | None:
    """Windows-1256 or ISO-8859-6, whichever reads as more Arabic (None if neither does)."""
    best: tuple[float, str, str] | None = None
    for name in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        arabic = len(_ARABIC.findall(sample))
        if not arabic or not _plausible(text):
            continue
        score = (arabic + 4 * sample.count("ال") - 8 * len(_MOJIBAKE.findall(sample))) / len(sample)
        if best is None or score > best[0]:
            best = (score, text, "windows-1256" if name == "cp1256" else "iso-8859-6")
    if best is None or best[0] <= 0:
        return None
    return best[1], best[2]
