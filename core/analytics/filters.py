"""Dashboard and list filters, turned into SQL conditions on requests (shared so drill-downs add up)."""

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from core import clock
from core.service_requests.models import ServiceRequest as R

PERIODS = {"today": 1, "7d": 7, "30d": 30, "90d": 90, "365d": 365, "all": 0}
DEFAULT_PERIOD = "30d"
STAGES = ("offered", "assigned", "completed", "paid")
# time to assignment, in minutes: (key, lowest included, highest excluded)
BUCKETS = (("0-1", 0, 1), ("1-5", 1, 5), ("5-10", 5, 10), ("10-30", 10, 30), ("30-60", 30, 60), ("60+", 60, None))


@dataclass(frozen=True)
class Filters:
    """What the admin narrowed the view to; None means no restriction."""

    start: datetime | None = None
    end: datetime | None = None
    service: str | None = None
    quartier: str | None = None
    status: str | None = None
    stage: str | None = None
    bucket: str | None = None
    provider_id: int | None = None
    day: date | None = None


def local_midnight(day: date) -> datetime:
    """Return the UTC instant of midnight in Douala on day."""
    return datetime.combine(day, time(0), tzinfo=clock.DOUALA).astimezone(UTC)


def period_bounds(period: str, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
    """Return (start, end) of a period ending now: whole local days, today included; 'all' has no start."""
    now = now or clock.now()
    days = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])
    if not days:
        return None, None
    today = clock.local(now).date()
    return local_midnight(today - timedelta(days=days - 1)), local_midnight(today + timedelta(days=1))


def from_params(params: dict[str, Any], now: datetime | None = None) -> Filters:
    """Build filters from URL query parameters (unknown or bad values are ignored)."""
    start, end = period_bounds(str(params.get("period") or DEFAULT_PERIOD), now)
    day = None
    if params.get("day"):
        try:
            day = date.fromisoformat(str(params["day"]))
        except ValueError:
            day = None
    provider = str(params.get("provider") or "")
    return Filters(start=start, end=end, service=params.get("service") or None,
                   quartier=params.get("quartier") or None, status=params.get("status") or None,
                   stage=params.get("stage") if params.get("stage") in STAGES else None,
                   bucket=params.get("bucket") if params.get("bucket") in {b[0] for b in BUCKETS} else None,
                   provider_id=int(provider) if re.fullmatch(r"[0-9]{1,9}", provider) else None, day=day)


def seconds_between(session: Session, later: Any, earlier: Any) -> Any:
    """SQL expression: seconds from earlier to later, on PostgreSQL and SQLite alike."""
    if session.get_bind().dialect.name == "postgresql":
        return sa.func.extract("epoch", later - earlier)
    return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0


def request_conditions(session: Session, filters: Filters) -> list[Any]:
    """Return the WHERE conditions on ServiceRequest for these filters."""
    where: list[Any] = []
    if filters.start is not None:
        where.append(R.created_at >= filters.start)
    if filters.end is not None:
        where.append(R.created_at < filters.end)
    if filters.day is not None:
        where += [R.created_at >= local_midnight(filters.day),
                  R.created_at < local_midnight(filters.day + timedelta(days=1))]
    if filters.service:
        where.append(R.service_type == filters.service)
    if filters.quartier:
        where.append(R.quartier == filters.quartier)
    if filters.status:
        where.append(R.status == filters.status)
    if filters.provider_id is not None:
        where.append(R.provider_id == filters.provider_id)
    if filters.stage:
        where.append(getattr(R, f"{filters.stage}_at").is_not(None))
    if filters.bucket:
        where += bucket_conditions(session, filters.bucket)
    return where


def bucket_conditions(session: Session, key: str) -> list[Any]:
    """Return the conditions selecting assigned requests whose time to assignment falls in bucket key."""
    _, low, high = next(b for b in BUCKETS if b[0] == key)
    seconds = seconds_between(session, R.assigned_at, R.created_at)
    where = [R.assigned_at.is_not(None), seconds >= low * 60]
    if high is not None:
        where.append(seconds < high * 60)
    return where


def without(filters: Filters, *names: str) -> Filters:
    """Return filters with the named ones cleared."""
    return replace(filters, **dict.fromkeys(names))
