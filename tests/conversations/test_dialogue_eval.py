"""bench/dialogue_eval.py: chats through POST /api/chat, counted per file, the failed fields named."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_it_counts_the_chats_that_pass_and_names_the_fields_that_fail(tmp_path: Path) -> None:
    chats = [
        {"id": "ok", "turns": ["mon robinet fuit", "derrière la pharmacie", "Makepe"],
         "expect": {"service_type": "plumbing", "location": "Makepe", "urgency": "normal", "request_by_turn": 3,
                    "language": "fr", "landmark": "pharmacie"}},
        {"id": "wrong", "turns": ["my fridge no dey cool", "Kotto"],
         "expect": {"service_type": "plumbing", "location": "Kotto", "request_by_turn": 1, "language": "en"}},
    ]
    path = tmp_path / "chats.json"
    path.write_text(json.dumps(chats), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "dialogue_eval.py"), str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=True)
    out = done.stdout
    assert "1/2 chats passed" in out
    assert "service_type: 1 failed" in out and "wrong (expected 'plumbing', got 'appliance_repair')" in out
    assert "request_by_turn: 1 failed" in out and "wrong (expected 1, got 2)" in out
    assert "location:" not in out and "language:" not in out
