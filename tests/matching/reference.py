"""Plain-Python references of what core does in SQL (ranking, quality, map cell), for the tests to compare with."""

from datetime import datetime

from core.matching.scoring import Candidate, explained, score_parts
from core.providers.quality import (
    ACCEPTANCE_PRIOR,
    CELL_ROW,
    CELLS_PER_DEGREE,
    QUALITY_WEIGHTS,
    RATING_PRIOR_MEAN,
    RATING_PRIOR_WEIGHT,
    RESPONSE_HALF_SECONDS,
    RESPONSE_PRIOR,
)


def rank(candidates: list[Candidate], *, lat: float, lon: float, radius_km: float, now: datetime,
         weights: dict[str, float], limit: int) -> list[tuple[Candidate, float, dict]]:
    """Return the best `limit` candidates with their score and its parts, best first (ties: lower id)."""
    scored = []
    for c in candidates:
        parts = score_parts(c, lat=lat, lon=lon, radius_km=radius_km, now=now)
        scored.append((-sum(weight * parts[name] for name, weight in weights.items()), c.id, c, parts))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(c, *explained(parts, weights)) for _, _, c, parts in scored[:limit]]


def cell_of(lat: float, lon: float) -> int:
    """Return the id of the map cell around this point, as CELL_SQL computes it (ties aside)."""
    return round(lat * CELLS_PER_DEGREE) * CELL_ROW + round(lon * CELLS_PER_DEGREE)


def quality(**counters: int) -> float:
    """Return what the database stores as the provider's quality for these counters (QUALITY_SQL)."""
    parts = quality_parts(**counters)
    return sum(weight * parts[name] for name, weight in QUALITY_WEIGHTS.items())


def quality_parts(*, rating_sum: int, rating_count: int, offers_accepted: int, offers_received: int,
                  response_seconds_total: int, responses: int) -> dict[str, float]:
    """Return the rating, acceptance and response parts (0-1) and the figures behind them, as ranking uses them."""
    bayes = (RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + rating_sum) / (RATING_PRIOR_WEIGHT + rating_count)
    accepted, received = ACCEPTANCE_PRIOR
    seconds, weight = RESPONSE_PRIOR
    mean_seconds = (response_seconds_total + seconds * weight) / (responses + weight)
    return {
        "rating": (bayes - 1) / 4,
        "acceptance": (offers_accepted + accepted) / (offers_received + received),
        "response": RESPONSE_HALF_SECONDS / (RESPONSE_HALF_SECONDS + mean_seconds),
        "bayesian_rating": bayes,
        "mean_response_seconds": mean_seconds,
    }
