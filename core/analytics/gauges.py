"""The fleet's numbers for /metrics, read from the database at each scrape (see core.fleet.metrics).

They read every domain's tables, so the collector sits here, above them; core.wiring adds it to the registry.
"""

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
    SummaryMetricFamily,
)
from prometheus_client.registry import Collector

from core import clock
from core.db import get_engine
from core.fleet import heartbeat, metrics
from core.llm.models import LlmCall
from core.logs import log
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Message
from core.messaging.models import InboundMessage, OutboxMessage, OutboxStatus
from core.payments.models import Payment

ACCEPTANCE_BUCKETS = (30, 60, 120, 300, 600, 1200, 1800, 3600)  # seconds from offer sent to "OUI"
_registered: list["FleetCollector"] = []  # this process's collector, once added


def _seconds_between(dialect: str, start: Any, end: Any) -> Any:
    if dialect == "postgresql":
        return sa.func.extract("epoch", end - start)
    return (sa.func.julianday(end) - sa.func.julianday(start)) * 86400.0


class FleetCollector(Collector):
    """Numbers read from the database at scrape time: the same for every process of the fleet."""

    def describe(self) -> list[Metric]:
        return []  # read at scrape time only: nothing is queried when the collector is registered

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("djobea_database_up", "1 when the database answered this scrape")
        try:
            families = list(self._read())
        except Exception:  # a scrape must answer even when the database does not
            log.exception("metrics: database not readable")
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _read(self) -> Iterator[Metric]:
        now = clock.now()
        with get_engine().connect() as conn:
            dialect = conn.dialect.name
            messages = GaugeMetricFamily("djobea_messages", "Messages by direction and status (database)",
                                         labels=["direction", "status"])
            for direction, status, count in conn.execute(
                    sa.select(Message.direction, Message.status, sa.func.count()).group_by(
                        Message.direction, Message.status)):
                messages.add_metric([direction, status], count)
            yield messages

            waiting = conn.execute(sa.select(sa.func.count()).select_from(InboundMessage).where(
                InboundMessage.message_id.is_(None))).scalar_one()
            yield GaugeMetricFamily("djobea_inbox_waiting", "Inbound messages stored but not yet attached (database)",
                                    value=waiting)

            outbox = GaugeMetricFamily("djobea_outbox_messages", "Outbox rows by status (database)",
                                       labels=["status"])
            for outbox_status, count in conn.execute(sa.select(OutboxMessage.status, sa.func.count()).group_by(
                    OutboxMessage.status)):
                outbox.add_metric([outbox_status], count)
            yield outbox
            backlog, oldest = conn.execute(sa.select(sa.func.count(), sa.func.min(OutboxMessage.created_at)).where(
                OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)))).one()
            yield GaugeMetricFamily("djobea_outbox_backlog", "Outbox rows waiting to be sent (database)",
                                    value=backlog)
            age = (now - clock.as_utc(oldest)).total_seconds() if oldest is not None else 0.0
            yield GaugeMetricFamily("djobea_outbox_oldest_age_seconds", "Age of the oldest unsent outbox row "
                                    "(0 when none waits; database)", value=max(age, 0.0))

            yield from self._offers(conn, dialect)

            payments = GaugeMetricFamily("djobea_payments", "Payments by status (database)", labels=["status"])
            for payment_status, count in conn.execute(sa.select(Payment.status, sa.func.count())
                                                      .group_by(Payment.status)):
                payments.add_metric([payment_status], count)
            yield payments

            yield from self._models(conn)
        yield GaugeMetricFamily("djobea_workers_live", "Workers with a heartbeat in the last 30 s, not stopping "
                                "(database)", value=heartbeat.live_workers())

    def _offers(self, conn: sa.Connection, dialect: str) -> Iterator[Metric]:
        by_status = dict(conn.execute(sa.select(Offer.status, sa.func.count()).group_by(Offer.status)).all())
        sent = CounterMetricFamily("djobea_offers_sent", "Offers sent to providers (database)")
        sent.add_metric([], sum(by_status.values()))
        yield sent
        offers = GaugeMetricFamily("djobea_offers", "Offers by status: pending, accepted, declined, expired, "
                                   "withdrawn (database)", labels=["status"])
        for status, count in sorted(by_status.items()):
            offers.add_metric([status], count)
        yield offers
        took = _seconds_between(dialect, Offer.created_at, Offer.responded_at)
        columns = [sa.func.count(), sa.func.coalesce(sa.func.sum(took), 0)]
        columns += [sa.func.count(sa.case((took <= bound, 1))) for bound in ACCEPTANCE_BUCKETS]
        row = conn.execute(sa.select(*columns).where(Offer.status == OfferStatus.ACCEPTED,
                                                     Offer.responded_at.is_not(None))).one()
        total, seconds, cumulative = row[0], float(row[1]), list(row[2:])
        histogram = HistogramMetricFamily("djobea_offer_acceptance_seconds",
                                          "Time from an offer sent to its acceptance (database)")
        histogram.add_metric([], [(str(float(b)), c) for b, c in zip(ACCEPTANCE_BUCKETS, cumulative, strict=True)]
                             + [("+Inf", total)], sum_value=seconds)
        yield histogram

    def _models(self, conn: sa.Connection) -> Iterator[Metric]:
        calls = CounterMetricFamily("djobea_model_calls", "Language model calls by provider and outcome (database)",
                                    labels=["provider", "outcome"])
        cost = CounterMetricFamily("djobea_model_cost_usd", "Cost of model calls in US dollars, for models with a "
                                   "known price (database)", labels=["provider"])
        totals: dict[str, list[float]] = {}
        for provider, ok, count, millis, micro in conn.execute(
                sa.select(LlmCall.provider, LlmCall.ok, sa.func.count(), sa.func.coalesce(sa.func.sum(
                    LlmCall.latency_ms), 0), sa.func.coalesce(sa.func.sum(LlmCall.cost_microusd), 0))
                .group_by(LlmCall.provider, LlmCall.ok)):
            calls.add_metric([provider, "ok" if ok else "error"], count)
            entry = totals.setdefault(provider, [0.0, 0.0, 0.0])
            entry[0] += count
            entry[1] += float(millis or 0) / 1000
            entry[2] += float(micro or 0) / 1_000_000
        latency = SummaryMetricFamily("djobea_model_latency_seconds", "Time of model calls by provider (database)",
                                      labels=["provider"])
        for provider, (calls_made, seconds, dollars) in sorted(totals.items()):
            latency.add_metric([provider], count_value=int(calls_made), sum_value=seconds)
            cost.add_metric([provider], dollars)
        yield from (calls, latency, cost)


def register() -> None:
    """Add the fleet's numbers to this process's /metrics; a second call changes nothing."""
    if not _registered:
        _registered.append(FleetCollector())
        metrics.registry.register(_registered[0])
