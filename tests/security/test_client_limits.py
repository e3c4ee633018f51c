"""Finding 3: rate limits by client, not by a name the client picks (the web chat's session_id)."""

from datetime import timedelta

import httpx
from nicegui import app
from nicegui.testing import User
from sqlmodel import func, select

from core import clock
from core.config import settings
from core.counters import RateCounter
from core.db import session_scope
from core.messaging.conversations import Conversation
from core.messaging.ratelimit import client_key
from core.service_requests.models import ServiceRequest
from tests.pages.helpers import eventually

JOB = "J'ai une fuite d'eau à Makepe, venez vite"


def _requests() -> int:
    with session_scope() as s:
        return s.exec(select(func.count()).select_from(ServiceRequest)).one()


def _from(address: str) -> httpx.AsyncClient:
    """A client of the running app seen from address (as ASGI servers report the peer)."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 51000)), base_url="http://test")


async def _post(client: httpx.AsyncClient, session_id: str, text: str = JOB) -> httpx.Response:
    return await client.post("/api/chat", json={"session_id": session_id, "message": text})


async def test_rate_limits_by_client_not_by_a_name_the_client_picks(user: User):
    per_minute, per_hour = settings.web_chat_messages_per_ip_per_minute, settings.web_requests_per_ip_per_hour
    assert per_hour < per_minute < 40
    now = clock.now()  # all 40 posts in one minute window
    clock.advance(timedelta(seconds=60 - now.second + 1, microseconds=-now.microsecond))
    attacker = _from("198.51.100.23")
    statuses = [(await _post(attacker, f"rotating-{n}")).status_code for n in range(40)]
    assert statuses == [200] * per_minute + [429] * (40 - per_minute)
    assert _requests() == per_hour  # past the cap, visitors of that address are told to wait

    neighbour = _from("203.0.113.7")
    assert (await _post(neighbour, "someone-else")).status_code == 200
    assert _requests() == per_hour + 1

    clock.advance(timedelta(minutes=1))
    answer = await _post(attacker, "rotating-again")
    assert answer.status_code == 200 and answer.json()["request"] is None
    assert "heure" in " ".join(answer.json()["replies"])  # told why, in words
    clock.advance(timedelta(hours=1))
    assert (await _post(attacker, "an-hour-later")).json()["request"] is not None

    with session_scope() as s:  # counted in the database: every process shares the same counts
        assert s.exec(select(func.count()).select_from(RateCounter)).one() > 0


async def test_the_chat_widget_is_counted_by_its_client_address_too(user: User):
    await user.open("/chat")
    user.find(marker="chat-input").type("Bonjour, mon robinet fuit à Makepe")
    user.find(marker="chat-send").click()
    await user.should_see("C'est noté", retries=100)  # the turn is answered: nothing is still writing
    state = await eventually(_web_state)
    assert state["client"] == client_key("127.0.0.1")  # the address the test client connects from


def _web_state() -> dict | None:
    with session_scope() as s:
        return s.exec(select(Conversation.state).where(Conversation.channel == "web")).first()
