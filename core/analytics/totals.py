"""Split a dashboard period into whole past days read from the daily totals and the rest read live.

The rest is: today, the partial days at the edges of a custom period, and the days changed since the last sweep
(so every number equals what the live tables say, even between sweeps).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from core import clock
from core.analytics.filters import Filters, local_midnight
from core.analytics.models import WAIT_EDGES, ProviderDay, ProviderMonth
from core.analytics.models import DailyTotals as D
from core.analytics.rollups import changed_days, day_ranges, in_spans, month_start, next_month, rollup_state

# Up to this span the median time to assignment is exact (read from the rows); longer, it is estimated from the
# daily histogram, since medians of days cannot be combined and sorting a year of rows is too slow for a page.
EXACT_MEDIAN_SPAN = timedelta(days=31)
Span = tuple[datetime | None, datetime | None]
# filters the daily totals cannot answer (they only know day, service and quartier)
_LIVE_ONLY = ("status", "stage", "bucket", "provider_id", "day")


@dataclass(frozen=True)
class Split:
    """Which part of a period comes from the daily totals (first..last, except skip) and which is live."""

    first: date | None = None  # None with last set: from the very first day
    last: date | None = None  # None: nothing from the totals
    skip: frozenset[date] = frozenset()
    live: list[Span] = field(default_factory=list)

    @property
    def months(self) -> tuple[date | None, date] | None:
        """The whole calendar months inside first..last, as [first month, end month); None when there is none."""
        if self.last is None:
            return None
        start = None if self.first is None else (self.first if self.first.day == 1 else next_month(self.first))
        end = month_start(self.last + timedelta(days=1))
        return None if start is not None and start >= end else (start, end)

    @property
    def uses_totals(self) -> bool:
        """True when some days come from the daily totals."""
        return self.last is not None

    def day_conditions(self, column: Any = D.day) -> list[Any]:
        """WHERE conditions selecting the rolled-up days on a day column."""
        where = [column <= self.last]
        if self.first is not None:
            where.append(column >= self.first)
        if self.skip:
            where.append(column.not_in(sorted(self.skip)))
        return where

    def live_condition(self, column: Any) -> Any:
        """WHERE condition selecting the live part on a UTC time column."""
        return in_spans(column, self.live)


def _first_whole_day(start: datetime) -> date:
    day = clock.local(start).date()
    return day if local_midnight(day) == start else day + timedelta(days=1)


def plan(*, session: Session, filters: Filters, now: datetime | None = None) -> Split:
    """Return how to read the period of filters: which days from the totals, which spans live."""
    everything = Split(live=[(filters.start, filters.end)])
    if any(getattr(filters, name) is not None for name in _LIVE_ONLY):
        return everything
    state = rollup_state(session=session)
    if state is None:
        return everything
    today = clock.local(now or clock.now()).date()
    first = _first_whole_day(filters.start) if filters.start is not None else None
    last = today - timedelta(days=1)  # today is still moving: always live
    if filters.end is not None:
        last = min(last, clock.local(filters.end).date() - timedelta(days=1))
    if first is not None and first > last:
        return everything
    skip = {d for d in changed_days(session=session, state=state) if (first is None or d >= first) and d <= last}
    live: list[Span] = []
    if filters.start is not None and first is not None and filters.start < local_midnight(first):
        live.append((filters.start, local_midnight(first)))
    live += list(day_ranges(skip))
    after = local_midnight(last + timedelta(days=1))
    if filters.end is None or filters.end > after:
        live.append((after, filters.end))
    return Split(first=first, last=last, skip=frozenset(skip), live=live)


def scope_conditions(filters: Filters, model: Any = D) -> list[Any]:
    """WHERE conditions for the service and quartier filters on the totals."""
    where = []
    if filters.service:
        where.append(model.service_type == filters.service)
    if filters.quartier:
        where.append(model.quartier == filters.quartier)
    return where


@dataclass
class Rolled:
    """What the rolled-up days add: column sums, (day, service, requests) and (quartier, requests)."""

    sums: dict[str, int | float]
    by_day: list[tuple[Any, str, int]] = field(default_factory=list)
    by_quartier: list[tuple[str, int]] = field(default_factory=list)


def rolled_up(*, session: Session, split: Split, filters: Filters, names: list[str]) -> Rolled:
    """Return the sums of these DailyTotals columns and the per-day and per-quartier requests of the rolled-up days."""
    if not split.uses_totals:
        return Rolled(sums=dict.fromkeys(names, 0))
    where = [*split.day_conditions(), *scope_conditions(filters)]
    sums = [sa.func.coalesce(sa.func.sum(getattr(D, n)), 0) for n in names]
    requests = sa.func.sum(D.requests)
    row = session.execute(sa.select(*sums).where(*where)).one()
    if session.get_bind().dialect.name == "postgresql":  # one pass for both charts
        sets = sa.func.grouping_sets(sa.tuple_(D.day, D.service_type), sa.tuple_(D.quartier))
        rows = session.execute(sa.select(sa.func.grouping(D.day, D.quartier), D.day, D.service_type, D.quartier,
                                         requests).where(*where).group_by(sets)).all()
        return Rolled(sums=dict(zip(names, row, strict=True)),
                      by_day=[(r[1], r[2], int(r[4])) for r in rows if r[0] == 1 and r[4]],
                      by_quartier=[(r[3], int(r[4])) for r in rows if r[0] == 2 and r[4]])
    by_day = session.execute(sa.select(D.day, D.service_type, requests).where(*where)
                             .group_by(D.day, D.service_type).having(requests > 0)).all()
    by_quartier = session.execute(sa.select(D.quartier, requests).where(*where).group_by(D.quartier)).all()
    return Rolled(sums=dict(zip(names, row, strict=True)), by_day=[(d, s, int(n)) for d, s, n in by_day],
                  by_quartier=[(q, int(n)) for q, n in by_quartier])


def provider_jobs(*, session: Session, split: Split) -> dict[int, tuple[int, int]]:
    """Return provider id -> (jobs, billed) over the rolled-up days (whole months from ProviderMonth)."""
    if not split.uses_totals:
        return {}
    day_where = split.day_conditions(ProviderDay.day)
    parts = []
    months = split.months
    if months is not None:
        start, end = months
        skipped = sorted({month_start(d) for d in split.skip})
        parts.append(sa.select(ProviderMonth.provider_id, ProviderMonth.jobs, ProviderMonth.billed).where(
            ProviderMonth.month < end, *([ProviderMonth.month >= start] if start else []),
            *([ProviderMonth.month.not_in(skipped)] if skipped else [])))
        outside = [ProviderDay.day >= end, *([ProviderDay.day < start] if start else []),
                   *[sa.and_(ProviderDay.day >= m, ProviderDay.day < next_month(m)) for m in skipped]]
        day_where.append(sa.or_(*outside))
    parts.append(sa.select(ProviderDay.provider_id, ProviderDay.jobs, ProviderDay.billed).where(*day_where))
    union = sa.union_all(*parts).subquery()
    rows = session.execute(sa.select(union.c.provider_id, sa.func.sum(union.c.jobs), sa.func.sum(union.c.billed))
                           .group_by(union.c.provider_id)).all()
    return {int(p): (int(j), int(b)) for p, j, b in rows}


def exact_median(filters: Filters) -> bool:
    """True when the median time to assignment is computed exactly (short periods), else estimated."""
    if any(getattr(filters, name) is not None for name in _LIVE_ONLY):
        return True
    return filters.start is not None and filters.end is not None and filters.end - filters.start <= EXACT_MEDIAN_SPAN


def median_from_histogram(histogram: dict[str, int]) -> float | None:
    """Return the median in seconds, interpolated linearly inside its bucket (the open last bucket: its edge)."""
    counts = [histogram.get(f"wait_{low}m", 0) for low in WAIT_EDGES]
    total = sum(counts)
    if not total:
        return None
    seen = 0
    for i, count in enumerate(counts):
        if count and seen + count >= total / 2:
            if i == len(WAIT_EDGES) - 1:
                return WAIT_EDGES[i] * 60.0
            low, high = WAIT_EDGES[i] * 60.0, WAIT_EDGES[i + 1] * 60.0
            return low + (total / 2 - seen) / count * (high - low)
        seen += count
    return None
