"""Train the learned NLU layer (core/nlu/model.json) on the training files; report leave-one-file-out accuracy.

Only the files bench/data/manifest.json marks "training" are read: evidence files never reach the model.

Usage:
  python bench/train_nlu.py            # train on the training files, write core/nlu/model.json
  python bench/train_nlu.py --check    # exit 1 unless training reproduces the committed file byte for byte
  python bench/train_nlu.py --cv       # leave-one-file-out: rules / model / combined per held-out file
  python bench/train_nlu.py --cv --grid  # also search the combination thresholds on the pooled held-out rows
"""

import argparse
import hashlib
import itertools
import json
import math
import multiprocessing
import random
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.nlu import blend, engine, model  # noqa: E402
from core.nlu.blend import POLICY, Policy, RulesReading, decide  # noqa: E402
from core.nlu.model import Classifier, Model, dumps  # noqa: E402

MANIFEST = ROOT / "bench" / "data" / "manifest.json"
MODEL_PATH = ROOT / "core" / "nlu" / "model.json"
EPOCHS, RATE, MIN_DF, SEED, SURE = 12, 0.6, 7, 20260325, 0.985


@dataclass(frozen=True)
class Row:
    """One labelled message with what the rules made of it and its features."""

    file: str
    label: dict[str, Any]
    feats: list[str]
    rules: RulesReading
    got: dict[str, Any]  # the rules-only analysis


def training_files() -> tuple[Path, ...]:
    """Return the files the manifest marks as training data, in manifest order (the only ones the model sees)."""
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]
    return tuple(MANIFEST.parent / e["file"] for e in entries if e["role"] == "training")


def load_rows(paths: tuple[Path, ...] | None = None) -> list[Row]:
    """Return every labelled message of the training files (or of the files given), read by the rules alone."""
    rows: list[Row] = []
    for full in paths if paths is not None else training_files():
        for label in engine_rows(full):
            with rules_only() as seen:
                got = engine.analyze(label["text"]).model_dump()
            rules, feats = seen[-1]
            rows.append(Row(full.name, label, feats, rules, got))
    return rows


def engine_rows(path: Path) -> list[dict[str, Any]]:
    """Return the labelled rows of one JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@contextmanager
def rules_only() -> Iterator[list[tuple[RulesReading, list[str]]]]:
    """Run the engine without the model, capturing the rules' reading and the message's features."""
    seen: list[tuple[RulesReading, list[str]]] = []
    original = engine.blend

    def capture(rules: RulesReading, feats: Callable[[], list[str]]) -> blend.Decision:
        seen.append((rules, feats()))
        return blend.Decision(rules.intent, rules.service, rules.confidence)

    engine.blend = capture
    try:
        yield seen
    finally:
        engine.blend = original


def train_classifier(docs: list[list[str]], labels: list[str]) -> Classifier:
    """Return a softmax classifier fitted by stochastic gradient descent (deterministic: fixed seed and order)."""
    names = tuple(sorted(set(labels)))
    k = len(names)
    df: dict[str, int] = {}
    for doc in docs:
        for f in doc:
            df[f] = df.get(f, 0) + 1
    kept = {f for f, n in df.items() if n >= MIN_DF}
    data = [([f for f in doc if f in kept], 1.0 / math.sqrt(len(doc)) if doc else 0.0, names.index(y))
            for doc, y in zip(docs, labels, strict=True)]
    weights: dict[str, list[float]] = {f: [0.0] * k for f in sorted(kept)}
    bias = [0.0] * k
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1.0 + 0.3 * epoch)
        for i in order:
            feats, scale, y = data[i]
            rows = [weights[f] for f in feats]
            scores = list(bias)
            for row in rows:
                for c in range(k):
                    scores[c] += row[c] * scale
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            if exps[y] / total >= SURE:  # already learned: skip (keeps training fast, acts as a margin)
                continue
            grads = [rate * (e / total - (c == y)) for c, e in enumerate(exps)]
            step = [g * scale for g in grads]
            for row in rows:
                for c in range(k):
                    row[c] -= step[c]
            for c in range(k):
                bias[c] -= grads[c]
    # Thousandths are all the file keeps; a feature whose weights round to zero is dropped.
    pruned = {f: row for f, row in weights.items() if any(abs(x) >= 0.0005 for x in row)}
    return Classifier(names, tuple(bias), pruned)


def train(rows: list[Row]) -> Model:
    """Return the model trained on the rows (the trade only on job requests that name one)."""
    intent = train_classifier([r.feats for r in rows], [r.label["intent"] for r in rows])
    jobs = [r for r in rows if r.label["intent"] == "new_request" and r.label.get("service_type")]
    service = train_classifier([r.feats for r in jobs], [r.label["service_type"] for r in jobs])
    # Round-trip through the stored form so that evaluation sees exactly what the file would hold.
    return Model.from_json(Model(intent, service).to_json())


def predictions(rows: list[Row], learned: Model) -> list[tuple[tuple[str, float], tuple[str, float]]]:
    """Return the model's best intent and best trade for each row."""
    return [(learned.intent.best(r.feats), learned.service.best(r.feats)) for r in rows]


def combined(row: Row, pred: tuple[tuple[str, float], tuple[str, float]], policy: Policy) -> dict[str, Any]:
    """Return the row's analysis fields with the rules and the model combined under the policy."""
    d = decide(row.rules, lambda: pred[0], lambda: pred[1], policy)
    return {**row.got, "intent": d.intent, "service_type": d.service if d.intent != "other" else None}


