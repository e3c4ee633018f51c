"""The `djobea analyze` command body: JSON lines in and out, bad lines reported, never a crash."""

import io
import json

from core.nlu.cli import analyze_command
from core.nlu.schema import Analysis


def run(engine: str, text: str, **kwargs: object) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    code = analyze_command(engine, io.StringIO(text), out, **kwargs)  # type: ignore[arg-type]
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_adds_the_analysis_and_keeps_other_keys() -> None:
    code, rows = run("local", '{"text": "plombier demain à Akwa", "id": 7}\n')
    assert code == 0
    (row,) = rows
    assert row["id"] == 7 and row["text"] == "plombier demain à Akwa"
    assert (row["intent"], row["service_type"], row["location"], row["urgency"], row["language"]) == (
        "new_request", "plumbing", "Akwa", "scheduled", "fr",
    )
    assert isinstance(row["when"], str) and row["when"].endswith("Z")
    assert 0.0 <= row["confidence"] <= 1.0


def test_when_is_null_without_a_time() -> None:
    _, rows = run("local", '{"text": "bonjour"}\n')
    assert rows[0]["when"] is None


def test_bad_lines_give_error_lines_and_the_rest_goes_on() -> None:
    code, rows = run("local", 'not json\n{"foo": 1}\n[1, 2]\n\n{"text": "annule"}\n')
    assert code == 1
    assert [("error" in r) for r in rows] == [True, True, True, False]
    assert rows[0]["line"] == 1 and rows[3]["intent"] == "cancel"


def test_llm_and_hybrid_use_the_given_analyzer_else_local() -> None:
    def fake(text: str) -> Analysis:
        return Analysis(intent="info", confidence=0.9, source="fake")

    _, rows = run("hybrid", '{"text": "bonjour"}\n', analyzer=fake)
    assert rows[0]["intent"] == "info"
    _, rows = run("llm", '{"text": "bonjour"}\n')
    assert rows[0]["intent"] == "smalltalk"
    _, rows = run("local", '{"text": "bonjour"}\n', analyzer=fake)
    assert rows[0]["intent"] == "smalltalk"


def test_a_failing_analyzer_gives_an_error_line() -> None:
    def broken(text: str) -> Analysis:
        raise TimeoutError("no answer")

    code, rows = run("llm", '{"text": "bonjour"}\n{"text": "salut"}\n', analyzer=broken)
    assert code == 1
    assert all("TimeoutError" in r["error"] for r in rows)


def test_unknown_engine() -> None:
    code, rows = run("magic", '{"text": "bonjour"}\n')
    assert code == 2 and "error" in rows[0]
