"""Bytes to text: the encodings Arabic news files come in, and clear errors for the rest."""

from __future__ import annotations

import codecs

import pytest

from khabar.errors import BadDocument
from khabar.ingest.decode import decode

ARABIC = ("بدأت روسيا والولايات المتحدة، يوم الخميس، جولة جديدة من المحادثات تهدف إلى تطبيع "
          "العلاقات الدبلوماسية، وذلك في إسطنبول بتركيا.\n\nوقال المتحدث إن المحادثات استمرت ست ساعات.\n")


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (ARABIC.encode("utf-8"), ARABIC, "utf-8"),
    (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), ARABIC, "utf-8-sig"),
    (ARABIC.encode("utf-16"), ARABIC, "utf-16"),
    (ARABIC.encode("utf-16-le"), ARABIC, "utf-16-le"),
    (ARABIC.encode("utf-16-be"), ARABIC, "utf-16-be"),
    (ARABIC.encode("cp1256"), ARABIC, "windows-1256"),
    (ARABIC.encode("iso-8859-6"), ARABIC, "iso-8859-6"),
    ("plain English text\n".encode("utf-16-le"), "plain English text\n", "utf-16-le"),
])
def test_known_encodings_round_trip(data, text, encoding):
    assert decode(data, "a.txt") == (text, encoding)


def test_the_two_arabic_code_pages_are_told_apart_on_short_text():
    short = "قال الرئيس إن المفاوضات مستمرة"
    assert decode(short.encode("cp1256"), "x")[1] == "windows-1256"
    assert decode(short.encode("iso-8859-6"), "x")[1] == "iso-8859-6"


@pytest.mark.parametrize(("data", "what"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
    (b"text\x00\x00\x00\x01\x02\x03" * 40, "NUL"),
])
def test_binary_input_is_a_bad_document_named_by_source(data, what):
    with pytest.raises(BadDocument) as err:
        decode(data, "feeds/broken.txt")
    assert err.value.source == "feeds/broken.txt"
    assert what in err.value.reason


def test_random_high_bytes_are_reported_not_crashed_on():
    noise = bytes((i * 97 + 13) % 256 for i in range(4000))
    with pytest.raises(BadDocument):
        decode(noise, "noise.bin")


def test_empty_input_is_empty_text():
    assert decode(b"", "empty.txt") == ("", "utf-8")


def test_utf8_and_windows_1256_lines_in_one_file_each_decode_right():
    first, second = ARABIC.split("\n\n")
    data = first.encode("utf-8") + b"\n\n" + second.encode("cp1256")
    text, encoding = decode(data, "pasted.txt")
    assert text == ARABIC
    assert encoding == "utf-8+windows-1256"
