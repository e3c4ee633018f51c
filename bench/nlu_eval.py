"""Accuracy and latency of the local NLU engine on labelled JSONL files.

Usage: python bench/nlu_eval.py [FILE ...] [--engine local]
"""

import argparse
import json
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.nlu import Analysis, analyze

FIELDS = ("intent", "service_type", "location", "urgency", "language")
# Slots are only meaningful when the message asks for a job.
REQUEST_ONLY = {"service_type", "location", "urgency"}
DEFAULT_FILES = ("bench/data/nlu_heldout.jsonl",)


def norm(value: Any) -> str | None:
    """Return the value folded for comparison (NFKD, no accents, lowercase, alphanumerics only); None stays None."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(value))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


def load(path: str | Path) -> list[dict[str, Any]]:
    """Return the labelled rows of a JSONL file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict[str, Any]], engine: Callable[[str], Analysis] = analyze) -> dict[str, Any]:
    """Return per-field accuracy, the wrong pairs with examples, and latencies in milliseconds."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: dict[str, Counter[tuple[str | None, str | None]]] = {f: Counter() for f in FIELDS}
    examples: dict[tuple[str, str | None, str | None], str] = {}
    latencies: list[float] = []
    for row in rows:
        start = time.perf_counter()
        result = engine(row["text"])
        latencies.append((time.perf_counter() - start) * 1000)
        got = result.model_dump()
        for field in FIELDS:
            if field in REQUEST_ONLY and row["intent"] != "new_request":
                continue
            total[field] += 1
            expected, actual = norm(row.get(field)), norm(got.get(field))
            if expected == actual:
                right[field] += 1
            else:
                wrong[field][(expected, actual)] += 1
                examples.setdefault((field, expected, actual), row["text"])
    accuracy = {f: right[f] / total[f] if total[f] else 1.0 for f in FIELDS}
    return {"accuracy": accuracy, "total": dict(total), "wrong": wrong, "examples": examples,
            "latencies": latencies, "rows": len(rows)}


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of the values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def report(path: str, result: dict[str, Any], top: int = 6) -> None:
    """Print the accuracy table, the most frequent confusions and the latency of one file."""
    print(f"\n== {path}: {result['rows']} messages")
    for field in FIELDS:
        print(f"  {field:<13} {result['accuracy'][field]:7.1%}  (n={result['total'].get(field, 0)})")
    for field in FIELDS:
        pairs = result["wrong"][field].most_common(top)
        if not pairs:
            continue
        print(f"  -- {field} confusions (expected -> got):")
        for (expected, actual), count in pairs:
            example = result["examples"][(field, expected, actual)]
            print(f"     {count:3d}  {expected} -> {actual}   e.g. {example!r}")
    lat = result["latencies"]
    print(f"  latency ms: p50 {percentile(lat, 50):.3f}  p95 {percentile(lat, 95):.3f}  p99 {percentile(lat, 99):.3f}"
          f"  mean {statistics.fmean(lat) if lat else 0:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Evaluate each file given (default: the held-out set) and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=list(DEFAULT_FILES))
    parser.add_argument("--engine", default="local", choices=["local"])
    args = parser.parse_args(argv)
    # Build every lookup table (and the fuzzy matcher) once, outside the timings.
    analyze("bjr svp mon frigo est gate a bonamousadi demain a 15h, 5 etoiles")
    for path in args.files:
        report(path, evaluate(load(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
