"""The inbox: messages stored at the door in one statement, attached to their conversations afterwards.

The webhook's answer waits only for stage_async(): one INSERT ... ON CONFLICT DO NOTHING claims the channel's
message id and keeps the message (on PostgreSQL, awaited on the event loop through core.channels.door).
attach() then does the heavier work (conversation and customer on first contact, the Message row, the sender's
rate limit) off the answer path: right after the answer in the web process, or in `djobea worker`, which a
NOTIFY sent after the answer wakes (it also looks a few times a second).
"""

import asyncio
import time
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.sql.dml import Insert
from sqlmodel import Session, select

from core import clock
from core.channels import door
from core.channels.inbound import accept
from core.channels.webhook import Inbound
from core.db import get_engine, is_postgres, rows_changed, session_scope, stored_id, table_of
from core.fleet import stopping
from core.logs import log
from core.messaging.conversations import Message
from core.messaging.models import InboundMessage, MessageStatus
from core.upsert import for_psycopg, upsert

CHANNEL_NOTIFY = "djobea_inbox"
WAKE_SECONDS = 0.05
KEEP = timedelta(days=2)  # Twilio retries for hours at most; a sid older than this is not claimed at the door


@dataclass(frozen=True)
class Attached:
    """A message that joined its conversation: what the engine (or the media fetcher) must do next."""

    message_id: int
    conversation_id: int
    status: MessageStatus  # received | media | throttled


async def stage_async(inbound: Inbound, *, channel: str = "whatsapp") -> int | None:
    """stage() for the event loop: the same statement, awaited on PostgreSQL, on a thread elsewhere."""
    if not is_postgres():
        return await asyncio.to_thread(stage, inbound, channel=channel)
    found = await door.of_running_loop().execute(_STAGE_PG.sql, _STAGE_PG.params(_row(inbound, channel)),
                                               fetch=True)
    return found[0] if found else None


def stage(inbound: Inbound, *, channel: str = "whatsapp") -> int | None:
    """Store the message as received in one statement; return its inbox id, or None for a sid seen before."""
    engine = get_engine()
    with engine.begin() as conn:
        return conn.execute(_stage_statement(engine.dialect.name), _row(inbound, channel)).scalar()


async def wake_workers() -> bool:
    """NOTIFY the workers that messages wait, at most every WAKE_SECONDS; True when a notification was sent.

    Kept out of the staging statement: PostgreSQL serialises the commits of notifying transactions.
    """
    global _last_wake
    if time.monotonic() - _last_wake < WAKE_SECONDS:
        return False
    _last_wake = time.monotonic()
    await door.of_running_loop().execute(f"NOTIFY {CHANNEL_NOTIFY}")
    return True


def attach(inbox_id: int) -> Attached | None:
    """Attach one stored message to its conversation; None when it was attached already (or is locked elsewhere)."""
    with session_scope() as session:
        rows = _claim(session, select(InboundMessage).where(InboundMessage.id == inbox_id))
        return _attach(session, rows[0]) if rows else None


def attach_pending(limit: int = 200, older_than: timedelta | None = None) -> list[Attached]:
    """Attach waiting messages in arrival order (a batch claimed with SKIP LOCKED); return those now messages."""
    query = select(InboundMessage).where(InboundMessage.message_id.is_(None)).order_by(InboundMessage.id).limit(limit)
    if older_than is not None:
        query = query.where(InboundMessage.received_at < clock.now() - older_than)
    attached = []
    with session_scope() as session:
        for row in _claim(session, query):
            if stopping.requested():  # SIGTERM: the rest of the batch stays waiting, its row locks released
                break
            try:
                with session.begin_nested():
                    done = _attach(session, row)
            except Exception:  # one bad row must not hold back the others; it stays waiting for the next sweep
                log.exception("inbox message not attached", inbox_id=row.id)
                continue
            if done is not None:
                attached.append(done)
    return attached


def prune() -> int:
    """Delete attached inbox rows older than KEEP; return how many."""
    table = table_of(InboundMessage)
    with session_scope() as session:
        return rows_changed(session.execute(sa.delete(table).where(table.c.message_id.is_not(None),
                                                                   table.c.received_at < clock.now() - KEEP)))


_STAGED = ("channel", "sid", "sender", "alias", "name", "body", "media", "reply_to", "received_at")


def _stage_statement(dialect: str) -> Insert:
    """The one INSERT ... ON CONFLICT DO NOTHING that claims a sid, for the ORM's engine and the async door alike."""
    table = table_of(InboundMessage)
    return upsert(dialect, table, {name: sa.bindparam(name) for name in _STAGED},
                  keys=["channel", "sid"]).returning(table.c.id)


_STAGE_PG = for_psycopg(_stage_statement("postgresql"))
_last_wake = 0.0  # per-process: each web process paces its own NOTIFYs


def _row(inbound: Inbound, channel: str) -> dict:
    return {"channel": channel, "sid": inbound.sid, "sender": inbound.sender, "alias": inbound.alias,
            "name": inbound.name, "body": inbound.body, "media": inbound.media, "reply_to": inbound.reply_to,
            "received_at": clock.now()}


def _claim(session: Session, query) -> list[InboundMessage]:
    query = query.where(InboundMessage.message_id.is_(None))
    if is_postgres():
        query = query.with_for_update(skip_locked=True)  # two workers never attach the same message
    return list(session.exec(query).all())


def _attach(session: Session, row: InboundMessage) -> Attached | None:
    message = accept(session=session, channel=row.channel, external_id=row.sender, body=row.body,
                     provider_message_id=row.sid, media=row.media, name=row.name, received_at=row.received_at,
                     waits_for_media=any(item.get("kind") != "location" for item in row.media), alias=row.alias,
                     reply_to=row.reply_to)
    if message is None:  # already a message (stored by another path before this row): nothing more to do
        row.message_id = session.exec(select(Message.id).where(Message.channel == row.channel,
                                                               Message.provider_message_id == row.sid)).one()
    else:
        row.message_id = message.id
    row.attached_at = clock.now()
    session.add(row)
    if message is None:
        return None
    return Attached(stored_id(message), message.conversation_id, message.status)
