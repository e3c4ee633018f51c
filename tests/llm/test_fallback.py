"""Fallback along the chain, timeouts, rate limits, and the circuit breaker."""

from datetime import timedelta

from core import clock
from core.llm.breaker import CircuitBreaker
from core.llm.orchestrator import Orchestrator
from core.llm.records import CallRecord
from tests.fakes.llm_servers import Reply
from tests.llm.conftest import ANSWER, build, unsure


def no_record(record: CallRecord, session=None) -> None:
    """A recorder that stores nothing."""

def test_claude_answers_understanding_first(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    analysis = orchestrator_for().understand("slt mn tuyau a pété à makepe missoke", local=unsure())
    assert analysis.source == "claude"
    assert (analysis.intent, analysis.service_type, analysis.location) == ("new_request", "plumbing", "Makepe")
    assert analysis.urgency == "urgent" and analysis.confidence == 0.86
    assert not llm_servers.seen("openai") and not llm_servers.seen("gemini")


def test_timeout_falls_back_to_the_next_provider(llm_servers, orchestrator_for, calls):
    llm_servers.on("anthropic", Reply.hang(5))
    llm_servers.on("openai", Reply.json(ANSWER))
    analysis = orchestrator_for().understand("tuyau cassé", local=unsure())
    assert analysis.source == "openai"  # the client's 0.5 s timeout ended Claude's turn, not the 5 s hang
    assert [(c.provider, c.ok) for c in calls] == [("claude", False), ("openai", True)]
    assert "Timeout" in calls[0].error


def test_rate_limit_and_server_error_fall_back(llm_servers, orchestrator_for, calls):
    llm_servers.on("anthropic", Reply.error(429, retry_after="30"))
    llm_servers.on("openai", Reply.error(500))
    llm_servers.on("gemini", Reply.json(ANSWER))
    analysis = orchestrator_for().understand("tuyau cassé", local=unsure())
    assert analysis.source == "gemini"  # Retry-After: 30 was not waited for
    assert [c.provider for c in calls] == ["claude", "openai", "openai", "gemini"]  # the 500 got one retry
    assert "429" in calls[0].error and "500" in calls[1].error


def test_a_500_is_retried_once_inside_the_deadline_but_a_429_never(llm_servers, calls):
    """The SDKs' own retries are off (max_retries=0): the orchestrator retries, and only while time is left."""
    claude, openai = build(llm_servers, "claude"), build(llm_servers, "openai")
    record = lambda row, session: calls.append(row)  # noqa: E731
    llm_servers.on("anthropic", Reply.error(500), Reply.json(ANSWER))
    orchestrator = Orchestrator([claude], recorder=record)
    assert orchestrator.understand("x", local=unsure()).source == "claude"
    assert len(llm_servers.seen("anthropic")) == 2 and [c.ok for c in calls] == [False, True]
    assert orchestrator.breakers["claude"].failures == 0  # the provider answered in the end
    llm_servers.on("openai", Reply.error(429, retry_after="20"), Reply.json(ANSWER))
    assert Orchestrator([openai], recorder=no_record).understand("x", local=unsure()).source == "local"
    assert len(llm_servers.seen("openai")) == 1  # neither the SDK nor the orchestrator waited for Retry-After


def test_a_second_server_error_hands_over_to_the_next_provider(llm_servers, orchestrator_for, calls):
    llm_servers.on("anthropic", Reply.error(529))
    llm_servers.on("openai", Reply.json(ANSWER))
    orchestrator = orchestrator_for("claude", "openai")
    assert orchestrator.understand("x", local=unsure()).source == "openai"
    assert [(c.provider, c.ok) for c in calls] == [("claude", False), ("claude", False), ("openai", True)]
    assert orchestrator.breakers["claude"].failures == 1  # one failed call, however many attempts


def test_malformed_json_is_a_failure_and_the_next_provider_answers(llm_servers, orchestrator_for, calls):
    llm_servers.on("anthropic", Reply.answer('{"intent": "new_request", "confidence": '))
    llm_servers.on("openai", Reply.json({"intent": "teleport", "confidence": 0.9}))
    llm_servers.on("gemini", Reply.answer("Voilà :\n" + '{"intent": "cancel", "confidence": 0.8,}'))
    analysis = orchestrator_for().understand("annule", local=unsure())
    assert (analysis.source, analysis.intent) == ("gemini", "cancel")
    assert [c.error.split(":")[0] for c in calls] == ["RejectedAnswer", "RejectedAnswer", ""]


def test_all_down_returns_the_local_analysis(llm_servers, orchestrator_for, calls):
    for api in ("anthropic", "openai", "gemini"):
        llm_servers.on(api, Reply.error(401))
    local = unsure(description="local guess")
    assert orchestrator_for().understand("???", local=local) is local
    assert len(calls) == 3 and not any(c.ok for c in calls)


def test_no_provider_configured_returns_local():
    local = unsure()
    assert Orchestrator([], mode="llm").understand("x", local=local) is local


def test_breaker_opens_skips_and_recloses_after_cool_down(llm_servers, orchestrator_for):
    orchestrator = orchestrator_for("claude", "openai", failures_to_open=2, cool_down=timedelta(minutes=1))
    llm_servers.on("anthropic", Reply.error(500))
    llm_servers.on("openai", Reply.json(ANSWER))
    for _ in range(3):
        assert orchestrator.understand("x", local=unsure()).source == "openai"
    assert len(llm_servers.seen("anthropic")) == 4  # two turns of a call and its retry; the third skipped Claude
    assert orchestrator.breakers["claude"].state == "open"

    llm_servers.on("anthropic", Reply.json(ANSWER))
    clock.advance(timedelta(seconds=30))
    assert orchestrator.understand("x", local=unsure()).source == "openai"  # still cooling down
    clock.advance(timedelta(seconds=31))
    assert orchestrator.understand("x", local=unsure()).source == "claude"  # the half-open trial succeeded
    assert orchestrator.breakers["claude"].state == "closed"
    assert len(llm_servers.seen("anthropic")) == 5
    clock.reset()


def test_failed_half_open_trial_opens_again_at_once():
    breaker = CircuitBreaker(failures_to_open=3, cool_down=timedelta(seconds=10))
    for _ in range(3):
        breaker.record_failure()
    assert not breaker.allow()
    clock.advance(timedelta(seconds=11))
    assert breaker.allow() and not breaker.allow()  # one trial at a time
    breaker.record_failure()
    assert breaker.state == "open" and not breaker.allow()
    clock.advance(timedelta(seconds=11))
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state == "closed" and breaker.failures == 0
    clock.reset()


def test_vision_goes_to_gemini_first_and_reasoning_to_openai_first(llm_servers, orchestrator_for):
    orchestrator = orchestrator_for()
    llm_servers.on("gemini", Reply.json({"service_type": "plumbing", "severity": "high", "description": "fuite"}))
    llm_servers.on("openai", Reply.json({"answer": "Rembourser la moitié, le travail est inachevé."}))
    assert orchestrator.describe_image(b"jpeg", "image/jpeg")["service_type"] == "plumbing"
    assert orchestrator.reason("Le client refuse de payer", facts={"paid": 0}).startswith("Rembourser")
    assert [r.api for r in llm_servers.requests] == ["gemini", "openai"]
    assert orchestrator.chain("transcribe")[0].name == "openai"
    assert [p.name for p in orchestrator.chain("vision")] == ["gemini", "openai", "claude"]


def test_transcription_falls_back_to_gemini(llm_servers, orchestrator_for):
    llm_servers.on("transcribe", Reply.error(503))
    llm_servers.on("gemini", Reply.answer("Abeg una fit come fix my light for Bonaberi?"))
    text = orchestrator_for().transcribe(b"OggS", "audio/ogg")
    assert text == "Abeg una fit come fix my light for Bonaberi?"
    gemini_parts = llm_servers.seen("gemini")[0].json["contents"][0]["parts"]
    assert any("inlineData" in p for p in gemini_parts)
