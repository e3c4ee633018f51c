"""A message's photos and voice notes share one model deadline, and the time they used is kept for its turn."""

import sys
import types

import pytest
from sqlmodel import select

from core.channels.inbound import receive
from core.channels.media import prepare
from core.config import settings
from core.db import session_scope
from core.llm.deadline import current_deadline
from core.messaging.conversations import Message
from tests.messaging.helpers import fetch

JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 50
OGG = b"OggS" + b"voice" * 50


@pytest.fixture
def deadlines_seen(monkeypatch):
    """A stand-in for the orchestrator that notes the deadline each call runs under."""
    import core.llm

    seen: list = []

    def describe_image(data, content_type, conversation_id=None):
        seen.append(current_deadline())
        return {"description": "Tuyau fissuré"}

    def transcribe(data, content_type, conversation_id=None):
        seen.append(current_deadline())
        return "mon robinet fuit"

    module = types.SimpleNamespace(describe_image=describe_image, transcribe=transcribe)
    monkeypatch.setitem(sys.modules, "core.llm.orchestrator", module)
    monkeypatch.setattr(core.llm, "orchestrator", module, raising=False)
    return seen


def test_attachments_share_one_deadline_and_record_the_time_they_used(twilio, deadlines_seen):
    photo = twilio.add_media("ME10", JPEG, "image/jpeg")
    voice = twilio.add_media("ME11", OGG, "audio/ogg")
    with session_scope() as session:
        message = receive(session=session, channel="whatsapp", external_id="+237699300430", body="")
        message.status = "media"
        message.media = [{"kind": "image", "url": photo, "content_type": "image/jpeg", "state": "pending"},
                         {"kind": "audio", "url": voice, "content_type": "audio/ogg", "state": "pending"}]
        session.add(message)
        session.flush()
        message_id = message.id
    assert prepare(message_id) == "received"
    first, second = deadlines_seen
    assert first is not None and second is not None
    assert first.seconds == settings.llm_turn_deadline_seconds
    assert second.seconds <= settings.llm_turn_deadline_seconds  # what the photo used is gone for the voice note
    [stored] = fetch(select(Message).where(Message.id == message_id))
    assert all("model_seconds" in item and item["model_seconds"] >= 0 for item in stored.media)
