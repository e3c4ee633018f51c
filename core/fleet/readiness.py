"""Can this process serve? Database reachable, schema at the migrations' head, and workers alive when needed."""

import time
from dataclasses import dataclass, field
from functools import cache

import sqlalchemy as sa

from core import clock
from core.config import settings
from core.db import alembic_config, get_engine
from core.fleet import heartbeat, stopping


@dataclass
class Readiness:
    """The verdict and the reasons against it (empty when ready)."""

    reasons: list[str] = field(default_factory=list)
    checks: dict[str, str] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        """True when nothing stands against serving."""
        return not self.reasons

    def body(self) -> dict:
        """Return the JSON answer of /ready."""
        return {"status": "ready" if self.ready else "not ready", "reasons": self.reasons, **self.checks,
                "time": clock.now().isoformat()}


MIGRATIONS_RECHECK_SECONDS = 30.0  # a probe every second must not read Alembic's table (and scripts) every time
_at_head: dict[str, float] = {}  # per-process: database URL -> until when its "migrations at head" verdict holds


@cache
def migration_heads() -> frozenset[str]:
    """Return the heads of the migrations shipped with this code (read once: the scripts do not change)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def database_revisions() -> set[str]:
    """Return the revisions the database is at (raises when it cannot be reached)."""
    from alembic.runtime.migration import MigrationContext

    with get_engine().connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def forget_migrations() -> None:
    """Read the database's revision again at the next check (tests)."""
    _at_head.clear()


def _check_migrations(result: Readiness) -> None:
    """Compare the database's revision with the code's, reading it at most every MIGRATIONS_RECHECK_SECONDS."""
    database = get_engine().url.render_as_string(hide_password=True)
    result.checks["migrations"] = "head"
    if time.monotonic() < _at_head.get(database, 0.0):
        return
    current, expected = database_revisions(), migration_heads()
    if current == expected:
        _at_head[database] = time.monotonic() + MIGRATIONS_RECHECK_SECONDS
        return
    result.checks["migrations"] = "behind"
    result.reasons.append(f"database at {', '.join(sorted(current)) or 'no revision'}, "
                          f"code expects {', '.join(sorted(expected))}: run `djobea db upgrade`")


def check(*, role: str, worker_process: str | None = None) -> Readiness:
    """Check readiness for a web process (role "web") or for the worker named worker_process (role "worker")."""
    result = Readiness()
    if stopping.requested():
        result.reasons.append("shutting down")
    try:
        with get_engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        result.checks["database"] = "ok"
    except Exception:
        result.checks["database"] = "unreachable"
        result.reasons.append("database unreachable")
        return result
    _check_migrations(result)
    if role == "worker" and worker_process:
        row = heartbeat.last_seen(worker_process)
        fresh = row is not None and clock.now() - row.seen_at <= heartbeat.FRESH
        result.checks["heartbeat"] = row.seen_at.isoformat() if row else "none"
        if not fresh:
            result.reasons.append(f"no heartbeat from this worker in {heartbeat.FRESH.seconds} s")
    elif role == "web" and not settings.inline_processing:
        live = heartbeat.live_workers()
        result.checks["workers"] = str(live)
        if not live:
            result.reasons.append(f"no worker heartbeat in {heartbeat.FRESH.seconds} s (DJOBEA_INLINE_PROCESSING=0 "
                                  f"needs `djobea worker`)")
    return result
