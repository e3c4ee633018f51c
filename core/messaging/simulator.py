"""The simulator channel: write as any phone number (or WhatsApp user id) and read what Djobea sends back.

Messages go in through the same inbound store (rate limit included) and engine as WhatsApp, and out through the
outbox, whose dispatcher marks simulator rows sent.
"""

import uuid

from sqlmodel import select

from core import clock
from core.conversations.models import Conversation, Message
from core.db import session_scope
from core.messaging.inbound import process_message
from core.messaging.webhook import Inbound, store
from core.phones import normalize_address
from core.providers.models import Provider

CHANNEL = "simulator"


def send_as(phone: str, text: str, *, alias: str = "") -> int | None:
    """Receive text from phone (or a user id, alias its other identity) on the simulator and run the engine on it.

    Returns the message id.
    """
    inbound = Inbound(sid=f"sim-{uuid.uuid4().hex}", sender=normalize_address(phone), body=text.replace("\x00", ""),
                      alias=normalize_address(alias) if alias else "")
    stored = store(inbound, channel=CHANNEL)
    if stored is None:
        return None
    message_id, status = stored
    if status == "received":
        process_message(message_id)
    return message_id


def thread(phone: str, after_id: int = 0, limit: int = 200) -> list[dict]:
    """Return the phone's simulator messages newer than after_id, oldest first, ready to show."""
    external_id = normalize_address(phone)
    with session_scope() as session:
        conversation_id = session.exec(select(Conversation.id).where(
            Conversation.channel == CHANNEL, Conversation.external_id == external_id)).first()
        if conversation_id is None:
            return []
        rows = session.exec(select(Message).where(Message.conversation_id == conversation_id, Message.id > after_id)
                            .order_by(Message.id.desc()).limit(limit)).all()
    return [{"id": m.id, "mine": m.direction == "in", "body": m.body, "status": m.status,
             "time": clock.format_local(m.created_at, "%H:%M")} for m in reversed(rows)]


def providers(limit: int = 100) -> dict[str, str]:
    """Return providers' phones with a label for the provider phone's picker: those just sent something first."""
    with session_scope() as session:
        recent = session.exec(select(Conversation.external_id).where(
            Conversation.channel == CHANNEL, Conversation.role == "provider",
            Conversation.last_outbound_at.is_not(None)).order_by(Conversation.last_outbound_at.desc()).limit(20)).all()
        rows = session.exec(select(Provider.phone, Provider.name, Provider.quartier)
                            .order_by(Provider.is_demo.desc(), Provider.id).limit(limit)).all()
        rows += session.exec(select(Provider.phone, Provider.name, Provider.quartier)
                             .where(Provider.phone.in_(recent))).all()
    labels = {phone: f"{name} · {quartier}" if quartier else name for phone, name, quartier in rows}
    first = {phone: f"📩 {labels[phone]}" for phone in recent if phone in labels}
    return first | {phone: label for phone, label in labels.items() if phone not in first}


def customers(limit: int = 20) -> list[str]:
    """Return the customer numbers that wrote on the simulator most recently."""
    with session_scope() as session:
        return list(session.exec(select(Conversation.external_id).where(
            Conversation.channel == CHANNEL, Conversation.role == "customer", Conversation.is_demo.is_(False))
            .order_by(Conversation.updated_at.desc()).limit(limit)).all())
