"""Accuracy and latency of the local NLU engine on labelled JSONL files, each marked seen or unseen by the engine.

Usage: python bench/nlu_eval.py [FILE ...] [--no-lofo] [--jobs N] [--show-evidence-misses]

Without FILE, every file of bench/data/manifest.json. For each file it prints whether the engine has seen it
(training data) or not (evidence), its scores against the targets and, for training files, the leave-one-file-out
scores next to their own (the learned layer retrained without the file: the honest estimate there is). Latency is
printed as p50 / p95 / p99 per file and over all messages, plus the cost of one long message.
"""

import argparse
import json
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.nlu import Analysis, analyze  # noqa: E402

FIELDS = ("intent", "service_type", "location", "urgency", "language")
# Signals labelled only in some files: scored on the rows that carry them.
EXTRA_FIELDS = ("follow_up", "asks_price", "landmark")
# Slots are only meaningful when the message asks for a job.
REQUEST_ONLY = {"service_type", "location", "urgency"}
# The targets for every evidence set (issue 15): the accuracy tests gate on them.
TARGETS = {"intent": 0.95, "service_type": 0.95, "location": 0.95, "urgency": 0.92, "language": 0.98}
P95_TARGET_MS = 5.0
DATA = ROOT / "bench" / "data"
MANIFEST = DATA / "manifest.json"
LONG_MESSAGE = ("Bonjour la famille, mon voisin dit que le gardien a vu un souci vers la concession hier soir. " * 30)


def manifest() -> dict[str, dict[str, Any]]:
    """Return the manifest's entries by file name: role ("training" or "evidence"), seen_before, note."""
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["files"]}


def files_with_role(role: str) -> list[Path]:
    """Return the paths of the manifest's files that have this role, in manifest order."""
    return [DATA / name for name, entry in manifest().items() if entry["role"] == role]


def seen_label(path: str | Path) -> str:
    """Return, in words, whether the engine has seen the file (from the manifest)."""
    entry = manifest().get(Path(path).name)
    if entry is None:
        return "not in bench/data/manifest.json: unknown whether the engine has seen it"
    if entry["role"] == "training":
        return "SEEN: training data (its own score says little; see leave-one-file-out)"
    if entry.get("seen_before"):
        return "unseen now (evidence), but used to build the engine before: optimistic"
    return "UNSEEN: evidence"


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


def same(field: str, expected: Any, actual: Any) -> bool:
    """Return whether the engine's value matches the label (directions: one holds the other, case and accents aside)."""
    if field == "landmark" and expected is not None and actual is not None:
        e, a = norm(expected) or "", norm(actual) or ""
        return bool(e and a) and (e in a or a in e)
    if field == "asks_price":
        return bool(expected) == bool(actual)
    return norm(expected) == norm(actual)


