"""Write the corpus of bad inputs that every reader and stage must survive.

The small files are committed in tests/bad_inputs/; the large ones (a 50 MB single
line, a huge word) are generated on demand with --large, since they do not belong in
git. Each file's name says what it is; EXPECTED maps it to the outcome the pipeline
must report (processed, skipped, or both for files holding several records).

    python scripts/make_bad_inputs.py tests/bad_inputs            # the small corpus
    python scripts/make_bad_inputs.py /tmp/bad --large            # plus the large files
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from pathlib import Path

ARABIC = ("بدأت روسيا والولايات المتحدة، يوم الخميس، جولة جديدة من المحادثات تهدف إلى تطبيع العلاقات "
          "الدبلوماسية، وذلك في إسطنبول بتركيا، رغم غياب أي تقدم واضح في المفاوضات المنفصلة.")
ARABIC_2 = ("وذكرت وكالة أنباء ريا نوفوستي الروسية أن المحادثات استمرت لنحو ست ساعات، "
            "وأن الطرفين أنجزا رسمياً اتفاقاً بشأن حصول دبلوماسيي البلدين على الخدمات المصرفية.")

# name -> "processed" | "skipped" | "mixed" (several records: some of each)
EXPECTED = {
    "empty.txt": "skipped",
    "whitespace.txt": "skipped",
    "image.png.txt": "skipped",
    "document.pdf.txt": "skipped",
    "archive.gz.txt": "skipped",
    "truncated_utf8.txt": "processed",
    "windows1256.txt": "processed",
    "iso8859_6.txt": "processed",
    "utf16le_no_bom.txt": "processed",
    "utf16_bom.txt": "processed",
    "mixed_encodings.txt": "processed",
    "deeply_nested.html": "processed",
    "broken.html": "processed",
    "scripts_only.html": "skipped",
    "malformed.jsonl": "mixed",
    "bidi_controls.txt": "processed",
    "null_bytes.txt": "processed",
    "long_word.txt": "processed",
    "other_scripts.txt": "processed",
    "truncated.warc": "mixed",
}
LARGE = {"single_line_50mb.txt": "skipped", "huge_word.txt": "processed"}


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    raw = b"".join(b"\x00" + bytes([x % 256, 0, 0] * 16) for x in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (16).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET" * 20)
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    return (head + b"4 0 obj<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream
            + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _warc() -> bytes:
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i, text in enumerate((ARABIC, ARABIC_2)):
        html = f"<html><head><title>خبر {i}</title></head><body><article><p>{text}</p></article></body></html>"
        payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).encode()
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000000{i}>",
                 "WARC-Date": "2025-04-10T12:00:00Z"}  # fixed, so the file is reproducible
        record = writer.create_warc_record(f"https://news.example/{i}", "response", payload=io.BytesIO(payload),
                                           warc_headers_dict=fixed)
        writer.write_record(record)
    data = buf.getvalue()
    return data[: len(data) - 120]  # the second record is cut short


def _body(n: int) -> str:
    """The two paragraphs plus a numbered line, so no two files share a content hash."""
    return f"{ARABIC}\n\n{ARABIC_2}\n\nملف الاختبار رقم {n}."


def small_files() -> dict[str, bytes]:
    nested = "<div>" * 5000 + f"<p>{ARABIC}</p>" + "</div>" * 10
    jsonl = "\n".join([
        json.dumps({"text": ARABIC, "outlet": "الشرق"}, ensure_ascii=False),
        "{\"text\": \"قطع",
        "[]",
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
        "\x00\x01\x02",
        json.dumps({"text": ARABIC_2, "published_at": "2025-04-10"}, ensure_ascii=False),
    ])
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "image.png.txt": _png(),
        "document.pdf.txt": _pdf(),
        "archive.gz.txt": gzip.compress(ARABIC.encode() * 5, mtime=0),
        "truncated_utf8.txt": _body(1).encode()[:-1],
        "windows1256.txt": _body(2).encode("cp1256", "replace"),
        "iso8859_6.txt": ("محادثات في اسطنبول\n\nبدأت المحادثات بين روسيا والولايات المتحدة في اسطنبول يوم الخميس"
                          " لتطبيع العلاقات بين البلدين، وتستمر المحادثات حتى المساء.").encode(
            "iso8859_6", "replace"),
        "utf16le_no_bom.txt": _body(3).encode("utf-16-le"),
        "utf16_bom.txt": _body(4).encode("utf-16"),
        "mixed_encodings.txt": _body(9).encode() + b"\n\n" + ARABIC_2.encode("cp1256", "replace"),
        "deeply_nested.html": nested.encode(),
        "broken.html": f"<html><body><p>{ARABIC}<div><p>{ARABIC_2}</span></table>".encode(),
        "scripts_only.html": b"<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
                             b"<body><script>document.write('x')</script></body></html>",
        "malformed.jsonl": jsonl.encode(),
        "bidi_controls.txt": ("\u202e" + _body(7) + "\u202c\u200f\n\n\u2066" + ARABIC_2 + "\u2069").encode(),
        "null_bytes.txt": _body(5).replace("\n\n", "\x00\x00", 1).encode(),
        "long_word.txt": (_body(6) + " " + "ب" * 20000).encode(),
        "other_scripts.txt": ("Переговоры в Стамбуле продолжались шесть часов. 伊斯坦布尔会谈持续了六个小时。"
                              " שיחות באיסטנבול. " + ARABIC).encode(),
        "truncated.warc": _warc(),
    }


def large_files() -> dict[str, bytes]:
    return {
        "single_line_50mb.txt": (ARABIC.replace("\n", " ") + " ").encode() * (50 * 1024 * 1024 // len(ARABIC.encode())),
        "huge_word.txt": (_body(8) + " " + "س" * 500_000).encode(),
    }


def main(argv: list[str]) -> None:
    target = Path(argv[0])
    target.mkdir(parents=True, exist_ok=True)
    files = small_files() | (large_files() if "--large" in argv else {})
    for name, data in files.items():
        (target / name).write_bytes(data)
    print(f"wrote {len(files)} files to {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
