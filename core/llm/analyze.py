"""The analysers behind `djobea analyze --engine local|llm|hybrid`."""

from collections.abc import Callable

from core.nlu.schema import Analysis


def analyzer_for(engine: str) -> Callable[[str], Analysis]:
    """Return text -> Analysis: "local" alone, "hybrid" asks a model below the threshold, "llm" asks it first."""
    from core import nlu  # the local engine; imported here so the CLI starts fast

    local_analyze: Callable[[str], Analysis] = nlu.analyze
    if engine == "local":
        return local_analyze
    if engine not in ("llm", "hybrid"):
        raise ValueError(f"unknown engine {engine!r}: expected local, llm or hybrid")
    from core.llm.orchestrator import default_orchestrator

    orchestrator = default_orchestrator()

    def analyze(text: str) -> Analysis:
        return orchestrator.understand(text, local=local_analyze(text), mode=engine)

    return analyze
