"""Finding 11: security headers on every page and API answer (CSP, framing, nosniff, referrer policy, HSTS over
https), /chat framable only by configured origins, a server-wide request body limit, and none of it in the
webhook fast lane."""

import httpx
import pytest
from nicegui import app
from nicegui.testing import User

from core.channels.routes import fast_lane
from core.config import reload_settings

PATHS = ["/", "/login", "/provider/login", "/health", "/api/chat/web-abc/messages", "/admin", "/no-such-page"]


@pytest.fixture
def configured(monkeypatch):
    """Set environment variables before the app starts."""
    def configure(**env: str) -> None:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        reload_settings()

    yield configure
    monkeypatch.undo()
    reload_settings()


def _csp(response: httpx.Response) -> dict[str, str]:
    policy = response.headers.get("content-security-policy", "")
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", PATHS)
async def test_every_answer_carries_the_security_headers(user: User, path: str):
    response = await user.http_client.get(path, follow_redirects=False)
    assert response.headers.get("x-content-type-options") == "nosniff"
    assert response.headers.get("referrer-policy") == "same-origin"
    assert response.headers.get("x-frame-options") == "DENY"
    policy = _csp(response)
    assert policy.get("frame-ancestors") == "frame-ancestors 'none'"
    assert policy.get("default-src") == "default-src 'self'"
    assert policy.get("object-src") == "object-src 'none'"
    assert policy.get("base-uri") == "base-uri 'self'"
    assert "strict-transport-security" not in response.headers  # plain http: HSTS would lock a local install out


async def test_the_chat_page_may_be_framed_by_the_configured_origins_only(configured, user: User):
    configured(CHAT_FRAME_ANCESTORS="https://partner.example.cm https://shop.example.cm")
    response = await user.http_client.get("/chat")
    assert response.status_code == 200
    assert _csp(response)["frame-ancestors"] == "frame-ancestors 'self' https://partner.example.cm https://shop.example.cm"
    assert "x-frame-options" not in response.headers  # it cannot name other origins; frame-ancestors does
    other = await user.http_client.get("/")
    assert _csp(other)["frame-ancestors"] == "frame-ancestors 'none'"


async def test_without_configured_origins_the_chat_is_framed_by_this_site_only(user: User):
    response = await user.http_client.get("/chat")
    assert _csp(response)["frame-ancestors"] == "frame-ancestors 'self'"
    assert response.headers.get("x-frame-options") == "SAMEORIGIN"


async def test_hsts_when_served_over_https(configured, user: User):
    configured(PUBLIC_BASE_URL="https://djobea.example.cm")
    response = await user.http_client.get("/")
    assert response.headers.get("strict-transport-security") == "max-age=31536000"


async def test_a_body_larger_than_the_limit_is_refused_before_it_is_read(configured, user: User):
    configured(MAX_REQUEST_BYTES="100000")
    big = b"x" * 200_000
    declared = await user.http_client.post("/webhook/monetbil", content=big)
    assert declared.status_code == 413

    async def chunks():
        for _ in range(20):
            yield b"y" * 10_000

    streamed = await user.http_client.post("/api/chat", content=chunks())  # no length given: counted as read
    assert streamed.status_code == 413
    small = await user.http_client.post("/api/chat", json={"session_id": "web-limit", "message": "bonjour"})
    assert small.status_code == 200


async def test_the_webhook_fast_lane_has_no_page_middleware_in_its_way(user: User):
    served = fast_lane(app.build_middleware_stack())  # as main.py serves it
    async with httpx.AsyncClient(transport=httpx.ASGITransport(served), base_url="http://test") as client:
        webhook = await client.post("/webhook/whatsapp", data={"Body": "hi"})
        page = await client.get("/")
    assert "content-security-policy" not in webhook.headers  # straight to the webhook, nothing around it
    assert "content-security-policy" in page.headers
