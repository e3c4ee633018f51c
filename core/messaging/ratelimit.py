"""Per-sender rate limits, counted in the database so every process shares them."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from core import clock
from core.messaging.models import RateCounter
from core.upsert import dialect_of, upsert

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class RateDecision:
    """The outcome of counting one event: allowed, and whether this is the one over-limit event to answer."""

    count: int
    allowed: bool
    notify: bool
    window: int


def hit(*, session: Session, key: str, limit: int, window_seconds: int = WINDOW_SECONDS,
        at: datetime | None = None) -> RateDecision:
    """Count one event for key in the window of at (now by default; atomic upsert); decide if it is within limit."""
    window = int((at or clock.now()).timestamp()) // window_seconds
    table = RateCounter.__table__
    statement = upsert(dialect_of(session), table, {"key": key, "window": window, "count": 1, "notified": False},
                       keys=["key", "window"], update={"count": table.c.count + 1}).returning(table.c.count)
    count = session.execute(statement).scalar_one()
    if count <= limit:
        return RateDecision(count, True, False, window)
    # Only the first caller to flip the flag sends the notice: one notice per window, then silence.
    flipped = session.execute(sa.update(table).where(table.c.key == key, table.c.window == window,
                                                     table.c.notified.is_(False)).values(notified=True)).rowcount
    return RateDecision(count, False, flipped == 1, window)


def take(*, session: Session, key: str, limit: int, window_seconds: int) -> bool:
    """Count one event for key unless the last window_seconds (at most an hour) already hold limit; True if counted.

    Sliding over one-minute windows. The event is counted first and taken back when over the limit: concurrent
    callers queue on the row lock, so two of them never both take the last place.
    """
    minute = int(clock.now().timestamp()) // WINDOW_SECONDS
    hit(session=session, key=key, limit=limit, window_seconds=WINDOW_SECONDS)
    table = RateCounter.__table__
    first = minute - max(1, window_seconds // WINDOW_SECONDS) + 1
    total = session.execute(sa.select(sa.func.coalesce(sa.func.sum(table.c.count), 0)).where(
        table.c.key == key, table.c.window >= first)).scalar_one()
    if total <= limit:
        return True
    session.execute(sa.update(table).where(table.c.key == key, table.c.window == minute)
                    .values(count=table.c.count - 1))
    return False


def client_key(address: str) -> str:
    """Return a short key for a client address that does not store the address itself."""
    return hashlib.sha256((address or "-").strip().lower().encode()).hexdigest()[:24]


def prune(keep_windows: int = 60) -> int:
    """Delete counters older than keep_windows windows (an hour by default); return how many."""
    from core.db import session_scope

    oldest = int(clock.now().timestamp()) // WINDOW_SECONDS - keep_windows
    with session_scope() as session:
        table = RateCounter.__table__
        return session.execute(sa.delete(table).where(table.c.window < oldest)).rowcount
