"""The dashboard's numbers: SQL aggregates (GROUP BY in the database), never rows loaded into Python."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.analytics.filters import (
    BUCKETS,
    STAGES,
    Filters,
    local_midnight,
    request_conditions,
    seconds_between,
    without,
)
from core.analytics.models import WAIT_EDGES
from core.analytics.rollups import wait_bucket_conditions
from core.analytics.totals import Rolled, Split, exact_median, median_from_histogram, plan, provider_jobs, rolled_up
from core.db import local_day
from core.payments.models import Payment, PaymentStatus
from core.providers.models import Provider, ProviderService, ProviderStatus, ProviderZone, Rating
from core.service_requests.models import ServiceRequest as R


@dataclass
class Kpis:
    """Headline numbers of the dashboard."""

    requests_today: int = 0
    requests_week: int = 0
    requests: int = 0
    offered: int = 0
    assigned: int = 0
    completed: int = 0
    paid: int = 0
    median_assign_seconds: float | None = None
    median_estimated: bool = False  # True: interpolated in the time-to-assignment histogram (long periods)
    revenue: int = 0
    commission: int = 0
    payments: int = 0
    rating_avg: float | None = None
    ratings: int = 0
    active_providers: int = 0


@dataclass(frozen=True)
class Leader:
    """A provider of the leaderboard: completed jobs, billed total (XAF) and mean rating (None: not rated)."""

    id: int
    name: str
    jobs: int
    billed: int
    rating: float | None


@dataclass
class Dashboard:
    """Everything one dashboard load shows."""

    kpis: Kpis
    by_day: list[tuple[str, str, int]] = field(default_factory=list)  # (local day, service, requests)
    assign_buckets: list[tuple[str, int]] = field(default_factory=list)
    by_quartier: list[tuple[str, int]] = field(default_factory=list)
    providers_by_quartier: list[tuple[str, int]] = field(default_factory=list)
    leaderboard: list[Leader] = field(default_factory=list)


def _sum_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def week_start(now: datetime) -> datetime:
    """Return the UTC instant of this Monday's midnight in Douala."""
    today = clock.local(now).date()
    return local_midnight(today - timedelta(days=today.weekday()))


ROLLED_NAMES = ["requests", *STAGES, "revenue", "commission", "payments", "rating_sum", "ratings",
                *[f"wait_{low}m" for low in WAIT_EDGES]]


def _rolled(session: Session, filters: Filters, split: Split | None, rolled: Rolled | None) -> tuple[Split, Rolled]:
    split = split or plan(session=session, filters=filters)
    return split, rolled or rolled_up(session=session, split=split, filters=filters, names=ROLLED_NAMES)


def _live_counts(session: Session, filters: Filters, split: Split, now: datetime) -> dict[str, int]:
    """The live requests: today, this week, and the live part's funnel and time-to-assignment buckets."""
    today, week = local_midnight(clock.local(now).date()), week_start(now)
    scope = request_conditions(session, Filters(service=filters.service, quartier=filters.quartier))
    recent = session.exec(select(_sum_if(R.created_at >= today), sa.func.count())
                          .where(*scope, R.created_at >= week)).one()
    # each row's time to assignment is computed once in the inner query (OFFSET 0 keeps it from being inlined)
    rows = (sa.select(R.offered_at, R.assigned_at, R.completed_at, R.paid_at,
                      seconds_between(session, R.assigned_at, R.created_at).label("seconds"))
            .where(split.live_condition(R.created_at), *request_conditions(session, _undated(filters)))
            .offset(0).subquery())
    columns = {"requests": sa.func.count(),
               **{stage: _sum_if(rows.c[f"{stage}_at"].is_not(None)) for stage in STAGES},
               **{name: _sum_if(sa.and_(rows.c.assigned_at.is_not(None), condition))
                  for name, condition in wait_bucket_conditions(rows.c.seconds)}}
    row = session.execute(sa.select(*columns.values())).one()
    return {"requests_today": int(recent[0]), "requests_week": int(recent[1]),
            **{name: int(value) for name, value in zip(columns, row, strict=True)}}