def score(labels: Iterable[dict[str, Any]], outputs: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return per-field accuracy and totals, the wrong pairs and one example of each, for outputs against labels."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: dict[str, Counter[tuple[str | None, str | None]]] = {f: Counter() for f in (*FIELDS, *EXTRA_FIELDS)}
    examples: dict[tuple[str, str | None, str | None], str] = {}
    for row, got in zip(labels, outputs, strict=True):
        for field in (*FIELDS, *EXTRA_FIELDS):
            if field in EXTRA_FIELDS and field not in row:
                continue
            if field in REQUEST_ONLY and row["intent"] != "new_request":
                continue
            total[field] += 1
            if same(field, row.get(field), got.get(field)):
                right[field] += 1
            else:
                pair = (str(row.get(field)) if field == "asks_price" else norm(row.get(field)),
                        str(got.get(field)) if field == "asks_price" else norm(got.get(field)))
                wrong[field][pair] += 1
                examples.setdefault((field, *pair), row["text"])
    accuracy = {f: right[f] / total[f] for f in total}
    return {"accuracy": accuracy, "total": dict(total), "wrong": wrong, "examples": examples}


def evaluate(rows: list[dict[str, Any]], engine: Callable[[str], Analysis] = analyze) -> dict[str, Any]:
    """Return per-field accuracy, the wrong pairs with examples, and latencies in milliseconds."""
    latencies: list[float] = []
    outputs: list[dict[str, Any]] = []
    for row in rows:
        start = time.perf_counter()
        result = engine(row["text"])
        latencies.append((time.perf_counter() - start) * 1000)
        outputs.append(result.model_dump())
    return {**score(rows, outputs), "latencies": latencies, "rows": len(rows)}


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of the values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def latency_line(lat: list[float]) -> str:
    """Return p50 / p95 / p99 / mean of latencies in milliseconds, and whether p95 meets the target."""
    p95 = percentile(lat, 95)
    return (f"p50 {percentile(lat, 50):.3f}  p95 {p95:.3f}  p99 {percentile(lat, 99):.3f}"
            f"  mean {statistics.fmean(lat) if lat else 0:.3f}  (p95 target < {P95_TARGET_MS:g} ms:"
            f" {'met' if p95 < P95_TARGET_MS else 'NOT met'})")


def leave_one_file_out(jobs: int = 2) -> dict[str, dict[str, float]]:
    """Return, per training file, intent and trade accuracy with the learned layer trained on the other files."""
    from bench import train_nlu

    rows = train_nlu.load_rows()
    folds = train_nlu.cross_validate(rows, jobs=jobs)
    out: dict[str, dict[str, float]] = {}
    for name, pairs in folds.items():
        held = [r for r, _ in pairs]
        result = score([r.label for r in held], [train_nlu.combined(r, p, train_nlu.POLICY) for r, p in pairs])
        out[name] = {f: result["accuracy"][f] for f in ("intent", "service_type")}
    return out


def report(path: str | Path, result: dict[str, Any], *, lofo: dict[str, float] | None = None,
           show_misses: bool = True, top: int = 6) -> None:
    """Print whether the engine has seen the file, the accuracy table, the frequent confusions and the latency."""
    shown = Path(path).resolve().relative_to(ROOT) if Path(path).resolve().is_relative_to(ROOT) else path
    print(f"\n== {shown}: {result['rows']} messages -- {seen_label(path)}")
    header = "  field          own score" + ("   leave-one-file-out" if lofo else "") + "   target"
    print(header)
    for field in (*FIELDS, *EXTRA_FIELDS):
        if field not in result["total"]:
            continue
        own = result["accuracy"][field]
        target = TARGETS.get(field)
        mark = "" if target is None else (" ok" if own >= target else " BELOW")
        held = ""
        if lofo is not None:
            held = f"   {lofo[field]:7.1%}           " if field in lofo else "   (rules only: same) "
        goal = f"   {target:.0%}{mark}" if target is not None else ""
        print(f"  {field:<13} {own:7.1%} (n={result['total'][field]:>4}){held}{goal}")
    if show_misses:
        for field in (*FIELDS, *EXTRA_FIELDS):
            pairs = result["wrong"][field].most_common(top)
            if not pairs:
                continue
            print(f"  -- {field} confusions (expected -> got):")
            for (expected, actual), count in pairs:
                example = result["examples"][(field, expected, actual)]
                print(f"     {count:3d}  {expected} -> {actual}   e.g. {example!r}")
    else:
        print("  (misses of an evidence set are not printed: reading them would make it training data;"
              " --show-evidence-misses prints them)")
    print(f"  latency ms: {latency_line(result['latencies'])}")


def main(argv: list[str] | None = None) -> int:
    """Evaluate each file given (default: every file of the manifest) and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--no-lofo", action="store_true", help="skip the leave-one-file-out retraining (minutes)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the leave-one-file-out folds")
    parser.add_argument("--show-evidence-misses", action="store_true",
                        help="print the misses of evidence sets too (then they are no longer unseen)")
    args = parser.parse_args(argv)
    entries = manifest()
    files = [Path(f) for f in args.files] or [DATA / name for name in entries]
    # Build every lookup table (and the fuzzy matcher) once, outside the timings.
    analyze("bjr svp mon frigo est gate a bonamousadi demain a 15h, 5 etoiles")
    lofo: dict[str, dict[str, float]] = {}
    if not args.no_lofo and any(entries.get(f.name, {}).get("role") == "training" for f in files):
        print("leave-one-file-out: retraining the learned layer once per training file ...", file=sys.stderr)
        lofo = leave_one_file_out(args.jobs)
    every: list[float] = []
    for path in files:
        result = evaluate(load(path))
        every += result["latencies"]
        evidence = entries.get(path.name, {}).get("role") == "evidence"
        report(path, result, lofo=lofo.get(path.name), show_misses=args.show_evidence_misses or not evidence)
    print(f"\nall {len(every)} messages, latency ms: {latency_line(every)}")
    # On a shared machine a message can wait for the CPU: the best of three runs is its own cost.
    texts = [row["text"] for path in files for row in load(path)]
    best = [min(_elapsed_ms(text) for _ in range(3)) for text in texts]
    print(f"same messages, best of 3 runs each (scheduler noise removed), latency ms: {latency_line(best)}")
    long = [_elapsed_ms(LONG_MESSAGE) for _ in range(5)]
    print(f"one long message ({len(LONG_MESSAGE.split())} words), best of 5: {min(long):.2f} ms")
    return 0


def _elapsed_ms(text: str) -> float:
    start = time.perf_counter()
    analyze(text)
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    raise SystemExit(main())
