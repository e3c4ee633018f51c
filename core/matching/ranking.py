"""The production ranking: the score of scoring.py computed in SQL, so only the best K rows leave the database.

With 100,000 providers a request has thousands of eligible ones; scoring them in Python costs hundreds of
milliseconds, in SQL a few. The parts of the K chosen are then computed again in Python to be stored with the
offers, and tests check that this ranking and scoring.rank() agree.
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from core.dbtypes import UTCDateTime
from core.matching.candidates import candidate_from, eligible
from core.matching.scoring import (
    ACCEPTANCE_PRIOR,
    FAIRNESS_FULL_HOURS,
    RESPONSE_HALF_SECONDS,
    RESPONSE_PRIOR,
    Candidate,
    explained,
    score_parts,
    weights,
)
from core.providers.models import Provider
from core.providers.service import RATING_PRIOR_MEAN, RATING_PRIOR_WEIGHT
from core.service_requests.models import ServiceRequest


def best_candidates(*, session: Session, request: ServiceRequest, radius_km: float, now: datetime, limit: int,
                    search_started_at: datetime | None = None) -> list[tuple[Candidate, float, dict]]:
    """Return the `limit` best providers to offer the request to now, with score and parts, best first."""
    chosen = eligible(request=request, radius_km=radius_km, now=now, search_started_at=search_started_at)
    used = weights(session=session)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":  # compiling this one query costs more than running it; for this transaction only
        session.execute(sa.text("SET LOCAL jit = off"))
    parts = _sql_parts(chosen.columns, radius_km, now, dialect)
    score = sum((weight * parts[name] for name, weight in used.items()), sa.literal(0.0))
    rows = session.execute(chosen.query.add_columns(score.label("score"))
                           .order_by(sa.desc("score"), Provider.id).limit(limit))
    best = []
    for row in rows:
        candidate = candidate_from(row, chosen.lat, chosen.lon)
        found = score_parts(candidate, lat=chosen.lat, lon=chosen.lon, radius_km=radius_km, now=now)
        best.append((candidate, *explained(found, used)))
    return best


def _sql_parts(columns: dict, radius_km: float, now: datetime, dialect: str) -> dict[str, sa.ColumnElement]:
    """Return each part of scoring.score_parts as an SQL expression (same formulas, same priors)."""
    km = sa.func.coalesce(columns["distance_km"], 0.0)
    p = {name: sa.cast(getattr(Provider, name), sa.Float) for name in (  # double precision, not numeric, in SQL
        "rating_sum", "rating_count", "offers_accepted", "offers_received", "response_seconds_total", "responses",
        "max_concurrent_jobs")}
    accepted, received = ACCEPTANCE_PRIOR
    prior_seconds, prior_weight = RESPONSE_PRIOR
    bayes = (RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + p["rating_sum"]) / (RATING_PRIOR_WEIGHT + p["rating_count"])
    mean_seconds = (p["response_seconds_total"] + prior_seconds * prior_weight) / (p["responses"] + prior_weight)
    full = FAIRNESS_FULL_HOURS * 3600.0
    idle = _seconds_since(Provider.last_offered_at, now, dialect)
    return {
        "distance": sa.case((km >= radius_km, 0.0), else_=1.0 - km / radius_km) if radius_km > 0 else sa.literal(0.0),
        "rating": (bayes - 1.0) / 4.0,
        "acceptance": (p["offers_accepted"] + accepted) / (p["offers_received"] + received),
        "response": RESPONSE_HALF_SECONDS / (RESPONSE_HALF_SECONDS + mean_seconds),
        "workload": sa.case((Provider.max_concurrent_jobs > 0,
                             1.0 - sa.cast(columns["active_jobs"], sa.Float) / p["max_concurrent_jobs"]), else_=0.0),
        "fairness": sa.case((Provider.last_offered_at.is_(None), 1.0),  # type: ignore[union-attr]
                            (Provider.last_offered_at <= now - timedelta(hours=FAIRNESS_FULL_HOURS), 1.0),
                            (Provider.last_offered_at >= now, 0.0), else_=idle / full),
        "hours": sa.cast(columns["in_hours"], sa.Float),
    }


def _seconds_since(column, now: datetime, dialect: str) -> sa.ColumnElement:
    stamp = sa.literal(now, UTCDateTime())
    if dialect == "postgresql":
        return sa.extract("epoch", stamp - column)
    return (sa.func.julianday(stamp) - sa.func.julianday(column)) * 86400.0
