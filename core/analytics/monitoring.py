"""Operations health: outbox backlog and failures, delivery rates, webhook latency, LLM calls, scheduler runs."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock, scheduler
from core.fleet.models import JobRun
from core.llm.models import LlmCall
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage, OutboxStatus, WebhookHit


@dataclass(frozen=True)
class OutboxHealth:
    """The outbox at a glance: rows by status, the backlog and its oldest age, delivery and error counts."""

    by_status: dict[str, int]
    backlog: int
    oldest_backlog_seconds: float | None
    delivery: dict[str, int]  # Twilio's delivery statuses over the period ("unknown" when none came)
    errors: dict[str, int]  # failed rows by error code over the period ("?" without a code)
    failures: list[OutboxMessage]  # the latest failed rows


@dataclass(frozen=True)
class WebhookLatency:
    """One webhook route over the period: hits, server errors, median and 95th percentile latency in ms."""

    route: str
    hits: int
    errors: int
    p50: float | None
    p95: float | None


@dataclass(frozen=True)
class ModelUsage:
    """One model's calls over the period; cost_microusd is None when no call had a known price."""

    provider: str
    model: str
    calls: int
    errors: int
    latency_ms: float
    tokens: int
    cost_microusd: int | None
    unknown_cost: int  # calls of a model without a known price


@dataclass(frozen=True)
class ModelCallRate:
    """Model calls per customer message over the period (rate None without a message)."""

    calls: int
    messages: int
    rate: float | None
    days: float


@dataclass(frozen=True)
class ProcessRun:
    """The last run of a scheduled job in one process; stale when older than 3 periods."""

    process: str
    at: datetime
    ok: bool
    count: int | None
    error: str
    seconds: float
    stale: bool


@dataclass(frozen=True)
class JobHealth:
    """A scheduled job, its latest run in any process (at None: not run yet) and the last run of every process."""

    name: str
    target: str
    every: float
    at: datetime | None
    ok: bool | None
    count: int | None
    error: str
    late: bool
    processes: list[ProcessRun]


def percentile(*, session: Session, column: sa.SQLColumnExpression[Any], where: list, q: float) -> float | None:
    """Return the q-quantile (linear interpolation, like PostgreSQL's percentile_cont) of column over where."""
    if session.get_bind().dialect.name == "postgresql":
        value = session.exec(select(sa.func.percentile_cont(q).within_group(column)).where(*where)).one()
        return float(value) if value is not None else None
    count = int(session.execute(select(sa.func.count(column)).where(*where)).scalar_one())
    if not count:
        return None
    position = q * (count - 1)
    low = int(position)
    values = [float(v) for v in session.execute(sa.select(column).where(*where).order_by(column)
                                                .offset(low).limit(2)).scalars()]
    if len(values) == 1:
        return values[0]
    return values[0] + (values[1] - values[0]) * (position - low)


def outbox_health(*, session: Session, since: timedelta = timedelta(hours=24)) -> OutboxHealth:
    """Return outbox counts by status, the backlog's oldest age, delivery status counts and recent failures."""
    now = clock.now()
    by_status = dict(session.exec(select(OutboxMessage.status, sa.func.count())
                                  .group_by(OutboxMessage.status)).all())
    oldest: datetime | None = session.exec(select(sa.func.min(OutboxMessage.created_at)).where(
        OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)))).one()
    recent = OutboxMessage.created_at >= now - since
    delivery = dict(session.exec(select(OutboxMessage.delivery_status, sa.func.count()).where(recent)
                                 .group_by(OutboxMessage.delivery_status)).all())
    failures = list(session.exec(select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.FAILED)
                                 .order_by(OutboxMessage.id.desc()).limit(20)))
    errors = dict(session.exec(select(OutboxMessage.error_code, sa.func.count())
                               .where(OutboxMessage.status == OutboxStatus.FAILED, recent)
                               .group_by(OutboxMessage.error_code)).all())
    return OutboxHealth(
        by_status={str(k): int(v) for k, v in by_status.items()},
        backlog=int(by_status.get(OutboxStatus.PENDING, 0)) + int(by_status.get(OutboxStatus.SENDING, 0)),
        oldest_backlog_seconds=(now - clock.as_utc(oldest)).total_seconds() if oldest else None,
        delivery={(k or "unknown"): int(v) for k, v in delivery.items()},
        errors={(k or "?"): int(v) for k, v in errors.items()},
        failures=failures,
    )


