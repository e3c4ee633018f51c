"""The dispatcher: sends due outbox rows with retries, backoff and WhatsApp's 24-hour rule.

Never twice: a row is claimed (status "sending", attempts + 1) in a transaction of its own, with
SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL and a process lock plus SQLite's write lock otherwise; it is
marked sent in a short transaction right after Twilio answers. Twilio has no idempotency key, so the one window
left is a crash between Twilio's answer and that commit (milliseconds) or a timeout after Twilio did accept the
message: such a row stays "sending" until SENDING_TIMEOUT and is then sent again.
"""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from core import clock
from core.config import settings
from core.db import is_postgres, session_scope, stored_id
from core.fleet import stopping
from core.logs import log
from core.messaging import delivery, twilio_channel
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus, OutboxMessage, OutboxStatus
from core.messaging.outbox import one_line
from core.messaging.twilio_channel import SendFailure
from core.security.sealed import TIME_TO_LIVE, unseal

BACKOFF_SECONDS = (10, 30, 120, 600, 1800)
MAX_ATTEMPTS = 8
SENDING_TIMEOUT = timedelta(minutes=2)
SESSION_WINDOW = timedelta(hours=24)
TIME_BUDGET_SECONDS = 1.5  # keep claiming full batches for this long, so a burst drains without waiting for ticks
LOCAL_CHANNELS = ("simulator", "web")
WINDOW_CLOSED = "63016"  # Twilio's code for a free-form message outside WhatsApp's 24-hour window
_single_dispatcher = threading.Lock()  # SQLite: one dispatcher per process; its write lock covers the rest
_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="outbox")


@dataclass(frozen=True)
class _Claim:
    id: int
    to: str
    body: str
    attempts: int
    content_sid: str
    content_variables: str


def dispatch_due(limit: int = 50) -> int:
    """Send due outbox rows in batches of limit; return how many were sent."""
    if is_postgres():
        return _dispatch(limit)
    if not _single_dispatcher.acquire(blocking=False):
        return 0
    try:
        return _dispatch(limit)
    finally:
        _single_dispatcher.release()


def backoff(attempts: int) -> timedelta:
    """Return the wait before the next try after attempts failed tries."""
    return timedelta(seconds=BACKOFF_SECONDS[min(attempts, len(BACKOFF_SECONDS)) - 1])


def _dispatch(limit: int) -> int:
    sent, started = 0, time.monotonic()
    while not stopping.requested():  # a stopping process claims nothing more
        claims, handled, delivered_locally = _claim(limit)
        sent += delivered_locally + sum(_pool.map(_send, claims))
        if handled < limit or time.monotonic() - started > TIME_BUDGET_SECONDS:
            return sent
    return sent


def _claim(limit: int) -> tuple[list[_Claim], int, int]:
    """Claim due rows; local channels are delivered on the spot, rows that cannot be sent fail here."""
    now = clock.now()
    query = (select(OutboxMessage)
             .where(OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)),
                    OutboxMessage.next_attempt_at <= now)
             .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit))
    if is_postgres():
        query = query.with_for_update(skip_locked=True)
    claims, local = [], []
    with session_scope() as session:
        rows = session.exec(query).all()
        windows = _last_inbound(session, {r.conversation_id for r in rows if r.conversation_id})
        for row in rows:
            if row.status == OutboxStatus.SENDING:
                log.warning("outbox row stuck in sending, trying again", outbox_id=row.id, attempts=row.attempts)
            row.attempts += 1
            if row.channel in LOCAL_CHANNELS:
                row.status, row.sent_at, row.delivery_status = OutboxStatus.SENT, now, "delivered"
                local.append(row.message_id)
            elif row.channel != "whatsapp":
                _fail(session, row, "channel", f"unknown channel {row.channel!r}")
            elif row.attempts > MAX_ATTEMPTS:
                _fail(session, row, row.error_code or "gave_up", f"gave up after {MAX_ATTEMPTS} attempts")
            elif not settings.twilio_enabled:
                row.status, row.next_attempt_at = OutboxStatus.PENDING, now + backoff(row.attempts)
                row.last_error = "Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)"
            else:
                text = _text_to_send(row)
                if text is None:
                    _fail(session, row, "expired", "the code expired before it could be sent")
                    continue
                window = windows.get(row.conversation_id) if row.conversation_id else None
                template = _template(row, text, window, now)
                if template is None:
                    which = "TWILIO_CONTENT_SID_OFFER" if row.kind == "offer" else "TWILIO_CONTENT_SID_UPDATE"
                    _fail(session, row, WINDOW_CLOSED, f"last message from this person is over 24 h old: WhatsApp "
                                                       f"needs an approved template and {which} is not set")
                    continue
                row.status, row.next_attempt_at = OutboxStatus.SENDING, now + SENDING_TIMEOUT
                claims.append(_Claim(stored_id(row), row.to, text, row.attempts, *template))
            session.add(row)
        ids = [m for m in local if m]
        if ids:
            session.execute(sa.update(Message).where(Message.id.in_(ids), Message.status == MessageStatus.QUEUED)
                            .values(status=MessageStatus.SENT))
    return claims, len(rows), len(local)


