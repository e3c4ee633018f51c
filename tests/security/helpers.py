"""Reading a one-time code the way its owner does (from what WhatsApp delivers), and what staff can read."""

import json
import re

from sqlmodel import Session, select

from core.analytics.export import conversations_csv
from core.analytics.filters import Filters
from core.analytics.inbox import inbox
from core.db import get_engine, session_scope
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage


def code_sent_to(phone: str) -> str:
    """Return the six digits of the newest code queued for phone, from the sealed text only the sender opens."""
    with Session(get_engine()) as reader:  # a short session: on SQLite an open transaction holds the write lock
        row = reader.exec(select(OutboxMessage).where(OutboxMessage.kind == "code", OutboxMessage.to == phone)
                          .order_by(OutboxMessage.id.desc())).first()
    assert row is not None, f"no code was sent to {phone}"
    from core.security.sealed import unseal

    text = unseal(row.sealed)
    assert text is not None, "the code's text can no longer be opened"
    return re.search(r"\b(\d{6})\b", text).group(1)


def other_code(code: str) -> str:
    """Return a six-digit code that is not code."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


def everything_staff_can_read() -> str:
    """Return every message body, outbox body, template variables and error, the inbox and the CSV export."""
    with session_scope() as s:
        parts = [m.body for m in s.exec(select(Message))]
        for row in s.exec(select(OutboxMessage)):
            parts += [row.body, json.dumps(row.content_variables), row.last_error]
        parts += [f"{r.who} {r.last}" for r in inbox(session=s)]
        parts += list(conversations_csv(session=s, filters=Filters()))
    return "\n".join(parts)
