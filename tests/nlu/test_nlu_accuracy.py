"""Accuracy targets on the labelled sets: a regression in the local engine fails here."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# bench/ is a folder of scripts, not a package: load the evaluator from its file.
_spec = importlib.util.spec_from_file_location("nlu_eval", ROOT / "bench" / "nlu_eval.py")
assert _spec and _spec.loader
nlu_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nlu_eval)
evaluate, load, percentile = nlu_eval.evaluate, nlu_eval.load, nlu_eval.percentile
HELDOUT = ROOT / "bench" / "data" / "nlu_heldout.jsonl"
TRAIN = ROOT / "bench" / "data" / "nlu_train.jsonl"
DEV = ROOT / "bench" / "data" / "nlu_shared_dev.jsonl"  # a copy of the shared dev set
BLIND5 = ROOT / "bench" / "data" / "nlu_blind5.jsonl"  # written blind, never tuned on
TARGETS = {"intent": 0.95, "service_type": 0.95, "location": 0.95, "urgency": 0.90, "language": 0.95}


def test_heldout_set_meets_the_targets() -> None:
    rows = load(HELDOUT)
    assert len(rows) >= 250
    accuracy = evaluate(rows)["accuracy"]
    missed = {field: round(accuracy[field], 3) for field, target in TARGETS.items() if accuracy[field] < target}
    assert not missed, f"below target on the held-out set: {missed}"


def test_training_set_stays_learned() -> None:
    rows = load(TRAIN)
    assert len(rows) >= 400
    accuracy = evaluate(rows)["accuracy"]
    assert all(accuracy[field] >= 0.97 for field in TARGETS), accuracy


def test_last_blind_set_meets_the_targets() -> None:
    accuracy = evaluate(load(BLIND5))["accuracy"]
    missed = {field: round(accuracy[field], 3) for field, target in TARGETS.items() if accuracy[field] < target}
    assert not missed, f"below target on the last blind set: {missed}"


def test_shared_dev_set() -> None:
    accuracy = evaluate(load(DEV))["accuracy"]
    assert all(accuracy[field] >= target for field, target in TARGETS.items()), accuracy


def test_local_engine_is_fast() -> None:
    result = evaluate(load(TRAIN))
    assert percentile(result["latencies"], 50) < 1.0  # milliseconds
