"""The one clock: UTC now(), which tests can move forward instead of sleeping."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

DOUALA = ZoneInfo("Africa/Douala")
_offset = timedelta(0)


def now() -> datetime:
    """Return the current time, timezone-aware UTC (shifted in tests)."""
    return datetime.now(UTC) + _offset


def advance(delta: timedelta) -> None:
    """Move the clock forward (tests only)."""
    global _offset
    _offset += delta


def reset() -> None:
    """Put the clock back to real time."""
    global _offset
    _offset = timedelta(0)


def as_utc(value: datetime) -> datetime:
    """Return value as aware UTC; naive values (as SQLite returns them) are taken to be UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def local(value: datetime) -> datetime:
    """Return value in Douala time."""
    return as_utc(value).astimezone(DOUALA)


def format_local(value: datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    """Format a stored UTC time as Douala time, or an empty string."""
    return local(value).strftime(fmt) if value else ""
