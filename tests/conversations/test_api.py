"""POST /api/chat and GET /api/chat/{session_id}/messages, as the web chat widget uses them."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from nicegui.testing import User
from sqlmodel import func, select

from core import clock
from core.customers.models import Customer
from core.db import session_scope
from core.messaging.conversations import Conversation, Message
from core.messaging.models import OutboxMessage, OutboxStatus
from core.messaging.outbox import enqueue
from core.service_requests.models import ServiceRequest


def _count(model) -> int:
    with session_scope() as s:
        return s.exec(select(func.count()).select_from(model)).one()


async def test_a_message_creates_the_request_and_returns_the_replies(user: User):
    text = "Bonsoir, le courant a jump chez moi à Logpom, il me faut un électricien vite"
    response = await user.http_client.post("/api/chat", json={"session_id": "web-1", "message": text})
    assert response.status_code == 200
    body = response.json()
    assert len(body["replies"]) == 1 and "Logpom" in body["replies"][0]
    request = body["request"]
    assert set(request) == {"id", "reference", "service_type", "location", "urgency", "status"}
    assert (request["service_type"], request["location"], request["urgency"], request["status"]) == (
        "electrical", "Logpom", "urgent", "pending")
    assert request["reference"] in body["replies"][0]
    with session_scope() as s:
        row = s.exec(select(OutboxMessage)).one()
        conversation = s.exec(select(Conversation)).one()
    assert row.status == OutboxStatus.SENT  # the web client has read it in this answer
    assert (conversation.channel, conversation.external_id) == ("web", "web-1")


async def test_two_turns_then_the_request(user: User):
    first = (await user.http_client.post("/api/chat", json={"session_id": "web-2",
                                                               "message": "ma machine à laver ne vidange plus"})).json()
    assert first["request"] is None and "quartier" in first["replies"][0]
    second = (await user.http_client.post("/api/chat", json={"session_id": "web-2",
                                                                "message": "Cité des Palmiers"})).json()
    assert second["request"]["location"] == "Cité des Palmiers"


@pytest.mark.parametrize(("payload", "status"), [
    ({"message": "fuite à Akwa"}, 422),
    ({"session_id": "web-3"}, 422),
    ({"session_id": "web-3", "message": "   "}, 422),
    ({"session_id": "web-3", "message": 42}, 422),
    ({"session_id": 42, "message": "fuite"}, 422),
    ({"session_id": "bad id!", "message": "fuite"}, 422),
    ({"session_id": "x" * 101, "message": "fuite"}, 422),
    ({"session_id": "web-3", "message": "fuite " * 834}, 413),
    ({"session_id": "web-3", "message": "a" * 2001}, 413),
    ({"session_id": "web-3", "message": "fuite", "phone": "12345"}, 422),
    ({"session_id": "web-3", "message": "fuite", "phone": "+33 6 12 34 56 78"}, 422),
    ({"session_id": "web-3", "message": "fuite", "phone": 677001122}, 422),
    ({"session_id": "web-3", "message": "fuite", "name": ["x"]}, 422),
    ([1, 2], 422),
])
async def test_bad_input_is_refused_clearly_and_stores_nothing(user: User, payload, status):
    response = await user.http_client.post("/api/chat", json=payload)
    assert response.status_code == status
    assert isinstance(response.json()["error"], str) and response.json()["error"]
    assert _count(Message) == 0 and _count(Conversation) == 0


async def test_not_json_is_refused(user: User):
    response = await user.http_client.post("/api/chat", content=b"session_id=a&message=b",
                                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 422 and "error" in response.json()


async def test_message_of_exactly_2000_characters_is_accepted(user: User):
    response = await user.http_client.post("/api/chat", json={"session_id": "web-4", "message": "  " + "a" * 2000})
    assert response.status_code == 200


async def test_rate_limit_per_session(user: User):
    for n in range(10):
        response = await user.http_client.post("/api/chat", json={"session_id": "web-5", "message": f"bonjour {n}"})
        assert response.status_code == 200
    limited = await user.http_client.post("/api/chat", json={"session_id": "web-5", "message": "encore"})
    assert limited.status_code == 429 and "minute" in limited.json()["error"]
    other = await user.http_client.post("/api/chat", json={"session_id": "web-6", "message": "bonjour"})
    assert other.status_code == 200
    assert _count(Message) - _count(OutboxMessage) == 11  # the refused message was not stored
    clock.advance(timedelta(seconds=61))
    again = await user.http_client.post("/api/chat", json={"session_id": "web-5", "message": "re"})
    assert again.status_code == 200


async def test_two_messages_at_once_are_processed_in_order(user: User):
    texts = ["J'ai une fuite d'eau à Makepe", "J'ai une fuite d'eau à Makepe"]
    responses = await asyncio.gather(*(user.http_client.post("/api/chat", json={"session_id": "web-7", "message": t})
                                       for t in texts))
    assert [r.status_code for r in responses] == [200, 200]
    assert all(r.json()["replies"] for r in responses)
    with session_scope() as s:
        inbound = list(s.exec(select(Message).where(Message.direction == "in").order_by(Message.id)))
        requests = list(s.exec(select(ServiceRequest)))
    assert [m.status for m in inbound] == ["processed", "processed"]
    assert inbound[0].processed_at <= inbound[1].processed_at
    assert len(requests) == 1
    replies = sorted(" ".join(r.json()["replies"]) for r in responses)
    assert any("déjà en cours" in r for r in replies) and any("C'est noté" in r for r in replies)


async def test_messages_endpoint_shows_later_updates(user: User):
    first = (await user.http_client.post("/api/chat", json={"session_id": "web-8",
                                                               "message": "J'ai une fuite d'eau à Makepe"})).json()
    listing = (await user.http_client.get("/api/chat/web-8/messages")).json()
    assert [(m["direction"], m["author"]) for m in listing] == [("in", "customer"), ("out", "bot")]
    assert listing[1]["body"] == first["replies"][0]
    created = datetime.fromisoformat(listing[0]["created_at"])
    assert created.tzinfo is not None and created.utcoffset() == UTC.utcoffset(None)
    last_id = listing[-1]["id"]
    with session_scope() as s:
        conversation = s.exec(select(Conversation).where(Conversation.external_id == "web-8")).one()
        enqueue(session=s, conversation=conversation, body="Votre plombier est en route 🚗", kind="update")
    later = (await user.http_client.get(f"/api/chat/web-8/messages?after={last_id}")).json()
    assert [m["body"] for m in later] == ["Votre plombier est en route 🚗"]
    assert later[0]["status"] == "sent"


async def test_messages_endpoint_errors(user: User):
    assert (await user.http_client.get("/api/chat/nobody/messages")).status_code == 404
    assert "error" in (await user.http_client.get("/api/chat/nobody/messages")).json()
    assert (await user.http_client.get("/api/chat/bad%20id/messages")).status_code == 422
    await user.http_client.post("/api/chat", json={"session_id": "web-9", "message": "bonjour"})
    assert (await user.http_client.get("/api/chat/web-9/messages?after=abc")).status_code == 422


async def test_a_phone_is_the_number_to_call_back_and_joins_no_one(user: User):
    with session_scope() as s:
        s.add(Customer(phone="+237677001122", name="Awa"))
    response = await user.http_client.post("/api/chat", json={
        "session_id": "web-10", "message": "fuite d'eau à Akwa", "phone": "6 77 00 11 22", "name": "Awa B."})
    assert response.status_code == 200
    with session_scope() as s:
        owner = s.exec(select(Customer).where(Customer.phone == "+237677001122")).one()
        request = s.exec(select(ServiceRequest)).one()
        conversation = s.exec(select(Conversation).where(Conversation.external_id == "web-10")).one()
        visitor = s.get(Customer, conversation.customer_id)
    assert request.customer_id == visitor.id != owner.id  # joining the owner takes a code sent on WhatsApp
    assert (visitor.phone, visitor.contact_phone, visitor.name) == (None, "+237677001122", "Awa B.")
