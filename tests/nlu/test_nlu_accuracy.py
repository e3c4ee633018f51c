"""Accuracy targets on the sets the engine has not seen, and the manifest that says which sets those are."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"


def _script(name: str):  # bench/ is a folder of scripts, not a package: load each from its file
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


nlu_eval = _script("nlu_eval")
EVIDENCE = nlu_eval.files_with_role("evidence")


def test_the_manifest_gives_every_labelled_file_one_role() -> None:
    entries = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["files"]
    names = [e["file"] for e in entries]
    assert len(names) == len(set(names))
    assert set(names) == {p.name for p in DATA.glob("*.jsonl")}
    assert {e["role"] for e in entries} <= {"training", "evidence"}
    assert EVIDENCE, "at least one set must be evidence"


def test_the_trainer_reads_the_training_files_of_the_manifest_and_no_other(monkeypatch: pytest.MonkeyPatch) -> None:
    trainer = _script("train_nlu")
    training = nlu_eval.files_with_role("training")
    assert list(trainer.training_files()) == training
    assert not set(training) & set(EVIDENCE)
    opened: list[Path] = []
    monkeypatch.setattr(trainer, "engine_rows", lambda path: opened.append(Path(path)) or [])
    trainer.load_rows()
    assert opened == training


def test_the_evaluator_says_which_sets_the_engine_has_seen() -> None:
    assert nlu_eval.seen_label(DATA / "nlu_train.jsonl").startswith("SEEN")
    assert "evidence" in nlu_eval.seen_label(EVIDENCE[0])
    assert "unknown" in nlu_eval.seen_label(DATA / "not_listed.jsonl")


@pytest.mark.parametrize("path", EVIDENCE, ids=lambda p: p.name)
def test_every_evidence_set_meets_the_targets(path: Path) -> None:
    rows = nlu_eval.load(path)
    assert len(rows) >= 30
    accuracy = nlu_eval.evaluate(rows)["accuracy"]
    missed = {field: round(accuracy[field], 3) for field, target in nlu_eval.TARGETS.items()
              if accuracy[field] < target}
    assert not missed, f"below target on {path.name}: {missed}"


def test_training_rows_are_still_read_as_labelled() -> None:
    """A regression guard, not an accuracy figure: the engine was built on these rows."""
    rows = [row for path in nlu_eval.files_with_role("training") for row in nlu_eval.load(path)]
    accuracy = nlu_eval.evaluate(rows)["accuracy"]
    assert all(accuracy[field] >= 0.97 for field in nlu_eval.FIELDS), accuracy
