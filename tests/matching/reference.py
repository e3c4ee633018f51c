"""The reference ranking, in plain Python: core.matching.ranking does the same in SQL, and the tests compare them."""

from datetime import datetime

from core.matching.scoring import Candidate, explained, score_parts


def rank(candidates: list[Candidate], *, lat: float, lon: float, radius_km: float, now: datetime,
         weights: dict[str, float], limit: int) -> list[tuple[Candidate, float, dict]]:
    """Return the best `limit` candidates with their score and its parts, best first (ties: lower id)."""
    scored = []
    for c in candidates:
        parts = score_parts(c, lat=lat, lon=lon, radius_km=radius_km, now=now)
        scored.append((-sum(weight * parts[name] for name, weight in weights.items()), c.id, c, parts))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [(c, *explained(parts, weights)) for _, _, c, parts in scored[:limit]]
