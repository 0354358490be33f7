"""Web security against the real server over raw HTTP (no client-side URL clean-up).

Path traversal in every route that takes an id (plain, percent-encoded, double-encoded,
backslash and overlong-UTF-8 variants), escaping of what a request reflects,
request size limits, and the default bind to the loopback interface only.
"""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.browser.story_db import build_db
from tests.live_server import serve

ROUTES = ["/story/", "/article/", "/entity/", "/api/stories/", "/api/articles/", "/api/entities/", "/static/"]
TRAVERSALS = [
    "../../../../etc/passwd", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%252f..%252fetc%252fpasswd", "....//....//etc/passwd", "..\\..\\..\\etc\\passwd", "..%5c..%5cetc%5cpasswd",
    "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "..;/..;/etc/passwd", "../khabar.db", "..%2Fkhabar.db",
    "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..", "%2e%2e", ".%2e/khabar.db",
]
LEAKS = ("root:", "SQLite format 3", "[project]")
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("websec") / "khabar.db")
    with serve(db) as (base, proc):
        yield base, proc


def raw_request(base: str, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    """Send bytes as they are; (status, whole response), status 0 when the server just closed."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=20) as sock:
        try:
            sock.sendall(head + body)
        except OSError:
            pass  # the server may refuse before reading all of it
        chunks = []
        try:
            while data := sock.recv(65536):
                chunks.append(data)
        except ConnectionResetError:
            pass
    response = b"".join(chunks)
    if not response.startswith(b"HTTP/1.1 "):
        return 0, response
    return int(response[9:12]), response


def get(base: str, target: str, extra: bytes = b"") -> tuple[int, bytes]:
    return raw_request(base, b"GET " + target.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                       + extra + b"\r\n")


@pytest.mark.parametrize("route", ROUTES)
def test_no_path_traversal(server, route):
    base, _ = server
    for attack in TRAVERSALS:
        status, response = get(base, route + attack)
        assert status in (400, 404, 422), (route + attack, status)
        assert not any(leak.encode() in response for leak in LEAKS), route + attack


def test_static_files_still_served(server):
    status, response = get(server[0], "/static/khabar.js")
    assert status == 200 and b"nosniff" in response.lower()


def test_reflected_input_is_escaped(server):
    base, _ = server
    encoded = "".join(f"%{b:02X}" for b in XSS.encode())
    for target in (f"/search?q={encoded}", f"/story/{encoded}", f"/entity/{encoded}", f"/?page={encoded}"):
        status, response = get(base, target)
        assert status in (200, 404), (target, status)
        assert b"<script>alert" not in response and b"<img src=x" not in response, target
    status, response = get(base, f"/api/search?q={encoded}")  # JSON echoes the query, never as a page
    head = response.split(b"\r\n\r\n")[0].lower()
    assert status == 200 and b"content-type: application/json" in head and b"nosniff" in head
    status, response = get(base, f"/search?q={encoded}")
    assert status == 200 and b"&lt;script&gt;" in response


def test_request_size_limits(server):
    base, proc = server
    status, _ = raw_request(base, b"POST /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                  b"Content-Length: 1000000000\r\n\r\n", b"x" * 1000)
    assert status == 413
    chunked = b"".join(b"%x\r\n%s\r\n" % (4096, b"x" * 4096) for _ in range(8)) + b"0\r\n\r\n"
    status, _ = raw_request(base, b"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                  b"Transfer-Encoding: chunked\r\n\r\n", chunked)
    assert status in (405, 413)  # no route reads a body: refused before or while reading it
    assert get(base, "/search?q=" + "%D8%B3" * 2000)[0] == 414
    assert get(base, "/", b"X-Junk: " + b"a" * 20_000 + b"\r\n")[0] == 431
    for size in (100_000, 2_000_000):  # bigger ones: refused by the app or by the HTTP parser
        assert get(base, "/", b"X-Junk: " + b"a" * size + b"\r\n")[0] in (0, 400, 431)
    assert get(base, "/api/stories")[0] == 200 and proc.poll() is None  # and the server lives on


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (Linux /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]) if len(address) == 8
                          else address)
    return found


def test_serve_binds_to_loopback_by_default(server):
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs Linux /proc/net/tcp")
    base, _ = server  # started without --host
    assert _listening_addresses(urlsplit(base).port) == {"127.0.0.1"}
