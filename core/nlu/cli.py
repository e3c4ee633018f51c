"""The `djobea analyze` command: JSON lines in, the same lines with the analysis added out."""

import json
from collections.abc import Callable
from typing import Any, TextIO

from core.nlu.engine import analyze
from core.nlu.schema import Analysis

ENGINES = ("local", "llm", "hybrid")
ADDED = ("intent", "service_type", "location", "urgency", "language", "confidence", "when")
Analyzer = Callable[[str], Analysis]


def analyze_command(engine: str, stdin: TextIO, stdout: TextIO, analyzer: Analyzer | None = None) -> int:
    """Analyse each {"text": ...} line of stdin and write it back with the analysis; 0 if every line was read.

    "local" always uses the local engine; "llm" and "hybrid" use `analyzer` when given (the LLM orchestrator),
    else the local engine. A line that is not a JSON object with a text gives an {"error": ...} line instead.
    """
    if engine not in ENGINES:
        stdout.write(json.dumps({"error": f"unknown engine {engine!r}, expected one of {', '.join(ENGINES)}"}) + "\n")
        return 2
    run: Analyzer = analyze if engine == "local" or analyzer is None else analyzer
    failures = 0
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        out, ok = _analyze_line(line, number, run)
        failures += not ok
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if failures else 0


def _analyze_line(line: str, number: int, run: Analyzer) -> tuple[dict[str, Any], bool]:
    """Return the output object of one input line and whether it could be analysed."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": f"invalid JSON: {exc.msg}", "line": number}, False
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        return {"error": 'expected an object with a "text" string', "line": number}, False
    try:
        result = run(row["text"])
    except Exception as exc:  # one bad message must not stop a batch
        return {"error": f"analysis failed: {type(exc).__name__}: {exc}", "line": number}, False
    values = result.model_dump(mode="json", include=set(ADDED))
    return {**row, **{key: values.get(key) for key in ADDED}}, True
