"""Keep the daily totals (core.analytics.models) equal to the live tables: a full rebuild, and a sweep that
recomputes only the Douala days touched since its last run."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.analytics.filters import local_midnight, seconds_between
from core.analytics.models import WAIT_EDGES, DailyTotals, ProviderDay, ProviderMonth, RollupState
from core.db import local_day, rows_changed, session_scope, table_of
from core.payments.models import Payment, PaymentStatus
from core.providers.models import Rating
from core.service_requests.models import RequestStatus
from core.service_requests.models import ServiceRequest as R
from core.upsert import dialect_of, upsert

STATE = "dashboard"
# Rows are stamped by the writer's clock before its transaction commits: re-reading a few minutes back catches a
# transaction still open when the last sweep ran (recomputing a day twice is harmless).
OVERLAP = timedelta(minutes=5)
MEASURES = [c.name for c in table_of(DailyTotals).columns if c.name not in ("day", "service_type", "quartier")]


def rebuild_rollups(*, session: Session) -> int:
    """Recompute every day from the live tables (first run, or after bulk edits); return the rows written."""
    state = _locked_state(session)
    now, marks = clock.now(), _high_marks(session)
    session.execute(sa.delete(DailyTotals))
    session.execute(sa.delete(ProviderDay))
    session.execute(sa.delete(ProviderMonth))
    written = _insert_days(session, None)
    _insert_months(session, None)
    if session.get_bind().dialect.name == "postgresql":  # fresh statistics, so the first reads get good plans
        for table in ("dailytotals", "providerday", "providermonth"):
            session.execute(sa.text(f"ANALYZE {table}"))
    state.watermark, state.rebuilt_at, state.swept_at = now, now, now
    state.request_id, state.payment_id, state.rating_id = marks
    session.add(state)
    session.flush()
    return written


def refresh_rollups(*, session: Session) -> int:
    """Recompute the days touched since the last run (a rebuild the first time); return the days recomputed."""
    state = _locked_state(session)
    if state.watermark is None:
        rebuild_rollups(session=session)
        return -1
    now, marks = clock.now(), _high_marks(session)
    days = changed_days(session=session, state=state)
    if days:
        for chunk in _chunks(sorted(days), 200):
            session.execute(sa.delete(DailyTotals).where(DailyTotals.day.in_(chunk)))
            session.execute(sa.delete(ProviderDay).where(ProviderDay.day.in_(chunk)))
        _insert_days(session, days)
        months = sorted({month_start(d) for d in days})
        session.execute(sa.delete(ProviderMonth).where(ProviderMonth.month.in_(months)))
        _insert_months(session, months)
    state.watermark, state.swept_at = now, now
    state.request_id, state.payment_id, state.rating_id = marks
    session.add(state)
    session.flush()
    return len(days)


def sweep() -> int:
    """Scheduler job: bring the daily totals up to date in one transaction."""
    with session_scope() as session:
        return refresh_rollups(session=session)


def rollup_state(*, session: Session) -> RollupState | None:
    """Return the totals' state when they have been built, else None (then everything is read live)."""
    state = session.get(RollupState, STATE)
    return state if state is not None and state.watermark is not None else None


def changed_days(*, session: Session, state: RollupState) -> set[date]:
    """Return the Douala days whose totals may be stale: rows changed or added since the state's watermark."""
    since = state.watermark - OVERLAP
    request_changed = sa.or_(R.updated_at >= since, R.id > state.request_id)
    paid_day, rated_day = local_day(session, Payment.paid_at), local_day(session, Rating.created_at)
    queries = [
        select(local_day(session, R.created_at)).where(request_changed),
        select(paid_day).where(Payment.paid_at.is_not(None),
                               sa.or_(Payment.updated_at >= since, Payment.id > state.payment_id)),
        select(rated_day).where(sa.or_(Rating.created_at >= since, Rating.id > state.rating_id)),
        # a request moved to another service or quartier moves its payments' and ratings' totals too
        select(paid_day).join(R, R.id == Payment.request_id).where(Payment.paid_at.is_not(None), request_changed),
        select(rated_day).join(R, R.id == Rating.request_id).where(request_changed),
    ]
    rows = session.execute(sa.union(*queries)).scalars()
    return {value if isinstance(value, date) else date.fromisoformat(value) for value in rows if value is not None}


def day_ranges(days: Iterable[date]) -> list[tuple[datetime, datetime]]:
    """Return the UTC [start, end) spans covering these Douala days, neighbours merged."""
    spans: list[list[date]] = []
    for day in sorted(set(days)):
        if spans and spans[-1][1] == day:
            spans[-1][1] = day + timedelta(days=1)
        else:
            spans.append([day, day + timedelta(days=1)])
    return [(local_midnight(a), local_midnight(b)) for a, b in spans]


def in_spans(column: Any, spans: Sequence[tuple[date | None, date | None]]) -> Any:
    """SQL condition: column falls in one of the [start, end) spans (None: unbounded)."""
    parts = [sa.and_(sa.true(), *([column >= a] if a else []), *([column < b] if b else [])) for a, b in spans]
    return sa.or_(*parts) if parts else sa.false()


def wait_bucket_conditions(seconds: Any) -> list[tuple[str, Any]]:
    """Return (column name, condition) for each histogram bucket of time to assignment."""
    edges = [*WAIT_EDGES, None]
    # the first bucket is open below, like the display buckets (filters.BUCKETS), so both always agree
    return [(f"wait_{low}m", sa.and_(sa.true(), *([seconds >= low * 60] if low else []),
                                     *([seconds < high * 60] if high is not None else [])))
            for low, high in pairwise(edges)]


