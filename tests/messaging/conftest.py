"""Messaging fixtures: a fake Twilio with the settings pointed at it, an echo engine, a webhook client."""

import httpx
import pytest
from fastapi import FastAPI

from core.channels.routes import fast_lane, router
from core.config import reload_settings
from tests.fakes.twilio_server import FakeTwilio
from tests.messaging.helpers import ACCOUNT_SID, AUTH_TOKEN, LOCAL, NUMBER, configure


@pytest.fixture
def twilio(monkeypatch, engine):
    """A running fake Twilio, with the settings (token, sid, API base URL, public address) pointing at it."""
    with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as fake:
        configure(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=AUTH_TOKEN,
                  TWILIO_WHATSAPP_NUMBER=NUMBER, TWILIO_API_BASE_URL=fake.url, PUBLIC_BASE_URL=LOCAL)
        yield fake
    monkeypatch.undo()
    reload_settings()


@pytest.fixture
def echo(monkeypatch):
    """Replace the conversation engine by one that answers 'echo: <text>'; returns the bodies it saw."""
    from core.conversations import engine as conversation_engine
    from core.messaging.outbox import enqueue

    seen: list[str] = []

    def handle(*, session, conversation, message) -> None:
        seen.append(message.body)
        enqueue(session=session, conversation=conversation, body=f"echo: {message.body}")

    monkeypatch.setattr(conversation_engine, "handle", handle)
    return seen


@pytest.fixture(params=["route", "fast lane"])
async def client(request, twilio):
    """An HTTP client on the messaging routes: as FastAPI routes, and as main.py serves them (the fast lane)."""
    if request.param == "route":
        app = FastAPI()
        app.include_router(router)
    else:
        app = fast_lane(FastAPI())  # the pages' app knows nothing of the webhooks: the lane must serve them
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as http:
        yield http
