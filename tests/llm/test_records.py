"""Every call leaves an LlmCall row with tokens, latency and cost; a recording problem never breaks a turn."""

import time
from datetime import date

from sqlmodel import Session, select

from core.config import Settings
from core.llm.models import LlmCall
from core.llm.orchestrator import Orchestrator
from core.llm.pricing import cost_microusd, price_of
from core.llm.records import CallRecord, record_call
from core.messaging.conversations import Conversation
from tests.fakes.llm_servers import Reply
from tests.llm.conftest import ANSWER, build, unsure


def _conversation(session: Session) -> Conversation:
    conversation = Conversation(channel="simulator", external_id="llm-records")
    session.add(conversation)
    session.commit()
    return conversation


def test_success_and_failure_are_recorded_with_tokens_latency_and_cost(llm_servers, session):
    conversation = _conversation(session)
    llm_servers.on("anthropic", Reply.answer("pas de JSON", input_tokens=700, output_tokens=20))
    llm_servers.on("openai", Reply.json(ANSWER, input_tokens=1_000, output_tokens=200))
    orchestrator = Orchestrator([build(llm_servers, "claude"), build(llm_servers, "openai")])
    orchestrator.understand("tuyau", local=unsure(), conversation_id=conversation.id)

    rows = session.exec(select(LlmCall).order_by(LlmCall.id)).all()
    assert [(r.provider, r.model, r.task, r.ok) for r in rows] == [
        ("claude", "claude-haiku-5-5", "understand", False), ("openai", "gpt-6-luna", "understand", True)]
    failed, answered = rows
    assert "RejectedAnswer" in failed.error and failed.input_tokens == 700  # tokens spent on a rejected answer
    assert (answered.input_tokens, answered.output_tokens) == (1_000, 200)
    assert answered.cost_microusd == 200  # gpt-6-luna: 0.10 $/M in, 0.50 $/M out
    assert failed.cost_microusd == cost_microusd("claude-haiku-5-5", 700, 20) == 80
    assert all(r.latency_ms >= 0 and r.conversation_id == conversation.id for r in rows)
    assert answered.error == ""


def test_inside_a_turn_the_row_joins_the_turns_transaction(llm_servers, session):
    conversation = _conversation(session)
    llm_servers.on("anthropic", Reply.json(ANSWER))
    orchestrator = Orchestrator([build(llm_servers, "claude")])
    with Session(session.get_bind()) as turn:
        # Like the engine: the turn holds the conversation's row lock (PostgreSQL) or the write lock (SQLite).
        turn.exec(select(Conversation).where(Conversation.id == conversation.id).with_for_update()).one()
        orchestrator.understand("tuyau", local=unsure(), conversation_id=conversation.id, session=turn)
        turn.commit()
    assert session.exec(select(LlmCall.provider)).all() == ["claude"]


def test_a_recording_failure_is_swallowed(llm_servers, engine):
    llm_servers.on("anthropic", Reply.json(ANSWER))

    def broken(record, session):
        raise RuntimeError("database is down")

    orchestrator = Orchestrator([build(llm_servers, "claude")], recorder=broken)
    assert orchestrator.understand("tuyau", local=unsure()).source == "claude"
    record_call(CallRecord("claude", "m", "understand", True, 5, conversation_id=999_999))  # bad foreign key
    with Session(engine) as s:
        assert s.exec(select(LlmCall)).all() == []


def test_every_default_model_has_a_price():
    defaults = Settings()
    for model in (defaults.anthropic_model, defaults.gemini_model, defaults.openai_model,
                  defaults.openai_transcribe_model):
        assert price_of(model) is not None, model


def test_prices_match_dated_snapshots_but_never_a_neighbour():
    assert cost_microusd("claude-haiku-4-5-20251001", 1_000_000, 0) == 1_000_000
    assert cost_microusd("claude-haiku-5-5", 10_000, 1_000) == 1_500
    assert cost_microusd("gemini-3.5-flash-lite", 10_000, 1_000) == 5_500
    assert cost_microusd("gemini-3.5-flash", 10_000, 1_000) == 24_000
    assert cost_microusd("gemini-3.5-flash-lite-preview", 10_000, 1_000) is None  # not 3.5 Flash-Lite's price
    assert cost_microusd("claude-sonnet-5-5", 1_000, 0) == 2_000
    assert cost_microusd("some-new-model", 10_000, 1_000) is None


def test_a_price_change_applies_from_its_day():
    assert cost_microusd("gemini-3.8-flash", 1_000_000, 0, on=date(2026, 12, 31)) == 750_000
    assert cost_microusd("gemini-3.8-flash", 1_000_000, 0, on=date(2027, 1, 1)) == 1_500_000


def test_transcription_billed_by_the_minute():
    assert cost_microusd("gpt-transcribe", 0, 0, audio_seconds=60) == 4_500  # 0.0045 $ a minute
    assert cost_microusd("gpt-transcribe", 0, 0, audio_seconds=8) == 600


def test_a_forgotten_session_inside_a_locked_turn_costs_a_record_not_the_turn(llm_servers, session):
    conversation = _conversation(session)
    llm_servers.on("anthropic", Reply.json(ANSWER))
    orchestrator = Orchestrator([build(llm_servers, "claude")])
    with Session(session.get_bind()) as turn:
        turn.exec(select(Conversation).where(Conversation.id == conversation.id).with_for_update()).one()
        started = time.perf_counter()
        assert orchestrator.understand("tuyau", local=unsure(), conversation_id=conversation.id).source == "claude"
        assert time.perf_counter() - started < 2  # not SQLite's 30 s busy timeout
        turn.commit()
    assert session.exec(select(LlmCall)).all() == []