def _last_inbound(session, conversation_ids: set[int]) -> dict[int, datetime | None]:
    if not conversation_ids:
        return {}
    return dict(session.exec(select(Conversation.id, Conversation.last_inbound_at)
                             .where(Conversation.id.in_(conversation_ids))).all())


def _text_to_send(row: OutboxMessage) -> str | None:
    """Return what the person reads: the sealed text opened when there is one; None when a code can't be sent."""
    if row.sealed:
        return unseal(row.sealed)
    return None if row.kind == "code" else row.body  # a code row without its sealed text has nothing to send


def _template(row: OutboxMessage, text: str, last_inbound: datetime | None, now: datetime) -> tuple[str, str] | None:
    """Return (content_sid, variables JSON): empty for a free-form message, None when a needed template is unset."""
    if row.content_sid:
        return row.content_sid, json.dumps(_variables(row, text), ensure_ascii=False)
    if last_inbound is not None and now - last_inbound < SESSION_WINDOW:
        return "", ""
    sid = _template_sid(row)
    if not sid:
        return None
    return sid, json.dumps(_variables(row, text), ensure_ascii=False)


def _variables(row: OutboxMessage, text: str) -> dict:
    """Return the row's template variables: its own (an offer's names its buttons), else {"1": the text}.

    A sealed row's variables were stored masked, so its text is rebuilt from the opened seal.
    """
    if row.content_variables and not row.sealed:
        return row.content_variables
    return {"1": one_line(text)}


def _template_sid(row: OutboxMessage) -> str:
    return settings.twilio_content_sid_offer if row.kind == "offer" else settings.twilio_content_sid_update


def resend_as_template(session, row: OutboxMessage, how: str) -> bool:
    """Queue a free-form row WhatsApp refused with 63016 again, as the approved template; False when there is none.

    Our clock can believe the 24-hour window open when WhatsApp does not (a late or lost inbound): Twilio then
    refuses the send, or reports 63016 in a status callback, and the person would never hear from us.
    """
    sid = _template_sid(row)
    if row.content_sid or not sid or row.channel != "whatsapp" or _text_to_send(row) is None:
        return False
    log.info("outside the 24-hour window: sending the template instead", outbox_id=row.id, how=how)
    refused = f" {row.provider_sid}" if row.provider_sid else ""
    row.content_sid, row.content_variables = sid, row.content_variables or {"1": one_line(row.body)}  # masked if sealed
    row.status, row.next_attempt_at, row.delivery_status = OutboxStatus.PENDING, clock.now(), ""
    row.provider_sid = None  # later callbacks about the refused send no longer apply to this row
    row.error_code = WINDOW_CLOSED
    row.last_error = f"WhatsApp refused the free-form message{refused} ({how}); sent again as the approved template"
    session.add(row)
    if row.message_id:
        session.execute(sa.update(Message).where(Message.id == row.message_id).values(status=MessageStatus.QUEUED))
    return True


