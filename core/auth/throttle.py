"""Failure counters shared by every process (RateCounter rows in one-minute windows), for login throttling.

One-minute windows, like core.messaging.ratelimit's, so its hourly pruning keeps every window counted here.
"""

import hashlib

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from core import clock
from core.messaging.models import RateCounter


def key_for(kind: str, value: str) -> str:
    """Return a counter key that does not store the email, phone or address itself."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:24]
    return f"auth:{kind}:{digest}"


MINUTE = 60


def _minute() -> int:
    return int(clock.now().timestamp()) // MINUTE


def record(*, session: Session, key: str, window_seconds: int) -> int:
    """Count one event for key now; return the count over the last window_seconds (a sliding window)."""
    window = _minute()
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(RateCounter).values(key=key, window=window, count=1)
    statement = statement.on_conflict_do_update(index_elements=["key", "window"],
                                                set_={"count": RateCounter.count + 1})  # type: ignore[operator]
    session.execute(statement)
    session.flush()
    return recent(session=session, key=key, window_seconds=window_seconds)


def recent(*, session: Session, key: str, window_seconds: int) -> int:
    """Return the events counted for key over the last window_seconds (at most an hour)."""
    first = _minute() - max(1, window_seconds // MINUTE) + 1
    total = session.exec(select(sa.func.coalesce(sa.func.sum(RateCounter.count), 0)).where(
        RateCounter.key == key, RateCounter.window >= first)).one()
    return int(total)


def clear(*, session: Session, key: str) -> None:
    """Forget the counts of key (after a successful login)."""
    session.execute(sa.delete(RateCounter).where(RateCounter.key == key))  # type: ignore[arg-type]
