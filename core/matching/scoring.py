"""How candidates are ranked: weighted parts, each between 0 and 1, kept with the offer so admins see why."""

import math
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from core.providers.quality import (
    ACCEPTANCE_PRIOR,
    RATING_PRIOR_MEAN,
    RATING_PRIOR_WEIGHT,
    RESPONSE_HALF_SECONDS,
    RESPONSE_PRIOR,
)
from core.rules.models import BusinessRule

# Admins can override any of these with a BusinessRule "match_weights" holding a dict of the same keys.
DEFAULT_WEIGHTS: dict[str, float] = {
    "distance": 0.30,
    "rating": 0.25,
    "acceptance": 0.15,
    "response": 0.10,
    "workload": 0.10,
    "fairness": 0.07,
    "hours": 0.03,  # only differs for urgent requests, which may go to providers outside their hours
}
WEIGHTS_RULE = "match_weights"
FAIRNESS_FULL_HOURS = 24.0  # a provider not offered anything for a day gets the whole fairness part
_EARTH_KM = 6371.0088


@dataclass(slots=True)
class Candidate:
    """What ranking needs to know of one eligible provider."""

    id: int
    lat: float
    lon: float
    rating_sum: int
    rating_count: int
    offers_received: int
    offers_accepted: int
    responses: int
    response_seconds_total: int
    last_offered_at: datetime | None
    max_concurrent_jobs: int
    active_jobs: int
    in_hours: bool = True


def weights(*, session: Session) -> dict[str, float]:
    """Return the ranking weights: defaults, with an admin's overrides for known keys."""
    merged = dict(DEFAULT_WEIGHTS)
    stored = session.get(BusinessRule, WEIGHTS_RULE)
    if stored is not None and isinstance(stored.value, dict):
        for key, value in stored.value.items():
            if key in merged and isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                merged[key] = float(value)
    return merged


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres (inlined haversine: ranking runs it thousands of times)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(a))


def score_parts(c: Candidate, *, lat: float, lon: float, radius_km: float, now: datetime) -> dict[str, float]:
    """Return each part of the candidate's score (0-1) and the figures behind them."""
    km = distance_km(lat, lon, c.lat, c.lon)
    bayes = (RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + c.rating_sum) / (RATING_PRIOR_WEIGHT + c.rating_count)
    accepted, received = ACCEPTANCE_PRIOR
    prior_seconds, prior_weight = RESPONSE_PRIOR
    mean_seconds = (c.response_seconds_total + prior_seconds * prior_weight) / (c.responses + prior_weight)
    if c.last_offered_at is None:
        idle_hours = FAIRNESS_FULL_HOURS
    else:
        idle_hours = max(0.0, (now - c.last_offered_at).total_seconds() / 3600)
    return {
        "distance": max(0.0, 1 - km / radius_km) if radius_km > 0 else 0.0,
        "rating": (bayes - 1) / 4,
        "acceptance": (c.offers_accepted + accepted) / (c.offers_received + received),
        "response": RESPONSE_HALF_SECONDS / (RESPONSE_HALF_SECONDS + mean_seconds),
        "workload": max(0.0, 1 - c.active_jobs / c.max_concurrent_jobs) if c.max_concurrent_jobs > 0 else 0.0,
        "fairness": min(1.0, idle_hours / FAIRNESS_FULL_HOURS),
        "hours": 1.0 if c.in_hours else 0.0,
        "distance_km": round(km, 2),
        "bayesian_rating": round(bayes, 2),
        "mean_response_seconds": round(mean_seconds),
    }


def explained(parts: dict[str, float], weights: dict[str, float]) -> tuple[float, dict]:
    """Return the score and the parts as stored with an offer (rounded, with the weights used)."""
    rounded = {k: round(v, 4) if isinstance(v, float) else v for k, v in parts.items()}
    return round(sum(weight * parts[name] for name, weight in weights.items()), 4), {**rounded, "weights": weights}