def webhook_latency(*, session: Session, since: timedelta = timedelta(hours=24)) -> list[WebhookLatency]:
    """Return per route: hits, errors (5xx), p50 and p95 latency in ms, over the period."""
    start = clock.now() - since
    rows = session.exec(select(WebhookHit.route, sa.func.count(),
                               sa.func.sum(sa.case((WebhookHit.status_code >= 500, 1), else_=0)))
                        .where(WebhookHit.at >= start).group_by(WebhookHit.route).order_by(WebhookHit.route)).all()
    result = []
    for route, hits, errors in rows:
        where = [WebhookHit.at >= start, WebhookHit.route == route]
        result.append(WebhookLatency(
            route=route, hits=int(hits), errors=int(errors or 0),
            p50=percentile(session=session, column=WebhookHit.latency_ms, where=where, q=0.5),
            p95=percentile(session=session, column=WebhookHit.latency_ms, where=where, q=0.95)))
    return result


def llm_usage(*, session: Session, since: timedelta = timedelta(days=7)) -> list[ModelUsage]:
    """Return per provider and model: calls, errors, mean latency, tokens, known cost and calls of unknown cost.

    cost_microusd sums the calls whose price is known and is None when no call has one; unknown_cost counts the
    calls of a model without a known price, so a page says "cost unknown" instead of showing them as free.
    """
    unknown = sa.func.sum(sa.case((LlmCall.cost_microusd.is_(None), 1), else_=0))
    rows = session.execute(
        sa.select(LlmCall.provider, LlmCall.model, sa.func.count(),
                  sa.func.sum(sa.case((LlmCall.ok.is_(False), 1), else_=0)),
                  sa.func.avg(LlmCall.latency_ms), sa.func.sum(LlmCall.input_tokens + LlmCall.output_tokens),
                  sa.func.sum(LlmCall.cost_microusd), unknown)
        .where(LlmCall.created_at >= clock.now() - since).group_by(LlmCall.provider, LlmCall.model)
        .order_by(LlmCall.provider, LlmCall.model)).all()
    return [ModelUsage(provider=p, model=m, calls=int(n), errors=int(e or 0), latency_ms=float(lat or 0),
                       tokens=int(tok or 0), cost_microusd=None if cost is None else int(cost),
                       unknown_cost=int(unk or 0)) for p, m, n, e, lat, tok, cost, unk in rows]


def model_call_rate(*, session: Session, since: timedelta = timedelta(days=7)) -> ModelCallRate:
    """Return model calls, customer messages and calls per customer message over the period (rate None: no message)."""
    start = clock.now() - since
    calls = int(session.exec(select(sa.func.count()).select_from(LlmCall).where(LlmCall.created_at >= start)).one())
    messages = int(session.exec(select(sa.func.count()).select_from(Message).where(
        Message.direction == "in", Message.author == "customer", Message.created_at >= start)).one())
    return ModelCallRate(calls=calls, messages=messages, rate=calls / messages if messages else None,
                         days=since / timedelta(days=1))


def scheduler_health(*, session: Session) -> list[JobHealth]:
    """Return each scheduled job with the last run of every process (from JobRun).

    late: it ran before but not for 3 periods; a job that has not run yet (just started) is never late.
    """
    now = clock.now()
    runs: dict[str, list[JobRun]] = {}
    for run in session.exec(select(JobRun).order_by(JobRun.job, JobRun.started_at.desc())):
        runs.setdefault(run.job, []).append(run)
    jobs = []
    for name, function, seconds in scheduler.JOBS:
        target = scheduler.target(function)
        rows = runs.get(name, [])
        processes = [ProcessRun(process=r.process, at=r.started_at, ok=r.ok, count=r.count, error=r.error,
                                seconds=r.seconds, stale=(now - r.started_at).total_seconds() > 3 * seconds)
                     for r in rows]
        at = rows[0].started_at if rows else None
        jobs.append(JobHealth(name=name, target=target, every=seconds, at=at, ok=rows[0].ok if rows else None,
                              count=rows[0].count if rows else None, error=rows[0].error if rows else "",
                              late=at is not None and (now - at).total_seconds() > 3 * seconds, processes=processes))
    return jobs