def model_only(row: Row, pred: tuple[tuple[str, float], tuple[str, float]]) -> dict[str, Any]:
    """Return the row's analysis fields with the model's intent and trade."""
    return {**row.got, "intent": pred[0][0], "service_type": pred[1][0] if pred[0][0] == "new_request" else None}


def scores(rows: list[Row], outputs: list[dict[str, Any]]) -> dict[str, float]:
    """Return intent and trade accuracy (trade scored on job requests, as bench/nlu_eval.py does)."""
    from bench.nlu_eval import norm

    right = {"intent": 0, "service_type": 0}
    total = {"intent": 0, "service_type": 0}
    for r, out in zip(rows, outputs, strict=True):
        for field in right:
            if field == "service_type" and r.label["intent"] != "new_request":
                continue
            total[field] += 1
            right[field] += norm(r.label.get(field)) == norm(out.get(field))
    return {f: right[f] / total[f] if total[f] else 1.0 for f in right}


_FOLD_ROWS: list[Row] = []  # the rows the fold workers read (inherited when they fork)


def _fold(name: str) -> list[Any]:
    """Return the predictions, for the rows of one file, of a model trained on the other files' rows."""
    held = [r for r in _FOLD_ROWS if r.file == name]
    learned = train([r for r in _FOLD_ROWS if r.file != name])
    print(f"  fold {name}: trained on {len(_FOLD_ROWS) - len(held)}", file=sys.stderr)
    return predictions(held, learned)


def cross_validate(rows: list[Row], jobs: int = 1) -> dict[str, list[tuple[Row, Any]]]:
    """Return, per held-out file, its rows with the predictions of a model trained on the other files."""
    _FOLD_ROWS[:] = rows
    names = list(dict.fromkeys(r.file for r in rows))
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        # Each fold trains on its own; the results do not depend on how many run at once.
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            preds = list(pool.map(_fold, names))
    else:
        preds = [_fold(name) for name in names]
    return {name: list(zip([r for r in rows if r.file == name], p, strict=True))
            for name, p in zip(names, preds, strict=True)}


def report(folds: dict[str, list[tuple[Row, Any]]], policy: Policy) -> float:
    """Print rules / model / combined accuracy per held-out file; return the mean combined intent+trade."""
    print(f"{'held-out file':<22} {'n':>4}  {'intent: rules  model  comb':>28}  {'service: rules  model  comb':>28}")
    means = []
    for name, pairs in folds.items():
        rows = [r for r, _ in pairs]
        by = {"rules": scores(rows, [r.got for r in rows]),
              "model": scores(rows, [model_only(r, p) for r, p in pairs]),
              "comb": scores(rows, [combined(r, p, policy) for r, p in pairs])}
        print(f"{name:<22} {len(rows):>4}  " + "".join(f"{by[k]['intent']:>7.1%}" for k in by) + "      "
              + "".join(f"{by[k]['service_type']:>7.1%}" for k in by))
        means.append((by["comb"]["intent"] + by["comb"]["service_type"]) / 2)
    return sum(means) / len(means)


def search(folds: dict[str, list[tuple[Row, Any]]]) -> Policy:
    """Return the policy with the best mean held-out accuracy over a small grid (ties: the more cautious)."""
    best: tuple[float, Policy] | None = None
    grid = itertools.product((0.4, 0.5, 0.6, 0.7, 0.8), (0.8, 0.9, 0.95, 1.01), (0.3, 0.5, 0.7),
                             (0.3, 0.4, 0.5, 0.7), (0.8, 0.9, 1.01), (0.3, 0.5))
    for other, over, weak, fill, s_over, s_weak in grid:
        policy = Policy(other, over, weak, fill, s_over, s_weak)
        total = 0.0
        for pairs in folds.values():
            rows = [r for r, _ in pairs]
            s = scores(rows, [combined(r, p, policy) for r, p in pairs])
            total += s["intent"] + s["service_type"]
        key = (round(total, 9), policy.adopt_other, policy.override, -policy.weak, policy.service_fill,
               policy.service_override, -policy.service_weak)
        if best is None or key > (round(best[0], 9), best[1].adopt_other, best[1].override, -best[1].weak,
                                  best[1].service_fill, best[1].service_override, -best[1].service_weak):
            best = (total, policy)
    assert best is not None
    return best[1]


def main(argv: list[str] | None = None) -> int:
    """Train, check or cross-validate, as asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed model file")
    parser.add_argument("--cv", action="store_true", help="leave-one-file-out report")
    parser.add_argument("--grid", action="store_true", help="with --cv: search the combination thresholds")
    parser.add_argument("--jobs", type=int, default=1, help="with --cv: folds trained at once")
    args = parser.parse_args(argv)
    rows = load_rows()
    print(f"{len(rows)} labelled messages from {len({r.file for r in rows})} training files", file=sys.stderr)
    if args.cv:
        folds = cross_validate(rows, jobs=args.jobs)
        print(f"combined with {POLICY}")
        report(folds, POLICY)
        if args.grid:
            chosen = search(folds)
            print(f"\nbest policy on the held-out files: {chosen}")
            report(folds, chosen)
        return 0
    text = dumps(train(rows))
    digest = hashlib.sha256(text.encode()).hexdigest()
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print(f"{'reproduced' if same else 'DIFFERS'}: sha256 {digest}")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(text) / 1e6:.2f} MB, sha256 {digest})")
    return 0


if __name__ == "__main__":
    model.load.cache_clear()
    raise SystemExit(main())
