"""Inbound messages: stored first (claimed once by their channel id), then processed in conversation order."""

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core import clock
from core.conversations.models import Conversation, Message
from core.conversations.service import conversation_for
from core.db import is_postgres, session_scope
from core.logs import log

MAX_ATTEMPTS = 3
STALL_AFTER = timedelta(seconds=30)


def receive(*, session: Session, channel: str, external_id: str, body: str, provider_message_id: str | None = None,
            media: list | None = None, name: str = "") -> Message | None:
    """Store an inbound message; return None when this channel id was already received (a retry)."""
    if provider_message_id and session.exec(select(Message.id).where(
            Message.channel == channel, Message.provider_message_id == provider_message_id)).first():
        return None
    conversation = conversation_for(session=session, channel=channel, external_id=external_id, name=name)
    now = clock.now()
    message = Message(conversation_id=conversation.id, direction="in", channel=channel,
                      author=conversation.role, body=body, provider_message_id=provider_message_id,
                      media=media or [], status="received", created_at=now)
    try:
        with session.begin_nested():
            session.add(message)
            session.flush()
    except IntegrityError:
        return None  # a concurrent copy of the same message won the claim
    conversation.last_inbound_at = now
    conversation.updated_at = now
    session.add(conversation)
    return message


def process_message(message_id: int) -> bool:
    """Process the message's conversation: every received message in order. True if this one got processed."""
    with session_scope() as session:
        conversation_id = session.exec(select(Message.conversation_id).where(Message.id == message_id)).first()
    if conversation_id is None:
        return False
    process_conversation(conversation_id)
    with session_scope() as session:
        return session.exec(select(Message.status).where(Message.id == message_id)).first() == "processed"


def process_conversation(conversation_id: int) -> int:
    """Run the engine on the conversation's waiting messages, one at a time, under a lock; return how many."""
    done = 0
    while True:
        with session_scope() as session:
            conversation = _lock(session, conversation_id)
            message = session.exec(
                select(Message).where(Message.conversation_id == conversation_id, Message.direction == "in",
                                      Message.status == "received", Message.attempts < MAX_ATTEMPTS)
                .order_by(Message.id).limit(1)).first()
            if message is None:
                return done
            message_id = message.id
            try:
                with session.begin_nested():
                    _handle(session, conversation, message)
            except Exception as exc:
                log.exception("message processing failed", message_id=message_id)
                message.attempts += 1
                message.status = "failed" if message.attempts >= MAX_ATTEMPTS else "received"
                message.error_code = type(exc).__name__[:12]
                session.add(message)
                if message.status == "received":
                    return done  # leave it for the stalled-message sweep
                continue
            message.status, message.processed_at = "processed", clock.now()
            session.add(message)
            done += 1


def _lock(session: Session, conversation_id: int) -> Conversation:
    query = select(Conversation).where(Conversation.id == conversation_id)
    if is_postgres():
        query = query.with_for_update()  # another process handling this conversation waits here
    return session.exec(query).one()


def _handle(session: Session, conversation: Conversation, message: Message) -> None:
    from core.conversations.engine import handle

    conversation.turn_count += 1
    session.add(conversation)
    handle(session=session, conversation=conversation, message=message)


def resume_stalled(limit: int = 50) -> int:
    """Process inbound messages left waiting (a crash, a restart); return how many conversations were resumed."""
    cutoff = clock.now() - STALL_AFTER
    with session_scope() as session:
        ids = session.exec(
            select(Message.conversation_id).where(Message.direction == "in", Message.status == "received",
                                                  Message.attempts < MAX_ATTEMPTS, Message.created_at < cutoff)
            .group_by(Message.conversation_id).order_by(sa.func.min(Message.id)).limit(limit)).all()
    for conversation_id in ids:
        process_conversation(conversation_id)
    return len(ids)
