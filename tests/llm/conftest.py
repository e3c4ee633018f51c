"""Fixtures for the LLM tests: the fake APIs, adapters pointed at them, and a recorder that keeps calls."""

from collections.abc import Callable

import pytest

from core.llm.claude import ClaudeProvider
from core.llm.gemini import GeminiProvider
from core.llm.gpt import OpenAIProvider
from core.llm.orchestrator import Orchestrator
from core.llm.provider import LLMProvider
from core.llm.records import CallRecord
from core.nlu.schema import Analysis
from tests.fakes.llm_servers import FakeLlmServers, llm_servers  # noqa: F401  (fixture)

TIMEOUT = 0.5
KEYS = {"claude": "sk-ant-test", "gemini": "gm-test", "openai": "sk-oai-test"}
MODELS = {"claude": "claude-haiku-5-5", "gemini": "gemini-3.5-flash-lite", "openai": "gpt-6-luna"}


def build(fake: FakeLlmServers, name: str, *, timeout: float = TIMEOUT, max_retries: int = 0) -> LLMProvider:
    """Return the adapter of one provider, pointed at the fake (no retries unless asked: tests stay fast)."""
    cls, api = {"claude": (ClaudeProvider, "anthropic"), "gemini": (GeminiProvider, "gemini"),
                "openai": (OpenAIProvider, "openai")}[name]
    return cls(api_key=KEYS[name], model=MODELS[name], base_url=fake.base_url(api), timeout=timeout,
               max_retries=max_retries)


@pytest.fixture
def calls() -> list[CallRecord]:
    """The calls an orchestrator built by `orchestrator_for` recorded, in order."""
    return []


@pytest.fixture
def orchestrator_for(llm_servers, calls) -> Callable[..., Orchestrator]:  # noqa: F811
    """Build an orchestrator over some providers on the fake, recording into `calls`."""

    def make(*names: str, mode: str = "hybrid", **options) -> Orchestrator:
        providers = [build(llm_servers, n) for n in names or ("claude", "gemini", "openai")]
        options.setdefault("recorder", lambda record, session: calls.append(record))
        return Orchestrator(providers, mode=mode, threshold=0.6, **options)

    return make


def unsure(**fields) -> Analysis:
    """A local analysis below the hybrid threshold."""
    return Analysis(**{"intent": "other", "confidence": 0.2, "language": "fr", **fields})


def sure(**fields) -> Analysis:
    """A local analysis above the hybrid threshold."""
    return Analysis(**{"intent": "new_request", "service_type": "plumbing", "location": "Makepe",
                       "confidence": 0.9, **fields})


ANSWER = {"intent": "new_request", "service_type": "plomberie", "location": "Makepe Missoke", "urgency": "urgent",
          "when": None, "language": "fr", "confidence": 0.86, "description": "tuyau cassé",
          "outside_area": None, "is_correction": False, "rating": None}


def timed_out(error: str) -> bool:
    """True for a call ended by the deadline: cut by the orchestrator, or by the SDK's own per-call timeout set to
    what the deadline left (whichever fires first)."""
    kind = error.split(":", 1)[0]
    return kind.startswith("DeadlineExceeded") or "Timeout" in kind
