"""Delivery status of sent messages, from Twilio's status callbacks: it only ever moves forward."""

import sqlalchemy as sa
from sqlmodel import Session, select

from core.db import is_postgres
from core.messaging.conversations import Message
from core.messaging.models import MessageStatus, OutboxMessage

# Callbacks arrive out of order; a status only replaces one of lower rank ("read" after "delivered" stays "read").
RANK = {"accepted": 0, "scheduled": 0, "queued": 0, "sending": 0, "sent": 1,
        "delivered": 2, "undelivered": 2, "failed": 2, "read": 3}
# Twilio's delivered-or-later statuses as the conversation view knows them (it has no "undelivered")
MESSAGE_STATUS = {"sent": MessageStatus.SENT, "delivered": MessageStatus.DELIVERED, "undelivered": MessageStatus.FAILED,
                  "failed": MessageStatus.FAILED, "read": MessageStatus.READ}


def advance(session: Session, row: OutboxMessage, status: str, error_code: str = "") -> bool:
    """Move row's delivery status (and its message's status) forward to status; False when it would go back."""
    status = status.lower()
    if status not in RANK or RANK[status] <= RANK.get(row.delivery_status, -1):
        return False
    row.delivery_status = status
    if error_code:
        row.error_code = error_code[:12]
        row.last_error = row.last_error or f"Twilio delivery status {status} ({error_code})"
    session.add(row)
    if row.message_id:
        values: dict[str, object] = {"status": MESSAGE_STATUS[status] if RANK[status] else MessageStatus.SENT}
        if row.provider_sid:
            values["provider_message_id"] = row.provider_sid
        if error_code:
            values["error_code"] = error_code[:12]
        session.execute(sa.update(Message).where(Message.id == row.message_id).values(**values))
    return True


def record_callback(*, session: Session, message_sid: str, status: str, error_code: str = "") -> bool:
    """Apply one Twilio status callback to the outbox row with this sid; False when unknown or out of date."""
    query = select(OutboxMessage).where(OutboxMessage.provider_sid == message_sid)
    if is_postgres():
        query = query.with_for_update()  # two callbacks for one message apply one after the other
    row = session.exec(query).first()
    if row is None:
        return False
    moved = advance(session, row, status, error_code)
    if moved and row.delivery_status in ("failed", "undelivered") and error_code == "63016":
        from core.messaging.dispatcher import resend_as_template  # the dispatcher imports this module

        resend_as_template(session, row, "in a status callback")
    return moved
