"""Security headers on every answer, and a server-wide request body limit, as one small ASGI middleware.

NiceGUI builds its pages with inline scripts and compiles Vue templates in the browser, so the content security
policy allows inline scripts and eval; it still keeps every script, style, image and connection on this site,
forbids plugins, <base> changes and posting forms elsewhere, and says who may frame a page: nobody, except
/chat, which CHAT_FRAME_ANCESTORS may embed. The webhook fast lane is outside this middleware altogether.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.config import settings

CHAT_PATH = "/chat"
MAP_TILES = "https://tile.openstreetmap.org"  # the dashboard's base map: images and fetches of map tiles only
_SOURCES = ("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'", f"img-src 'self' data: blob: {MAP_TILES}", "font-src 'self' data:",
            "media-src 'self' blob:", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'",
            "form-action 'self'")


class TooLarge(Exception):
    """The request body grew past MAX_REQUEST_BYTES while it was read."""


@lru_cache(maxsize=16)
def security_headers(*, chat: bool, public_base_url: str, frame_origins: str) -> tuple[tuple[bytes, bytes], ...]:
    """Return the headers of one answer (for /chat or any other path) under these settings."""
    origins = frame_origins.replace(",", " ").split()
    ancestors = ("frame-ancestors 'self'" + "".join(f" {o}" for o in origins)) if chat else "frame-ancestors 'none'"
    connect = f"connect-src 'self' {MAP_TILES}"
    parts = urlsplit(public_base_url)
    if parts.netloc:  # some older browsers do not count the site's own websocket as 'self'
        connect += f" {'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    headers = [("content-security-policy", "; ".join((*_SOURCES, connect, ancestors))),
               ("x-content-type-options", "nosniff"), ("referrer-policy", "same-origin")]
    if not chat:
        headers.append(("x-frame-options", "DENY"))
    elif not origins:
        headers.append(("x-frame-options", "SAMEORIGIN"))
    if public_base_url.lower().startswith("https://"):
        headers.append(("strict-transport-security", "max-age=31536000"))
    return tuple((name.encode(), value.encode()) for name, value in headers)


class SecurityMiddleware:
    """Add the security headers to every HTTP answer and refuse bodies larger than MAX_REQUEST_BYTES with 413."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = settings.max_request_bytes
        extra = security_headers(chat=scope["path"].rstrip("/") == CHAT_PATH, public_base_url=settings.public_base_url,
                                 frame_origins=settings.chat_frame_ancestors)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in present)]
            await send(message)

        if _declared_length(scope) > limit:
            await _too_large(send_with_headers)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except TooLarge:
            if started:
                raise
            await _too_large(send_with_headers)


def _declared_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


async def _too_large(send: Send) -> None:
    body = f"request too large: at most {settings.max_request_bytes} bytes".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
