"""Per-sender rate limit, counted in the database so every process shares it."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from core import clock
from core.messaging.models import RateCounter

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
    dialect = session.get_bind().dialect.name
    insert = pg_insert(table) if dialect == "postgresql" else sqlite_insert(table)
    statement = insert.values(key=key, window=window, count=1, notified=False).on_conflict_do_update(
        index_elements=["key", "window"], set_={"count": table.c.count + 1}).returning(table.c.count)
    count = session.execute(statement).scalar_one()
    if count <= limit:
        return RateDecision(count, True, False, window)
    # Only the first caller to flip the flag sends the notice: one notice per window, then silence.
    flipped = session.execute(sa.update(table).where(table.c.key == key, table.c.window == window,
                                                     table.c.notified.is_(False)).values(notified=True)).rowcount
    return RateDecision(count, False, flipped == 1, window)


def prune(keep_windows: int = 60) -> int:
    """Delete counters older than keep_windows windows (an hour by default); return how many."""
    from core.db import session_scope

    oldest = int(clock.now().timestamp()) // WINDOW_SECONDS - keep_windows
    with session_scope() as session:
        table = RateCounter.__table__
        return session.execute(sa.delete(table).where(table.c.window < oldest)).rowcount
