"""Per-sender rate limits, counted in core.counters so every process shares them."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from core import counters

WINDOW_SECONDS = counters.MINUTE


@dataclass(frozen=True)
class RateDecision:
    """The outcome of counting one event: allowed, and whether this is the one over-limit event to answer."""

    count: int
    allowed: bool
    notify: bool
    window: int


def hit(*, session: Session, key: str, limit: int, at: datetime | None = None) -> RateDecision:
    """Count one event for key in the minute of at (now by default); decide if it is within limit."""
    window, count = counters.add(session=session, key=key, at=at)
    if count <= limit:
        return RateDecision(count, True, False, window)
    # Only the first caller to flip the flag sends the notice: one notice per window, then silence.
    return RateDecision(count, False, counters.mark_notified(session=session, key=key, window=window), window)


def take(*, session: Session, key: str, limit: int, window_seconds: int) -> bool:
    """Count one event for key unless the last window_seconds (at most an hour) already hold limit; True if counted.

    Sliding over one-minute windows. The event is counted first and taken back when over the limit: concurrent
    callers queue on the row lock, so two of them never both take the last place.
    """
    window, _ = counters.add(session=session, key=key)
    if counters.total(session=session, key=key, window_seconds=window_seconds) <= limit:
        return True
    counters.take_back(session=session, key=key, window=window)
    return False


def client_key(address: str) -> str:
    """Return a short key for a client address that does not store the address itself."""
    return hashlib.sha256((address or "-").strip().lower().encode()).hexdigest()[:24]


def prune() -> int:
    """Delete counters too old to matter (the scheduled sweep); return how many."""
    return counters.prune()
