"""Failures the orchestrator and the call records swallow on purpose still reach the logs with their traceback."""

import json
from typing import Any

from core.llm.orchestrator import Orchestrator
from core.llm.provider import LLMProvider, Usage
from core.llm.records import CallRecord, record_call
from core.logs import _sink, log
from tests.llm.conftest import unsure


class BrokenAdapter(LLMProvider):
    """An adapter with a bug: the orchestrator must fall back, and say where the bug is."""

    name = "claude"
    model = "claude-haiku-5-5"

    def complete_json(self, system: str, user: str, schema: dict[str, Any], *,
                      timeout: float | None = None) -> tuple[dict[str, Any], Usage]:
        return _read_the_answer()


def _read_the_answer() -> tuple[dict[str, Any], Usage]:
    raise KeyError("content")


def _lines(capsys, event: str) -> list[dict]:
    """Return the JSON log lines of this event written on stderr, once each (main.py may have added the sink too)."""
    raw = [line for line in capsys.readouterr().err.splitlines() if line.startswith("{") and event in line]
    return [json.loads(line) for line in dict.fromkeys(raw)]


def test_a_provider_failure_is_logged_with_its_traceback(capsys):
    sink = log.add(_sink, level="WARNING")
    try:
        local = unsure()
        assert Orchestrator([BrokenAdapter()], recorder=lambda record, session: None).understand(
            "x", local=local) is local
    finally:
        log.remove(sink)
    [line] = _lines(capsys, "llm call failed")
    assert "KeyError" in line["error"]
    assert "_read_the_answer" in line["traceback"] and "Traceback" in line["traceback"]


def test_a_recording_failure_is_logged_with_its_traceback(engine, capsys):
    def broken(record, session):
        raise RuntimeError("database is down")

    sink = log.add(_sink, level="WARNING")
    try:
        orchestrator = Orchestrator([BrokenAdapter()], recorder=broken)
        orchestrator.understand("x", local=unsure())
        record_call(CallRecord("claude", "m", "understand", True, 5, conversation_id=999_999))  # bad foreign key
    finally:
        log.remove(sink)
    lines = _lines(capsys, "not recorded")
    assert len(lines) == 2
    assert "database is down" in lines[0]["traceback"]
    assert "IntegrityError" in lines[1]["traceback"] or "Error" in lines[1]["error"]
    assert all("Traceback" in line["traceback"] for line in lines)
