"""The dashboard's numbers: SQL aggregates (GROUP BY in the database), never rows loaded into Python."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.analytics.filters import BUCKETS, Filters, local_day, local_midnight, request_conditions, seconds_between
from core.payments.models import Payment
from core.providers.models import Provider, ProviderService, ProviderZone, Rating
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
    revenue: int = 0
    commission: int = 0
    payments: int = 0
    rating_avg: float | None = None
    ratings: int = 0
    active_providers: int = 0


@dataclass
class Dashboard:
    """Everything one dashboard load shows."""

    kpis: Kpis
    by_day: list[tuple[str, str, int]] = field(default_factory=list)  # (local day, service, requests)
    assign_buckets: list[tuple[str, int]] = field(default_factory=list)
    by_quartier: list[tuple[str, int]] = field(default_factory=list)
    providers_by_quartier: list[tuple[str, int]] = field(default_factory=list)
    leaderboard: list[dict] = field(default_factory=list)


def _sum_if(condition: object) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)  # type: ignore[arg-type]


def week_start(now: datetime) -> datetime:
    """Return the UTC instant of this Monday's midnight in Douala."""
    today = clock.local(now).date()
    return local_midnight(today - timedelta(days=today.weekday()))


def kpis(*, session: Session, filters: Filters, now: datetime | None = None) -> Kpis:
    """Return the headline numbers for the filters (today and this week ignore the period)."""
    now = now or clock.now()
    today, week = local_midnight(clock.local(now).date()), week_start(now)
    scope = [c for c in request_conditions(session, Filters(service=filters.service, quartier=filters.quartier))]
    in_period = sa.and_(sa.true(), *request_conditions(session, filters))
    earliest = min(week, filters.start) if filters.start is not None else None
    query = select(
        _sum_if(R.created_at >= today), _sum_if(R.created_at >= week), _sum_if(in_period),
        _sum_if(sa.and_(in_period, R.offered_at.is_not(None))),  # type: ignore[union-attr]
        _sum_if(sa.and_(in_period, R.assigned_at.is_not(None))),  # type: ignore[union-attr]
        _sum_if(sa.and_(in_period, R.completed_at.is_not(None))),  # type: ignore[union-attr]
        _sum_if(sa.and_(in_period, R.paid_at.is_not(None))),  # type: ignore[union-attr]
    ).where(*scope)
    if earliest is not None:
        query = query.where(R.created_at >= earliest)
    row = session.exec(query).one()
    result = Kpis(*(int(v) for v in row))
    result.median_assign_seconds = median_assignment_seconds(session=session, filters=filters)
    money = (select(sa.func.coalesce(sa.func.sum(Payment.amount), 0),
                    sa.func.coalesce(sa.func.sum(Payment.commission), 0), sa.func.count(Payment.id))
             .where(Payment.status == "success", *_between(Payment.paid_at, filters)))
    stars = select(sa.func.avg(Rating.stars), sa.func.count(Rating.id)).where(*_between(Rating.created_at, filters))
    if scope:  # join the requests only when a service or quartier narrows the view
        money = money.join(R, R.id == Payment.request_id).where(*scope)
        stars = stars.join(R, R.id == Rating.request_id).where(*scope)
    revenue = session.exec(money).one()
    result.revenue, result.commission, result.payments = int(revenue[0]), int(revenue[1]), int(revenue[2])
    ratings = session.exec(stars).one()
    result.rating_avg = float(ratings[0]) if ratings[0] is not None else None
    result.ratings = int(ratings[1])
    result.active_providers = active_providers(session=session, filters=filters)
    return result


def _between(column: object, filters: Filters) -> list:
    where = []
    if filters.start is not None:
        where.append(column >= filters.start)  # type: ignore[operator]
    if filters.end is not None:
        where.append(column < filters.end)  # type: ignore[operator]
    return where


