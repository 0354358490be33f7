"""What every response and request goes through: security headers, size limits, id validation.

Pure ASGI middleware (no per-request thread hop), so the limits cost nothing on
the pages' latency. The Content-Security-Policy allows scripts and styles from
/static only: no inline script or style can run, even if a source's text got
through escaping.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# FastAPI's interactive docs load their own scripts from a CDN; they get a looser policy of their own.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
            "connect-src 'self'; frame-ancestors 'none'")

MAX_BODY = 16 * 1024  # the app only reads; nothing legitimate sends a bigger body
MAX_TARGET = 2048  # path plus query string
MAX_HEADERS = 16 * 1024  # all header names and values: h11's own limit only holds for slow senders

ID_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"  # story, event and article ids: no dots, no slashes, no traversal
ENTITY_PATTERN = r"^[\w-]{1,128}$"


class SecurityMiddleware:
    """Adds the security headers and refuses oversize URLs (414), headers (431) and bodies (413)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_target: int = MAX_TARGET,
                 max_headers: int = MAX_HEADERS):
        self.app = app
        self.max_body = max_body
        self.max_target = max_target
        self.max_headers = max_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > self.max_target:
            await _refuse(send, 414, "URI too long")
            return
        if sum(len(k) + len(v) for k, v in scope.get("headers") or []) > self.max_headers:
            await _refuse(send, 431, "request header fields too large")
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _refuse(send, 413, "request body too large")
            return
        docs = scope["path"] in ("/docs", "/redoc")
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _TooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                extra = [(k, DOCS_CSP.encode() if docs and k == b"content-security-policy" else v)
                         for k, v in HEADERS]
                message = {**message, "headers": headers + extra}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            await _refuse(send, 413, "request body too large")


class _TooLarge(Exception):
    pass


async def _refuse(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + HEADERS})
    await send({"type": "http.response.body", "body": body})