def kpis(*, session: Session, filters: Filters, now: datetime | None = None, split: Split | None = None,
         rolled: Rolled | None = None, live: dict[str, int] | None = None) -> Kpis:
    """Return the headline numbers for the filters (today and this week ignore the period)."""
    now = now or clock.now()
    split, rolled_part = _rolled(session, filters, split or plan(session=session, filters=filters, now=now), rolled)
    live = live or _live_counts(session, filters, split, now)
    scope = request_conditions(session, Filters(service=filters.service, quartier=filters.quartier))
    result = Kpis()
    for name in ("requests_today", "requests_week", "requests", *STAGES):
        setattr(result, name, live[name])
    money = (select(sa.func.coalesce(sa.func.sum(Payment.amount), 0),
                    sa.func.coalesce(sa.func.sum(Payment.commission), 0), sa.func.count(Payment.id))
             .where(Payment.status == PaymentStatus.SUCCESS, split.live_condition(Payment.paid_at)))
    stars = select(sa.func.coalesce(sa.func.sum(Rating.stars), 0), sa.func.count(Rating.id)).where(
        split.live_condition(Rating.created_at))
    if scope:  # join the requests only when a service or quartier narrows the view
        money = money.join(R, R.id == Payment.request_id).where(*scope)
        stars = stars.join(R, R.id == Rating.request_id).where(*scope)
    revenue, ratings = session.exec(money).one(), session.exec(stars).one()
    sums = rolled_part.sums
    result.requests += int(sums["requests"])
    for stage in STAGES:
        setattr(result, stage, getattr(result, stage) + int(sums[stage]))
    result.revenue = int(revenue[0]) + int(sums["revenue"])
    result.commission = int(revenue[1]) + int(sums["commission"])
    result.payments = int(revenue[2]) + int(sums["payments"])
    result.ratings = int(ratings[1]) + int(sums["ratings"])
    stars_total = int(ratings[0]) + int(sums["rating_sum"])
    result.rating_avg = stars_total / result.ratings if result.ratings else None
    result.active_providers = active_providers(session=session, filters=filters)
    return result


def _undated(filters: Filters) -> Filters:
    return without(filters, "start", "end")


def wait_histogram(*, session: Session, filters: Filters, split: Split | None = None, rolled: Rolled | None = None,
                   live: dict[str, int] | None = None) -> dict[str, int]:
    """Return the number of assigned requests in each fine time-to-assignment bucket (models.WAIT_EDGES)."""
    split, rolled_part = _rolled(session, filters, split, rolled)
    live = live or _live_counts(session, filters, split, clock.now())
    return {name: live[name] + int(rolled_part.sums[name]) for name in (f"wait_{low}m" for low in WAIT_EDGES)}


