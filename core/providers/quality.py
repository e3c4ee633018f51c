"""The figures the database keeps per provider for fast matching: a quality score and a map cell.

Both are generated columns (computed by the database from the counters and the pin), so every writer, even a
raw UPDATE, keeps them true. Matching walks the index (cell, quality) to skip providers who cannot make the top.
"""

RATING_PRIOR_MEAN = 4.0  # what we assume of a provider before customers have spoken
RATING_PRIOR_WEIGHT = 10  # how many ratings that assumption is worth
ACCEPTANCE_PRIOR = (1, 2)  # (accepted, received): a newcomer starts at one in two
RESPONSE_PRIOR = (300.0, 2)  # (seconds, weight): a newcomer is assumed to answer in five minutes
RESPONSE_HALF_SECONDS = 600.0  # a provider answering in ten minutes on average scores one half
# The default ranking weights of these three parts; a different admin weighting only makes the bound looser.
QUALITY_WEIGHTS = {"rating": 0.25, "acceptance": 0.15, "response": 0.10}
CELLS_PER_DEGREE = 100  # a cell is 0.01 degree square, about 1.1 km in Douala
CELL_ROW = 100_000  # cell = round(lat * 100) * CELL_ROW + round(lon * 100); |round(lon * 100)| <= 18,000


def _real(column: str) -> str:
    return f"CAST({column} AS DOUBLE PRECISION)"


def _quality_sql() -> str:
    accepted, received = ACCEPTANCE_PRIOR
    seconds, weight = RESPONSE_PRIOR
    bayes = (f"(({RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT!r} + {_real('rating_sum')})"
             f" / ({RATING_PRIOR_WEIGHT} + {_real('rating_count')}))")
    mean_seconds = f"(({_real('response_seconds_total')} + {seconds * weight!r}) / ({_real('responses')} + {weight}))"
    rating = f"({bayes} - 1) / 4"
    acceptance = f"({_real('offers_accepted')} + {accepted}) / ({_real('offers_received')} + {received})"
    response = f"{RESPONSE_HALF_SECONDS!r} / ({RESPONSE_HALF_SECONDS!r} + {mean_seconds})"
    w = QUALITY_WEIGHTS
    return f"{w['rating']!r} * ({rating}) + {w['acceptance']!r} * ({acceptance}) + {w['response']!r} * ({response})"


QUALITY_SQL = _quality_sql()
CELL_SQL = (f"CAST(ROUND(lat * {CELLS_PER_DEGREE}) AS INTEGER) * {CELL_ROW}"
            f" + CAST(ROUND(lon * {CELLS_PER_DEGREE}) AS INTEGER)")


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


def quality(**counters: int) -> float:
    """Return what the database stores as the provider's quality for these counters."""
    parts = quality_parts(**counters)
    return sum(weight * parts[name] for name, weight in QUALITY_WEIGHTS.items())


def cell_of(lat: float, lon: float) -> int:
    """Return the id of the map cell around this point (the database rounds the same way, ties aside)."""
    return round(lat * CELLS_PER_DEGREE) * CELL_ROW + round(lon * CELLS_PER_DEGREE)