def month_start(day: date) -> date:
    """Return the first day of day's month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """Return the first day of the month after day's."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _insert_months(session: Session, months: list[date] | None) -> None:
    """Sum ProviderDay into ProviderMonth for these months (every month when None)."""
    if session.get_bind().dialect.name == "postgresql":
        month: sa.ColumnElement[Any] = sa.cast(sa.func.date_trunc("month", ProviderDay.day), sa.Date)
    else:
        month = sa.func.strftime("%Y-%m-01", ProviderDay.day)
    spans = [(m, next_month(m)) for m in months] if months is not None else [(None, None)]
    session.execute(sa.insert(table_of(ProviderMonth)).from_select(
        ["month", "provider_id", "jobs", "billed"],
        select(month, ProviderDay.provider_id, sa.func.sum(ProviderDay.jobs), sa.func.sum(ProviderDay.billed))
        .where(in_spans(ProviderDay.day, spans)).group_by(month, ProviderDay.provider_id)))


def _sum_if(condition: Any) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _locked_state(session: Session) -> RollupState:
    """Return the state row, locked for this transaction, so two processes never recompute at once."""
    table = table_of(RollupState)
    session.execute(upsert(dialect_of(session), table, {"name": STATE}, keys=["name"]))
    state = session.exec(select(RollupState).where(RollupState.name == STATE).with_for_update()
                         .execution_options(populate_existing=True)).one()
    return state


def _high_marks(session: Session) -> tuple[int, int, int]:
    row = session.execute(select(sa.select(sa.func.coalesce(sa.func.max(R.id), 0)).scalar_subquery(),
                                 sa.select(sa.func.coalesce(sa.func.max(Payment.id), 0)).scalar_subquery(),
                                 sa.select(sa.func.coalesce(sa.func.max(Rating.id), 0)).scalar_subquery())).one()
    return int(row[0]), int(row[1]), int(row[2])


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _insert_days(session: Session, days: set[date] | None) -> int:
    """Insert the totals of these days (every day when None) computed from the live tables."""
    spans = day_ranges(days) if days is not None else [(None, None)]
    zero = {name: sa.literal(0) for name in MEASURES}
    seconds = seconds_between(session, R.assigned_at, R.created_at)
    assigned = R.assigned_at.is_not(None)
    made = {"requests": sa.func.count(), "offered": _sum_if(R.offered_at.is_not(None)),
            "assigned": _sum_if(assigned), "completed": _sum_if(R.completed_at.is_not(None)),
            "paid": _sum_if(R.paid_at.is_not(None)),
            "cancelled": _sum_if(R.status == RequestStatus.CANCELLED),
            "expired": _sum_if(R.status == RequestStatus.EXPIRED),
            "assign_seconds": sa.func.coalesce(sa.func.sum(sa.case((assigned, seconds), else_=0.0)), 0.0),
            **{name: _sum_if(sa.and_(assigned, cond)) for name, cond in wait_bucket_conditions(seconds)}}
    created_day = local_day(session, R.created_at)
    parts = [select(created_day.label("day"), R.service_type, R.quartier,
                    *[{**zero, **made}[n].label(n) for n in MEASURES])
             .where(in_spans(R.created_at, spans)).group_by(created_day, R.service_type, R.quartier)]
    paid_day = local_day(session, Payment.paid_at)
    money = {"revenue": sa.func.sum(Payment.amount), "commission": sa.func.sum(Payment.commission),
             "payments": sa.func.count()}
    parts.append(select(paid_day.label("day"), R.service_type, R.quartier,
                        *[{**zero, **money}[n].label(n) for n in MEASURES])
                 .join(R, R.id == Payment.request_id)
                 .where(Payment.status == PaymentStatus.SUCCESS, Payment.paid_at.is_not(None),
                        in_spans(Payment.paid_at, spans))
                 .group_by(paid_day, R.service_type, R.quartier))
    rated_day = local_day(session, Rating.created_at)
    stars = {"rating_sum": sa.func.sum(Rating.stars), "ratings": sa.func.count()}
    parts.append(select(rated_day.label("day"), R.service_type, R.quartier,
                        *[{**zero, **stars}[n].label(n) for n in MEASURES])
                 .join(R, R.id == Rating.request_id).where(in_spans(Rating.created_at, spans))
                 .group_by(rated_day, R.service_type, R.quartier))
    union = sa.union_all(*parts).subquery()
    keys = [union.c.day, union.c.service_type, union.c.quartier]
    merged = select(*keys, *[sa.func.sum(union.c[n]).label(n) for n in MEASURES]).group_by(*keys)
    table = table_of(DailyTotals)
    written = rows_changed(session.execute(
        sa.insert(table).from_select(["day", "service_type", "quartier", *MEASURES], merged)))
    jobs = (select(created_day.label("day"), R.provider_id, sa.func.count(), sa.func.coalesce(
                sa.func.sum(R.final_price), 0))
            .where(R.completed_at.is_not(None), R.provider_id.is_not(None),
                   in_spans(R.created_at, spans))
            .group_by(created_day, R.provider_id))
    session.execute(sa.insert(table_of(ProviderDay)).from_select(
        ["day", "provider_id", "jobs", "billed"], jobs))
    return int(written or 0)
