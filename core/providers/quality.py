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