def median_assignment_seconds(*, session: Session, filters: Filters) -> float | None:
    """Return the median time from request to assignment, in seconds, over assigned requests in the filters."""
    seconds = seconds_between(session, R.assigned_at, R.created_at)
    where = [R.assigned_at.is_not(None), *request_conditions(session, filters)]  # type: ignore[union-attr]
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
    query = select(sa.func.count()).select_from(Provider).where(Provider.status == "active")
    if filters.service:
        query = query.where(sa.exists().where(ProviderService.provider_id == Provider.id,
                                              ProviderService.service_code == filters.service))
    if filters.quartier:
        query = query.where(sa.exists().where(ProviderZone.provider_id == Provider.id,
                                              ProviderZone.quartier == filters.quartier))
    return int(session.exec(query).one())


def requests_by_day(*, session: Session, filters: Filters) -> list[tuple[str, str, int]]:
    """Return (Douala day, service, number of requests), oldest day first."""
    day = local_day(session, R.created_at)
    rows = session.exec(select(day, R.service_type, sa.func.count()).where(*request_conditions(session, filters))
                        .group_by(day, R.service_type).order_by(day, R.service_type)).all()
    return [(str(d), str(s), int(n)) for d, s, n in rows]  # str(date) is 'YYYY-MM-DD' too


def assignment_buckets(*, session: Session, filters: Filters) -> list[tuple[str, int]]:
    """Return the number of assigned requests in each time-to-assignment bucket, every bucket listed."""
    seconds = seconds_between(session, R.assigned_at, R.created_at)
    cases = [(seconds < high * 60, key) for key, _, high in BUCKETS if high is not None]
    bucket = sa.case(*cases, else_=BUCKETS[-1][0])
    rows = dict(session.exec(select(bucket, sa.func.count())
                             .where(R.assigned_at.is_not(None), *request_conditions(session, filters))  # type: ignore
                             .group_by(bucket)).all())
    return [(key, int(rows.get(key, 0))) for key, _, _ in BUCKETS]


def requests_by_quartier(*, session: Session, filters: Filters) -> list[tuple[str, int]]:
    """Return (quartier, requests), most requests first."""
    count = sa.func.count()
    rows = session.exec(select(R.quartier, count).where(*request_conditions(session, filters))
                        .group_by(R.quartier).order_by(count.desc(), R.quartier)).all()
    return [(str(q), int(n)) for q, n in rows]


def providers_by_quartier(*, session: Session, filters: Filters) -> list[tuple[str, int]]:
    """Return (quartier, active providers serving it)."""
    query = (select(ProviderZone.quartier, sa.func.count()).join(Provider, Provider.id == ProviderZone.provider_id)
             .where(Provider.status == "active"))
    if filters.service:
        query = query.where(sa.exists().where(ProviderService.provider_id == Provider.id,
                                              ProviderService.service_code == filters.service))
    rows = session.exec(query.group_by(ProviderZone.quartier).order_by(ProviderZone.quartier)).all()
    return [(str(q), int(n)) for q, n in rows]


def leaderboard(*, session: Session, filters: Filters, limit: int = 10) -> list[dict]:
    """Return the providers with the most completed jobs in the filters: jobs, billed total and rating."""
    jobs = sa.func.count(R.id)
    billed = sa.func.coalesce(sa.func.sum(R.final_price), 0)
    rows = session.exec(
        select(Provider.id, Provider.name, jobs, billed, Provider.rating_sum, Provider.rating_count)
        .join(Provider, Provider.id == R.provider_id)
        .where(R.completed_at.is_not(None), *request_conditions(session, filters))  # type: ignore[union-attr]
        .group_by(Provider.id, Provider.name, Provider.rating_sum, Provider.rating_count)
        .order_by(jobs.desc(), billed.desc(), Provider.id).limit(limit)).all()
    return [{"id": pid, "name": name, "jobs": int(n), "billed": int(total),
             "rating": (rsum / rcount) if rcount else None} for pid, name, n, total, rsum, rcount in rows]


def dashboard(*, session: Session, filters: Filters, now: datetime | None = None) -> Dashboard:
    """Run every query of one dashboard load."""
    return Dashboard(
        kpis=kpis(session=session, filters=filters, now=now),
        by_day=requests_by_day(session=session, filters=filters),
        assign_buckets=assignment_buckets(session=session, filters=filters),
        by_quartier=requests_by_quartier(session=session, filters=filters),
        providers_by_quartier=providers_by_quartier(session=session, filters=filters),
        leaderboard=leaderboard(session=session, filters=filters),
    )