def _send(claim: _Claim) -> int:
    """Send one claimed row and record the outcome at once; return 1 when sent."""
    if stopping.requested():  # claimed but not yet sent: hand it back now rather than after SENDING_TIMEOUT
        release(claim)
        return 0
    try:
        sid, status = twilio_channel.send_whatsapp(to=claim.to, body=claim.body[:1600],
                                                   content_sid=claim.content_sid,
                                                   content_variables=claim.content_variables)
    except SendFailure as failure:
        _record_failure(claim, failure)
        return 0
    except Exception as exc:  # a bug must not leave the row claimed until the timeout
        log.exception("outbox send crashed", outbox_id=claim.id)
        _record_failure(claim, SendFailure("error", repr(exc)[:300], False))
        return 0
    with session_scope() as session:
        row = _locked(session, claim.id)
        row.status, row.provider_sid, row.sent_at = OutboxStatus.SENT, sid, clock.now()
        row.last_error, row.error_code, row.sealed = "", "", ""  # the code now lives only on the person's phone
        delivery.advance(session, row, status)
    return 1


def release(claim: _Claim) -> None:
    """Give back a row this process claimed and never sent: due again now, the attempt not counted."""
    with session_scope() as session:
        row = _locked(session, claim.id)
        if row.status != OutboxStatus.SENDING or row.attempts != claim.attempts:
            return  # taken again by another dispatcher meanwhile
        row.status, row.next_attempt_at, row.attempts = OutboxStatus.PENDING, clock.now(), row.attempts - 1
        session.add(row)
    log.info("outbox row released at shutdown", outbox_id=claim.id)


def _record_failure(claim: _Claim, failure: SendFailure) -> None:
    log.warning("outbox send failed", outbox_id=claim.id, code=failure.code, permanent=failure.permanent)
    with session_scope() as session:
        row = _locked(session, claim.id)
        if row.status != OutboxStatus.SENDING or row.attempts != claim.attempts:
            return  # claimed again by another dispatcher meanwhile: its outcome wins
        if failure.code == WINDOW_CLOSED and resend_as_template(session, row, "when sent"):
            return
        if failure.permanent or row.attempts >= MAX_ATTEMPTS:
            _fail(session, row, failure.code, failure.reason)
        else:
            row.status, row.next_attempt_at = OutboxStatus.PENDING, clock.now() + backoff(row.attempts)
            row.error_code, row.last_error = failure.code, failure.reason
        session.add(row)


def _locked(session, outbox_id: int) -> OutboxMessage:
    query = select(OutboxMessage).where(OutboxMessage.id == outbox_id)
    if is_postgres():
        query = query.with_for_update()
    return session.exec(query).one()


def _fail(session, row: OutboxMessage, code: str, reason: str) -> None:
    row.status, row.error_code, row.last_error, row.sealed = OutboxStatus.FAILED, code[:12], reason, ""
    session.add(row)
    if row.message_id:
        session.execute(sa.update(Message).where(Message.id == row.message_id)
                        .values(status=MessageStatus.FAILED, error_code=code[:12]))


def expire_sealed() -> int:
    """Wipe sealed texts past their time to live; a code not sent by then is dropped. Return how many rows."""
    cutoff = clock.now() - TIME_TO_LIVE
    query = (select(OutboxMessage).where(OutboxMessage.created_at < cutoff,
                                         OutboxMessage.created_at >= cutoff - timedelta(days=1),
                                         OutboxMessage.sealed != "").limit(500))
    if is_postgres():
        query = query.with_for_update(skip_locked=True)
    with session_scope() as session:
        rows = session.exec(query).all()
        for row in rows:
            if row.status in (OutboxStatus.PENDING, OutboxStatus.SENDING):
                _fail(session, row, "expired", "the code expired before it could be sent")
            row.sealed = ""
            session.add(row)
    return len(rows)
