"""Reading a one-time code the way its owner does: from the message WhatsApp delivers to them."""

import re

from sqlmodel import Session, select

from core.db import get_engine
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
