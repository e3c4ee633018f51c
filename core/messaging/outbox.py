"""The outbox: every outbound message is a row written with the change that caused it."""

from sqlmodel import Session, select

from core import clock
from core.db import stored_id
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus, OutboxMessage, OutboxStatus
from core.security.sealed import seal


def one_line(text: str) -> str:
    """Return text fit for a template variable (WhatsApp refuses new lines, tabs or long runs of spaces there)."""
    return " ".join(text.split())[:1000]


def enqueue(*, session: Session, conversation: Conversation, body: str, kind: str = "reply", author: str = "bot",
            dedupe_key: str | None = None, content_sid: str = "", content_variables: dict | None = None,
            private_body: str = "") -> OutboxMessage | None:
    """Queue body for the conversation's person; also stored as an outbound message of the conversation.

    With a dedupe_key, a second call for the same key queues nothing and returns None. With private_body (a text
    holding a code), the person receives private_body, kept only sealed, while body (the code masked) is what staff
    can read. A notice of the bot's own to a customer whose conversation a person holds waits, held, for the release.
    """
    if dedupe_key and session.exec(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)).first():
        return None
    now = clock.now()
    held = conversation.human_takeover and author == "bot" and kind == "update" and conversation.role == "customer"
    message = Message(conversation_id=stored_id(conversation), direction="out", channel=conversation.channel,
                      author=author, body=body, status=MessageStatus.HELD if held else MessageStatus.QUEUED,
                      created_at=now)
    session.add(message)
    session.flush()
    row = OutboxMessage(channel=conversation.channel, to=conversation.external_id, conversation_id=conversation.id,
                        message_id=message.id, kind=kind, body=body, dedupe_key=dedupe_key,
                        sealed=seal(private_body) if private_body else "",
                        content_sid=content_sid, content_variables=content_variables or {}, next_attempt_at=now,
                        status=OutboxStatus.HELD if held else OutboxStatus.PENDING)
    session.add(row)
    conversation.last_outbound_at = now
    session.add(conversation)
    session.flush()
    return row


def release_held(*, session: Session, conversation_id: int) -> int:
    """Queue the notices held while a person answered this conversation, as new messages; return how many.

    New rows, not the held ones: a web chat reads its messages after the last id it saw, so a notice must come
    after the agent's messages to be seen at all.
    """
    now = clock.now()
    rows = list(session.exec(select(OutboxMessage).where(OutboxMessage.conversation_id == conversation_id,
                                                         OutboxMessage.status == OutboxStatus.HELD)
                             .order_by(OutboxMessage.id)))
    for row in rows:
        held = session.get(Message, row.message_id) if row.message_id else None
        message = Message(conversation_id=conversation_id, direction="out", channel=row.channel, author="bot",
                          body=row.body, status=MessageStatus.QUEUED, created_at=now)
        session.add(message)
        session.flush()
        row.message_id, row.status, row.next_attempt_at = message.id, OutboxStatus.PENDING, now
        session.add(row)
        if held is not None:
            session.flush()
            session.delete(held)  # its copy above is the one the person reads
    return len(rows)


CODE_MASK = "••••••"


def enqueue_code(*, session: Session, conversation: Conversation, text: str, code: str,
                 dedupe_key: str) -> OutboxMessage | None:
    """Queue text (with a {code} field) for the conversation's person: they read the code, staff read it masked."""
    return enqueue(session=session, conversation=conversation, body=text.format(code=CODE_MASK), kind="code",
                   author="system", dedupe_key=dedupe_key, private_body=text.format(code=code))
