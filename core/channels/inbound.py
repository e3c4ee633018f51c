"""Inbound messages: stored first (claimed once by their channel id), then processed in conversation order."""

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, select

from core import clock
from core.channels.media import link_attachments, prepare
from core.config import settings
from core.conversations import engine
from core.db import get_existing, is_postgres, session_scope, stored_id, table_of
from core.fleet import stopping
from core.logs import log
from core.messaging import ratelimit, texts
from core.messaging.addresses import ADDRESSED, conversation_for
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus
from core.messaging.outbox import enqueue
from core.phones import normalize_address
from core.upsert import dialect_of, upsert

MAX_ATTEMPTS = 3
STALL_AFTER = timedelta(seconds=30)


def receive(*, session: Session, channel: str, external_id: str, body: str, provider_message_id: str | None = None,
            media: list | None = None, name: str = "", status: MessageStatus = MessageStatus.RECEIVED,
            received_at: datetime | None = None, sent_by: str = "", alias: str = "",
            reply_to: dict | None = None) -> Message | None:
    """Store an inbound message; return None when this channel id was already received (a retry).

    status "media" holds the message back from the engine until its attachments are fetched; received_at is when
    the channel delivered it (now by default); sent_by is the staff member who typed a simulated message. alias is
    the sender's other WhatsApp identity when the channel gave both; reply_to what the channel says the message
    answers.
    """
    if channel in ADDRESSED:
        external_id = normalize_address(external_id)
    conversation = conversation_for(session=session, channel=channel, external_id=external_id, name=name,
                                    alias=alias)
    if conversation.external_id != external_id and channel in ADDRESSED:
        conversation.external_id = external_id  # the same person writes from another address: answer there
    now = received_at or clock.now()
    message = Message(conversation_id=stored_id(conversation), direction="in", channel=channel,
                      author=conversation.role, body=body, provider_message_id=provider_message_id,
                      media=media or [], reply_to=reply_to or {}, status=status, created_at=now,
                      sent_by=sent_by[:200])
    # One statement claims the channel id: a retry or a concurrent copy inserts nothing (no savepoint needed).
    table = table_of(Message)
    message_id = session.execute(
        upsert(dialect_of(session), table, message.model_dump(exclude={"id"}), keys=["channel", "provider_message_id"])
        .returning(table.c.id)).scalar()
    if message_id is None:
        return None
    message.id = message_id
    make_transient_to_detached(message)
    message = session.merge(message, load=False)
    conversation.last_inbound_at = now
    conversation.updated_at = now
    session.add(conversation)
    return message


def accept(*, session: Session, channel: str, external_id: str, body: str, provider_message_id: str | None = None,
           media: list | None = None, name: str = "", waits_for_media: bool = False,
           received_at: datetime | None = None, sent_by: str = "", alias: str = "",
           reply_to: dict | None = None) -> Message | None:
    """Receive a message and count it against the sender's rate limit; None for a retry of a stored one.

    Over the limit the message is kept with status "throttled" (never processed) and one notice per window is sent.
    """
    message = receive(session=session, channel=channel, external_id=external_id, body=body,
                      provider_message_id=provider_message_id, media=media, name=name,
                      status=MessageStatus.MEDIA if waits_for_media else MessageStatus.RECEIVED,
                      received_at=received_at, sent_by=sent_by, alias=alias, reply_to=reply_to)
    if message is None:
        return None
    conversation = get_existing(session, Conversation, message.conversation_id)
    # Counted in the window the message arrived in, so a backlog attached late is not mistaken for a burst.
    decision = ratelimit.hit(session=session, key=f"in:{channel}:{conversation.external_id}",
                             limit=settings.inbound_rate_per_minute, at=received_at)
    if not decision.allowed:
        message.status = MessageStatus.THROTTLED
        session.add(message)
        if decision.notify:
            enqueue(session=session, conversation=conversation, body=texts.say("slow_down", conversation.language),
                    author="system", dedupe_key=f"throttle:{conversation.id}:{decision.window}")
    return message


def process_message(message_id: int) -> bool:
    """Process the message's conversation: every received message in order. True if this one got processed."""
    with session_scope() as session:
        conversation_id = session.exec(select(Message.conversation_id).where(Message.id == message_id)).first()
    if conversation_id is None:
        return False
    process_conversation(conversation_id)
    with session_scope() as session:
        return session.exec(select(Message.status).where(Message.id == message_id)).first() == MessageStatus.PROCESSED


def process_conversation(conversation_id: int) -> int:
    """Run the engine on the conversation's waiting messages, one at a time, under a lock; return how many."""
    done = 0
    while True:
        with session_scope() as session:
            conversation = _lock(session, conversation_id)
            message = session.exec(
                select(Message).where(Message.conversation_id == conversation_id, Message.direction == "in",
                                      Message.status == MessageStatus.RECEIVED, Message.attempts < MAX_ATTEMPTS)
                .order_by(Message.created_at, Message.id).limit(1)).first()
            if message is None:
                return done
            message_id = message.id
            try:
                with session.begin_nested():
                    _handle(session, conversation, message)
            except Exception as exc:
                log.exception("message processing failed", message_id=message_id)
                message.attempts += 1
                message.status = MessageStatus.FAILED if message.attempts >= MAX_ATTEMPTS else MessageStatus.RECEIVED
                message.error_code = type(exc).__name__[:12]
                session.add(message)
                if message.status == MessageStatus.RECEIVED:
                    return done  # leave it for the stalled-message sweep
                continue
            message.status, message.processed_at = MessageStatus.PROCESSED, clock.now()
            session.add(message)
            done += 1


def _lock(session: Session, conversation_id: int) -> Conversation:
    query = select(Conversation).where(Conversation.id == conversation_id)
    if is_postgres():
        query = query.with_for_update()  # another process handling this conversation waits here
    return session.exec(query).one()


def _handle(session: Session, conversation: Conversation, message: Message) -> None:
    conversation.turn_count += 1
    session.add(conversation)
    engine.handle(session=session, conversation=conversation, message=message)
    link_attachments(session=session, conversation=conversation, message=message)


def resume_stalled(limit: int = 50) -> int:
    """Process inbound messages left waiting (a crash, a restart); return how many conversations were resumed."""
    from core.channels.inbox import attach_pending  # the inbox imports this module

    attach_pending(limit, older_than=STALL_AFTER)  # stored at the door but never attached
    cutoff = clock.now() - STALL_AFTER
    with session_scope() as session:
        waiting_media = session.exec(
            select(Message.id).where(Message.direction == "in", Message.status == MessageStatus.MEDIA,
                                     Message.attempts < MAX_ATTEMPTS, Message.created_at < cutoff)
            .order_by(Message.id).limit(limit)).all()
    for message_id in waiting_media:
        if stopping.requested():  # SIGTERM: what is left waits for another process's sweep
            return 0
        prepare(message_id)
    with session_scope() as session:
        ids = session.exec(
            select(Message.conversation_id).where(Message.direction == "in", Message.status == MessageStatus.RECEIVED,
                                                  Message.attempts < MAX_ATTEMPTS, Message.created_at < cutoff)
            .group_by(Message.conversation_id).order_by(sa.func.min(Message.id)).limit(limit)).all()
    done = 0
    for conversation_id in ids:
        if stopping.requested():
            break
        process_conversation(conversation_id)
        done += 1
    return done
