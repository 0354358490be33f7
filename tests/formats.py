"""Builders of feed and WARC files from real article text (the example story), for tests."""

from __future__ import annotations

import html
import io
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"


def seed_texts() -> list[str]:
    """The body text of the example articles, in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def article_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    title = html.escape(text.strip().splitlines()[0][:90])
    return (f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def write_feed(path: Path, texts: list[str], kind: str = "rss") -> Path:
    """An RSS 2.0 or Atom feed with one full-text entry per text."""
    offset = 0 if kind == "rss" else 3
    entries = []
    for i, text in enumerate(texts, offset):
        title = html.escape(text.strip().splitlines()[0][:90])
        body = html.escape(article_html(text))
        link = f"https://news.example/{i}"
        if kind == "rss":
            entries.append(f"<item><title>{title}</title><link>{link}</link>"
                           f"<pubDate>Thu, 10 Apr 2025 09:0{i}:00 GMT</pubDate>"
                           f"<description>{body}</description></item>")
        else:
            entries.append(f"<entry><title>{title}</title><link href='{link}'/><id>{link}</id>"
                           f"<updated>2025-04-10T09:0{i}:00Z</updated><content type='html'>{body}</content></entry>")
    if kind == "rss":
        doc = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة الاختبار</title>'
               f"<link>https://news.example/</link>{''.join(entries)}</channel></rss>")
    else:
        doc = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
               f"<title>وكالة الاختبار</title><id>urn:test</id>{''.join(entries)}</feed>")
    path.write_text(doc, encoding="utf-8")
    return path


def write_warc(path: Path, texts: list[str], *, gzip: bool = False, extras: bool = False,
               encoding: str = "utf-8") -> Path:
    """A WARC of HTTP responses (one per text); ``extras`` adds a request, a 404 and a PDF to skip."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-04-10T12:00:00Z"}))

        for i, text in enumerate(texts):
            url = f"https://news.example/{i}"
            if extras:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                              http_headers=req))
            page = article_html(text).replace("utf-8", encoding)
            ctype = "text/html" if encoding != "utf-8" else "text/html; charset=utf-8"
            response(url, page.encode(encoding), ctype)
        if extras:
            response("https://news.example/missing", b"<html>not found</html>", "text/html", "404 Not Found")
            response("https://news.example/file.pdf", b"%PDF-1.4", "application/pdf")
    return path
