"""One deadline for every model call of a turn: hangs, retries and fallbacks stop at it, and the breaker counts it.

The SDKs run against the fake APIs (tests/fakes/llm_servers.py: Messages, Chat Completions and generateContent as
the official anthropic, openai and google-genai clients send and read them). Deadlines are kept small through the
orchestrator's settings; no test measures wall-clock time: each asserts that the local result was used, which
calls were made, and what the breakers counted (the timings are in bench/llm_budget.py).
"""

import pytest

from core.config import reload_settings
from core.llm import orchestrator as llm
from core.llm.deadline import current_deadline, turn_deadline
from core.llm.orchestrator import Orchestrator
from tests.fakes.llm_servers import Reply
from tests.llm.conftest import ANSWER, KEYS, build, timed_out, unsure

HANG = 30.0  # far longer than any deadline here: only the deadline can end the wait
SLOW_CLIENT = 30.0  # the SDKs' own timeout, so that the deadline is what cuts


def _slow_clients(fake, *names, max_retries=0):
    return [build(fake, name, timeout=SLOW_CLIENT, max_retries=max_retries) for name in names]


def _hang_everywhere(fake) -> None:
    for api in ("anthropic", "openai", "gemini", "transcribe"):
        fake.on(api, Reply.hang(HANG))


def test_a_hanging_provider_is_cut_at_the_deadline_and_the_local_reading_kept(llm_servers, calls):
    _hang_everywhere(llm_servers)
    orchestrator = Orchestrator(_slow_clients(llm_servers, "claude", "openai", "gemini"), deadline_seconds=0.3,
                                recorder=lambda record, session: calls.append(record))
    local = unsure(description="local reading")
    assert orchestrator.understand("le machin là ne va pas", local=local) is local
    # The whole budget went to the first provider: nothing was left to wait on the others.
    assert [(c.provider, c.ok) for c in calls] == [("claude", False)]
    assert timed_out(calls[0].error)
    assert orchestrator.breakers["claude"].failures == 1
    assert not llm_servers.seen("openai") and not llm_servers.seen("gemini")


def test_deadline_cuts_count_toward_the_breaker_until_it_opens(llm_servers, calls):
    _hang_everywhere(llm_servers)
    orchestrator = Orchestrator(_slow_clients(llm_servers, "claude", "openai"), deadline_seconds=0.3,
                                recorder=lambda record, session: calls.append(record))
    for _ in range(3):
        assert orchestrator.understand("x", local=unsure()).source == "local"
    assert orchestrator.breakers["claude"].state == "open"
    assert orchestrator.understand("x", local=unsure()).source == "local"
    # The open breaker skipped Claude: OpenAI had the deadline (requests cut early may reach the fake late,
    # so the calls recorded, not the requests seen, tell who was asked).
    assert [c.provider for c in calls] == ["claude", "claude", "claude", "openai"]
    assert all(timed_out(c.error) for c in calls)


def test_understanding_and_rephrasing_share_the_turns_deadline(llm_servers, calls):
    _hang_everywhere(llm_servers)
    orchestrator = Orchestrator(_slow_clients(llm_servers, "claude", "openai"), deadline_seconds=5,
                                recorder=lambda record, session: calls.append(record))
    with turn_deadline(0.3):
        assert orchestrator.understand("x", local=unsure()).source == "local"
        draft = "Je n'ai pas bien compris 🙏"
        assert orchestrator.phrase_reply(draft, language="fr", facts={}) == draft
    assert len(calls) == 1  # the rephrasing found no time left and asked nobody
    assert not any("Message to rephrase" in request.body.decode() for request in llm_servers.requests)


def test_sdk_retries_stay_inside_the_deadline(llm_servers, calls):
    """A 500 is retried by the SDK (anthropic's own backoff); the retries end at the turn's deadline too."""
    llm_servers.on("anthropic", Reply.error(500))
    orchestrator = Orchestrator(_slow_clients(llm_servers, "claude", max_retries=8), deadline_seconds=1.0,
                                recorder=lambda record, session: calls.append(record))
    assert orchestrator.understand("x", local=unsure()).source == "local"
    [call] = calls
    assert call.error.startswith("DeadlineExceeded") and orchestrator.breakers["claude"].failures == 1
    assert len(llm_servers.seen("anthropic")) < 9  # cut before the SDK could finish its retries


def test_rate_limited_and_failing_providers_hand_over_within_the_deadline(llm_servers, calls):
    llm_servers.on("anthropic", Reply.error(429, retry_after="30"))
    llm_servers.on("openai", Reply.error(503))
    llm_servers.on("gemini", Reply.json(ANSWER))
    orchestrator = Orchestrator(_slow_clients(llm_servers, "claude", "openai", "gemini"), deadline_seconds=5,
                                recorder=lambda record, session: calls.append(record))
    assert orchestrator.understand("x", local=unsure()).source == "gemini"
    assert [(c.provider, c.ok) for c in calls] == [("claude", False), ("openai", False), ("openai", False),
                                                   ("gemini", True)]  # the 503 had its one retry, the 429 none
    assert all(orchestrator.breakers[name].failures == 1 for name in ("claude", "openai"))


def test_a_turn_keeps_the_sooner_of_two_deadlines():
    with turn_deadline(0.5) as outer:
        with turn_deadline(10) as inner:
            assert inner is outer and current_deadline() is outer
        with turn_deadline(0.1) as tighter:
            assert tighter is not outer and tighter.remaining() <= 0.1
        assert current_deadline() is outer
    assert current_deadline() is None


@pytest.fixture
def hanging_settings(llm_servers):
    """Settings with every provider's key pointing at a fake that hangs, and a small turn deadline."""
    _hang_everywhere(llm_servers)
    reload_settings(ANTHROPIC_API_KEY=KEYS["claude"], ANTHROPIC_BASE_URL=llm_servers.base_url("anthropic"),
                    OPENAI_API_KEY=KEYS["openai"], OPENAI_BASE_URL=llm_servers.base_url("openai"),
                    GEMINI_API_KEY=KEYS["gemini"], GEMINI_BASE_URL=llm_servers.base_url("gemini"),
                    LLM_TURN_DEADLINE_SECONDS=0.25, LLM_TIMEOUT_SECONDS=SLOW_CLIENT)
    llm.reset()
    yield
    reload_settings()
    llm.reset()


def test_the_deadline_is_a_setting(llm_servers, hanging_settings, engine):
    orchestrator = llm.default_orchestrator()
    assert orchestrator.deadline_seconds == 0.25
    local = unsure()
    assert llm.understand("x", local=local) is local
    assert llm.transcribe(b"OggS", "audio/ogg") is None  # a voice note outside a turn gets a deadline of its own
    assert orchestrator.breakers["claude"].failures == 1 and orchestrator.breakers["openai"].failures == 1