def median_assignment_seconds(*, session: Session, filters: Filters) -> float | None:
    """Return the median time from request to assignment, in seconds, over assigned requests in the filters."""
    seconds = seconds_between(session, R.assigned_at, R.created_at)
    where = [R.assigned_at.is_not(None), *request_conditions(session, filters)]
    if session.get_bind().dialect.name == "postgresql":
        value = session.exec(select(sa.func.percentile_cont(0.5).within_group(seconds)).where(*where)).one()
        return float(value) if value is not None else None
    count = session.exec(select(sa.func.count()).select_from(R).where(*where)).one()
    if not count:
        return None
    middle = session.exec(select(seconds).where(*where).order_by(seconds)
                          .offset((count - 1) // 2).limit(2 - count % 2)).all()
    return sum(float(v) for v in middle) / len(middle)


def active_providers(*, session: Session, filters: Filters) -> int:
    """Return the number of active providers (offering the service and serving the quartier, when filtered)."""
    query = select(sa.func.count()).select_from(Provider).where(Provider.status == ProviderStatus.ACTIVE)
    if filters.service:
        query = query.where(sa.exists().where(ProviderService.provider_id == Provider.id,
                                              ProviderService.service_code == filters.service))
    if filters.quartier:
        query = query.where(sa.exists().where(ProviderZone.provider_id == Provider.id,
                                              ProviderZone.quartier == filters.quartier))
    return int(session.exec(query).one())


def _live_groups(session: Session, filters: Filters, split: Split) -> list[tuple]:
    """(Douala day, service, quartier, requests) of the live part: one pass serves both charts."""
    day = local_day(session, R.created_at)
    return list(session.exec(select(day, R.service_type, R.quartier, sa.func.count())
                             .where(split.live_condition(R.created_at), *request_conditions(session, _undated(filters)))
                             .group_by(day, R.service_type, R.quartier)).all())


def requests_by_day(*, session: Session, filters: Filters, split: Split | None = None, rolled: Rolled | None = None,
                    groups: list[tuple] | None = None) -> list[tuple[str, str, int]]:
    """Return (Douala day, service, number of requests), oldest day first."""
    split, rolled_part = _rolled(session, filters, split, rolled)
    counts: dict[tuple[str, str], int] = {}
    live = groups if groups is not None else _live_groups(session, filters, split)
    for d, service, n in [*((d, s, n) for d, s, _, n in live), *rolled_part.by_day]:
        counts[(str(d), str(service))] = counts.get((str(d), str(service)), 0) + int(n)  # str(date): 'YYYY-MM-DD'
    return sorted((d, service, n) for (d, service), n in counts.items())


def assignment_buckets(*, histogram: dict[str, int]) -> list[tuple[str, int]]:
    """Return the number of assigned requests in each display bucket, every bucket listed."""
    return [(key, sum(n for name, n in histogram.items()
                      if int(name[5:-1]) >= low and (high is None or int(name[5:-1]) < high)))
            for key, low, high in BUCKETS]


def requests_by_quartier(*, session: Session, filters: Filters, split: Split | None = None,
                         rolled: Rolled | None = None, groups: list[tuple] | None = None) -> list[tuple[str, int]]:
    """Return (quartier, requests), most requests first."""
    split, rolled_part = _rolled(session, filters, split, rolled)
    counts: dict[str, int] = {}
    live = groups if groups is not None else _live_groups(session, filters, split)
    for quartier, n in [*((q, n) for _, _, q, n in live), *rolled_part.by_quartier]:
        counts[str(quartier)] = counts.get(str(quartier), 0) + int(n)
    return sorted(((q, n) for q, n in counts.items() if n), key=lambda item: (-item[1], item[0]))


def providers_by_quartier(*, session: Session, filters: Filters) -> list[tuple[str, int]]:
    """Return (quartier, active providers serving it)."""
    query = (select(ProviderZone.quartier, sa.func.count()).join(Provider, Provider.id == ProviderZone.provider_id)
             .where(Provider.status == ProviderStatus.ACTIVE))
    if filters.service:
        query = query.where(sa.exists().where(ProviderService.provider_id == Provider.id,
                                              ProviderService.service_code == filters.service))
    rows = session.exec(query.group_by(ProviderZone.quartier).order_by(ProviderZone.quartier)).all()
    return [(str(q), int(n)) for q, n in rows]


def leaderboard(*, session: Session, filters: Filters, limit: int = 10, split: Split | None = None) -> list[Leader]:
    """Return the providers with the most completed jobs in the filters: jobs, billed total and rating."""
    split = split or plan(session=session, filters=filters)
    if filters.service or filters.quartier:  # the provider totals are per day only: a narrowed view is read live
        split = Split(live=[(filters.start, filters.end)])
    done = R.completed_at.is_not(None), R.provider_id.is_not(None)
    jobs = provider_jobs(session=session, split=split)
    for pid, n, total in session.exec(
            select(R.provider_id, sa.func.count(R.id), sa.func.coalesce(sa.func.sum(R.final_price), 0))
            .where(*done, split.live_condition(R.created_at), *request_conditions(session, _undated(filters)))
            .group_by(R.provider_id)).all():
        if pid is None:  # excluded by the query
            continue
        old = jobs.get(pid, (0, 0))
        jobs[pid] = (old[0] + int(n), old[1] + int(total or 0))
    top = sorted(((pid, n, b) for pid, (n, b) in jobs.items() if n), key=lambda x: (-x[1], -x[2], x[0]))[:limit]
    providers = {pid: (name, rsum, rcount) for pid, name, rsum, rcount in session.exec(
        select(Provider.id, Provider.name, Provider.rating_sum, Provider.rating_count)
        .where(Provider.id.in_([t[0] for t in top])))}
    return [Leader(id=pid, name=providers[pid][0], jobs=n, billed=billed,
                   rating=providers[pid][1] / providers[pid][2] if providers[pid][2] else None)
            for pid, n, billed in top if pid in providers]


def dashboard(*, session: Session, filters: Filters, now: datetime | None = None) -> Dashboard:
    """Run every query of one dashboard load (whole past days from the daily totals, the rest live)."""
    split = plan(session=session, filters=filters, now=now)
    rolled = rolled_up(session=session, split=split, filters=filters, names=ROLLED_NAMES)
    live = _live_counts(session, filters, split, now or clock.now())
    groups = _live_groups(session, filters, split)
    histogram = wait_histogram(session=session, filters=filters, split=split, rolled=rolled, live=live)
    result = kpis(session=session, filters=filters, now=now, split=split, rolled=rolled, live=live)
    result.median_estimated = not exact_median(filters)
    result.median_assign_seconds = (median_from_histogram(histogram) if result.median_estimated
                                    else median_assignment_seconds(session=session, filters=filters))
    return Dashboard(
        kpis=result,
        by_day=requests_by_day(session=session, filters=filters, split=split, rolled=rolled, groups=groups),
        assign_buckets=assignment_buckets(histogram=histogram),
        by_quartier=requests_by_quartier(session=session, filters=filters, split=split, rolled=rolled, groups=groups),
        providers_by_quartier=providers_by_quartier(session=session, filters=filters),
        leaderboard=leaderboard(session=session, filters=filters, split=split),
    )
