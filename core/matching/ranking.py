"""The production ranking: the score of scoring.py computed in SQL, so only the best K rows leave the database.

With 100,000 providers a request has thousands of eligible ones, and even scoring them all in SQL costs about a
hundred milliseconds. So ranking first asks only for the providers whose score could reach a high level (an
upper bound read from the index (cell, quality), see bounds.py), and lowers the level until `limit` providers
truly reach it: nobody left out can beat them, so the answer is exact. Far away in a sparse city, it ranks
everyone as before. The parts of the K chosen are computed again in Python to be stored with the offers, and
tests check that this ranking and their plain-Python reference (tests/matching/reference.py) agree.
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from core.dbtypes import UTCDateTime
from core.matching.bounds import ProviderBound
from core.matching.candidates import Eligible, candidate_from, eligible, request_point
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

FIRST_GAP = 0.11  # the first search wants this much below a perfect score: nobody has every part full
LEVEL_STEP = 0.02  # how far the wanted score drops the first time too few providers reach it (then 1.5x more)


def best_candidates(*, session: Session, request: ServiceRequest, radius_km: float, now: datetime, limit: int,
                    search_started_at: datetime | None = None) -> list[tuple[Candidate, float, dict]]:
    """Return the `limit` best providers to offer the request to now, with score and parts, best first."""
    used = weights(session=session)
    dialect = session.get_bind().dialect.name

    def ranked(**narrowing) -> tuple[Eligible, sa.Select]:
        chosen = eligible(request=request, radius_km=radius_km, now=now, search_started_at=search_started_at,
                          **narrowing)
        parts = _sql_parts(chosen.columns, radius_km, now, dialect)
        score = sum((weight * parts[name] for name, weight in used.items()), sa.literal(0.0))
        return chosen, chosen.query.add_columns(score.label("score")).order_by(sa.desc("score"), Provider.id)

    bound = ProviderBound(request_point(request), radius_km, used)
    chosen, query = ranked(among=bound.condition, pinned=True)
    query = query.limit(limit)  # one statement for every level: SQLAlchemy prepares it once
    rows = _bounded(lambda level: list(session.execute(query, bound.params(level))), bound, limit)
    if rows is not None:
        if _anyone_unpinned(session):  # the best pinned providers are known exactly: add the others
            rows = sorted([*rows, *session.execute(ranked(pinned=False)[1].limit(limit))],
                          key=lambda row: (-row.score, row.id))[:limit]
    else:
        if dialect == "postgresql":  # compiling this large query costs more than running it; this transaction only
            session.execute(sa.text("SET LOCAL jit = off"))
        chosen, query = ranked()
        rows = list(session.execute(query.limit(limit)))
    found = []
    for row in rows:
        candidate = candidate_from(row, chosen.lat, chosen.lon)
        parts = score_parts(candidate, lat=chosen.lat, lon=chosen.lon, radius_km=radius_km, now=now)
        found.append((candidate, *explained(parts, used)))
    return found


def _bounded(best, bound: ProviderBound, limit: int) -> list | None:
    """Return best(level) once `limit` providers are known to reach its level, lowering it until they do.

    best(level) ranks only the providers whose bound reaches the level; when `limit` of them truly reach it,
    nobody left out can beat them, so the answer is the same as ranking everyone. None: rank everyone instead.
    """
    level, step = bound.highest - FIRST_GAP, LEVEL_STEP
    while limit > 0 and level > bound.zone_floor:  # lower, someone serving the quartier from afar may count
        rows = best(level)
        if len(rows) == limit:
            if rows[-1].score >= level:
                return rows
            if rows[-1].score > bound.zone_floor:  # `limit` providers reach this lower level: exact next time
                return best(rows[-1].score)
            return None
        level, step = level - step, step * 1.5
    return None


def _anyone_unpinned(session: Session) -> bool:
    """True when some provider has no map pin (rare: profiles get their quartier's centre)."""
    return session.execute(sa.select(Provider.id).where(Provider.cell.is_(None)).limit(1)).first() is not None


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
        "fairness": sa.case((Provider.last_offered_at.is_(None), 1.0),
                            (Provider.last_offered_at <= now - timedelta(hours=FAIRNESS_FULL_HOURS), 1.0),
                            (Provider.last_offered_at >= now, 0.0), else_=idle / full),
        "hours": sa.cast(columns["in_hours"], sa.Float),
    }


def _seconds_since(column, now: datetime, dialect: str) -> sa.ColumnElement:
    stamp = sa.literal(now, UTCDateTime())
    if dialect == "postgresql":
        return sa.extract("epoch", stamp - column)
    return (sa.func.julianday(stamp) - sa.func.julianday(column)) * 86400.0
