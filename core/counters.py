"""Event counters shared by every process: counts per key in one-minute windows, read over a sliding window.

The webhook's rate limit, the web chat's caps and sign-in throttling all count here; this module also prunes,
keeping every window that any reader may still add up (an hour), whoever counts.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel

from core import clock
from core.db import rows_changed, session_scope, table_of
from core.upsert import dialect_of, upsert

MINUTE = 60
LONGEST_WINDOW_SECONDS = 3600  # the longest sliding window a reader may ask for; pruning keeps that much


class RateCounter(SQLModel, table=True):
    """Count of events for one key in one time window, shared by all processes."""

    key: str = Field(primary_key=True, max_length=160)
    window: int = Field(primary_key=True)  # seconds since the epoch // MINUTE
    count: int = 0
    notified: bool = False


def minute_of(at: datetime | None = None) -> int:
    """Return the window number of at (now by default)."""
    return int((at or clock.now()).timestamp()) // MINUTE


def add(*, session: Session, key: str, at: datetime | None = None) -> tuple[int, int]:
    """Count one event for key in the window of at (one atomic upsert); return (window, its count now)."""
    window = minute_of(at)
    table = table_of(RateCounter)
    statement = upsert(dialect_of(session), table, {"key": key, "window": window, "count": 1, "notified": False},
                       keys=["key", "window"], update={"count": table.c.count + 1}).returning(table.c.count)
    return window, int(session.execute(statement).scalar_one())


def total(*, session: Session, key: str, window_seconds: int) -> int:
    """Return the events counted for key over the last window_seconds (a sliding window of whole minutes)."""
    if window_seconds > LONGEST_WINDOW_SECONDS:
        raise ValueError(f"counters keep {LONGEST_WINDOW_SECONDS} seconds at most")
    first = minute_of() - max(1, window_seconds // MINUTE) + 1
    table = table_of(RateCounter)
    return int(session.execute(sa.select(sa.func.coalesce(sa.func.sum(table.c.count), 0)).where(
        table.c.key == key, table.c.window >= first)).scalar_one())


def take_back(*, session: Session, key: str, window: int) -> None:
    """Uncount one event of key in window (one that was refused)."""
    table = table_of(RateCounter)
    session.execute(sa.update(table).where(table.c.key == key, table.c.window == window)
                    .values(count=table.c.count - 1))


def mark_notified(*, session: Session, key: str, window: int) -> bool:
    """Flag key's window as answered; True only for the one caller that flipped the flag."""
    table = table_of(RateCounter)
    return rows_changed(session.execute(sa.update(table).where(
        table.c.key == key, table.c.window == window, table.c.notified.is_(False)).values(notified=True))) == 1


def clear(*, session: Session, key: str) -> None:
    """Forget every count of key."""
    table = table_of(RateCounter)
    session.execute(sa.delete(table).where(table.c.key == key))


def prune() -> int:
    """Delete windows older than the longest window any reader adds up; return how many."""
    oldest = minute_of() - LONGEST_WINDOW_SECONDS // MINUTE
    table = table_of(RateCounter)
    with session_scope() as session:
        return rows_changed(session.execute(sa.delete(table).where(table.c.window < oldest)))
