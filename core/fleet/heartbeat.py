"""Worker heartbeats: each worker writes its row every few seconds; readiness reads them."""

from datetime import timedelta

import sqlalchemy as sa

from core import clock
from core.db import session_scope, table_of
from core.fleet.models import WorkerHeartbeat
from core.upsert import dialect_of, upsert

BEAT_SECONDS = 5.0
FRESH = timedelta(seconds=30)  # a worker silent for longer is stuck or gone
FORGET = timedelta(days=1)  # rows of workers gone this long are deleted


def beat(process: str, *, stopping: bool = False) -> None:
    """Record that this worker is alive (and whether it is stopping): one upsert."""
    now = clock.now()
    table = table_of(WorkerHeartbeat)
    with session_scope() as session:
        session.execute(upsert(dialect_of(session), table,
                               {"process": process, "started_at": now, "seen_at": now, "stopping": stopping},
                               keys=["process"], update={"seen_at": now, "stopping": stopping}))
        session.execute(table.delete().where(table.c.seen_at < now - FORGET))


def last_seen(process: str) -> WorkerHeartbeat | None:
    """Return this worker's heartbeat row, or None."""
    with session_scope() as session:
        return session.get(WorkerHeartbeat, process)


def live_workers() -> int:
    """Return how many workers beat within FRESH and are not stopping."""
    table = table_of(WorkerHeartbeat)
    with session_scope() as session:
        return session.execute(sa.select(sa.func.count()).select_from(table).where(
            table.c.seen_at >= clock.now() - FRESH, table.c.stopping.is_(False))).scalar_one()


def forget(process: str) -> None:
    """Remove this worker's row (it has stopped)."""
    with session_scope() as session:
        row = session.get(WorkerHeartbeat, process)
        if row is not None:
            session.delete(row)
