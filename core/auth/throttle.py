"""Failure counters shared by every process, for sign-in throttling.

Counts per key over a sliding window are kept by core.counters, which also prunes them. Growing delays
(SignInDelay rows) slow one account's guesses from one address without locking the account for everyone else.
"""

import hashlib
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock, counters
from core.auth.models import SignInDelay
from core.db import rows_changed, session_scope, table_of
from core.upsert import dialect_of, upsert

FREE_TRIES = 5  # failures before the first delay
FIRST_DELAY_SECONDS = 30  # then 60, 120, ... up to MAX_DELAY_SECONDS
MAX_DELAY_SECONDS = 15 * 60
FORGET = timedelta(hours=1)  # failures this old no longer count


def key_for(kind: str, value: str) -> str:
    """Return a counter key that does not store the email, phone or address itself."""
    return f"auth:{kind}:{_digest(value)}"


def pair_key(kind: str, who: str, address: str) -> str:
    """Return the key of one account (or provider) tried from one address; all of who's keys share a prefix."""
    return f"{key_for(kind, who)}:{_digest(address or '-')}"


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:24]


def record(*, session: Session, key: str, window_seconds: int) -> int:
    """Count one event for key now; return the count over the last window_seconds (a sliding window)."""
    counters.add(session=session, key=key)
    session.flush()
    return recent(session=session, key=key, window_seconds=window_seconds)


def recent(*, session: Session, key: str, window_seconds: int) -> int:
    """Return the events counted for key over the last window_seconds (at most an hour)."""
    return counters.total(session=session, key=key, window_seconds=window_seconds)


def clear(*, session: Session, key: str) -> None:
    """Forget the counts of key (after a successful login)."""
    counters.clear(session=session, key=key)


def delay_for(failures: int) -> int:
    """Return the seconds to wait after this many failures in a row (0 for the first few)."""
    if failures < FREE_TRIES:
        return 0
    return min(FIRST_DELAY_SECONDS * 2 ** min(failures - FREE_TRIES, 20), MAX_DELAY_SECONDS)


def wait_seconds(*, session: Session, key: str) -> int:
    """Return how many seconds key must still wait before its next try (0: it may try now)."""
    row = session.get(SignInDelay, key)
    if row is None:
        return 0
    now = clock.now()
    if now - row.last_failure_at > FORGET:
        return 0
    ready = row.last_failure_at + timedelta(seconds=delay_for(row.failures))
    return max(0, int((ready - now).total_seconds() + 0.999))


def fail(*, session: Session, key: str) -> int:
    """Count one failed try of key now; return the seconds it must wait before the next one."""
    now = clock.now()
    table = table_of(SignInDelay)
    session.execute(upsert(dialect_of(session), table, {"key": key, "failures": 1, "last_failure_at": now},
                           keys=["key"], update={
        "failures": sa.case((table.c.last_failure_at < now - FORGET, 1), else_=table.c.failures + 1),
        "last_failure_at": now}))
    session.flush()
    failures = session.exec(select(SignInDelay.failures).where(SignInDelay.key == key)).one()
    return delay_for(failures)


def forgive(*, session: Session, key: str) -> None:
    """Forget the failures of key (after a successful try)."""
    session.execute(sa.delete(SignInDelay).where(SignInDelay.key == key))


def forgive_everywhere(*, session: Session, kind: str, who: str) -> None:
    """Forget the failures of who from every address (an admin lifts the delays of an account)."""
    prefix = key_for(kind, who) + ":"
    session.execute(sa.delete(SignInDelay).where(SignInDelay.key.startswith(prefix)))


def prune_delays() -> int:
    """Delete delays whose failures are too old to count; return how many."""
    with session_scope() as session:
        table = table_of(SignInDelay)
        return rows_changed(session.execute(sa.delete(table).where(table.c.last_failure_at < clock.now() - FORGET)))
