"""The outbox: every outbound message is a row written with the change that caused it."""

from sqlmodel import Session, select

from core import clock
from core.conversations.models import Conversation, Message
from core.messaging.models import OutboxMessage


def one_line(text: str) -> str:
    """Return text fit for a template variable (WhatsApp refuses new lines, tabs or long runs of spaces there)."""
    return " ".join(text.split())[:1000]


def enqueue(*, session: Session, conversation: Conversation, body: str, kind: str = "reply", author: str = "bot",
            dedupe_key: str | None = None, content_sid: str = "", content_variables: dict | None = None,
            ) -> OutboxMessage | None:
    """Queue body for the conversation's person; also stored as an outbound message of the conversation.

    With a dedupe_key, a second call for the same key queues nothing and returns None.
    """
    if dedupe_key and session.exec(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)).first():
        return None
    now = clock.now()
    message = Message(conversation_id=conversation.id, direction="out", channel=conversation.channel, author=author,
                      body=body, status="queued", created_at=now)
    session.add(message)
    session.flush()
    row = OutboxMessage(channel=conversation.channel, to=conversation.external_id, conversation_id=conversation.id,
                        message_id=message.id, kind=kind, body=body, dedupe_key=dedupe_key,
                        content_sid=content_sid, content_variables=content_variables or {}, next_attempt_at=now)
    session.add(row)
    conversation.last_outbound_at = now
    session.add(conversation)
    session.flush()
    return row
