"""Helpers for conversation tests: talk to Djobea as a web visitor and read what it stored."""

from collections.abc import Callable

import pytest
from sqlmodel import select

from core.channels.chat import chat_turn
from core.channels.schemas import ChatTurn
from core.db import session_scope
from core.messaging.conversations import Conversation
from core.service_requests.models import ServiceRequest


@pytest.fixture
def say(engine) -> Callable[..., ChatTurn]:
    """Send one web chat message as session_id and return its replies and request (what POST /api/chat returns)."""

    def send(session_id: str, text: str, **fields) -> ChatTurn:
        fields.setdefault("client", "192.0.2.10")
        result = chat_turn(session_id=session_id, body=text, **fields)
        assert result is not None, "rate-limited"
        return result

    return send


def conversation_of(session_id: str) -> Conversation:
    """Return the web conversation of this session, freshly read."""
    with session_scope() as session:
        return session.exec(select(Conversation).where(Conversation.channel == "web",
                                                       Conversation.external_id == session_id)).one()


def requests_of(session_id: str) -> list[ServiceRequest]:
    """Return the requests made in this web session, oldest first."""
    conversation = conversation_of(session_id)
    with session_scope() as session:
        return list(session.exec(select(ServiceRequest).where(ServiceRequest.conversation_id == conversation.id)
                                 .order_by(ServiceRequest.id)))
