"""Each customer turn keeps what the engine made of it: intent, language, understood, model use, question left open."""

import importlib

from sqlmodel import select

from core import clock
from core.config import settings
from core.conversations.turn_record import rebuild_turn_days
from core.db import session_scope
from core.llm.pricing import cost_microusd
from core.llm.records import CallRecord, record_call
from core.messaging.conversations import Message, TurnDay
from core.nlu.schema import Analysis
from tests.conversations.conftest import conversation_of, requests_of


def _turns(session_id: str) -> list[Message]:
    conversation = conversation_of(session_id)
    with session_scope() as session:
        return list(session.exec(select(Message).where(Message.conversation_id == conversation.id,
                                                       Message.direction == "in").order_by(Message.id)))


def test_a_turn_read_locally_keeps_its_intent_language_and_the_question_asked(say):
    say("r1", "good evening, my fridge no di cool again")
    [turn] = _turns("r1")
    asked = conversation_of("r1").state.get("last_question")
    assert asked == "location"  # the engine asks where, and the turn says so
    assert (turn.intent, turn.language, turn.understood, turn.model, turn.model_calls, turn.asked) == (
        "new_request", "en", True, "", 0, "location")


def test_a_turn_not_understood_is_flagged(say):
    say("r2", "zzz qwerty plof")
    say("r2", "mon robinet fuit à Makepe")
    first, second = _turns("r2")
    assert first.understood is False and first.intent == "other"
    assert second.understood is True and second.intent == "new_request"


def test_replies_from_the_bot_and_agents_are_no_turns(say):
    say("r3", "bonjour")
    conversation = conversation_of("r3")
    with session_scope() as session:
        others = list(session.exec(select(Message).where(Message.conversation_id == conversation.id,
                                                         Message.direction == "out")))
    assert others and all(m.intent is None and m.understood is None for m in others)


def test_a_turn_read_by_a_model_keeps_the_calls_and_their_cost(say, monkeypatch):
    monkeypatch.setattr(settings, "llm_mode", "hybrid")
    records = [CallRecord(provider="claude", model="claude-haiku-5-5", task="understand", ok=True, latency_ms=300,
                          input_tokens=1200, output_tokens=80),
               CallRecord(provider="gemini", model="a-model-without-price", task="understand", ok=False,
                          latency_ms=900)]

    def understand(text, *, local, context, conversation_id, session=None):
        for record in records:
            record_call(CallRecord(**{**record.__dict__, "conversation_id": conversation_id}), session)
        return Analysis(intent="new_request", service_type="plumbing", language="fr", confidence=0.9, source="claude")

    monkeypatch.setattr(importlib.import_module("core.llm.orchestrator"), "understand", understand)
    say("r4", "euh ben le truc là ça fait plic plic depuis hier")
    say("r4", "euh ben le truc là ça fait plic plic encore")
    first, second = _turns("r4")
    for turn in (first, second):  # the second turn counts its own calls only
        assert (turn.model, turn.model_calls, turn.model_unpriced) == ("claude", 2, 1)
        assert turn.model_cost_microusd == cost_microusd("claude-haiku-5-5", 1200, 80) > 0


def test_the_conversation_keeps_its_turns_the_question_left_open_and_its_first_request(say):
    say("r5", "bonsoir")
    say("r5", "mon robinet fuit")
    middle = conversation_of("r5")
    assert (middle.read_turns, middle.last_asked, middle.request_at) == (2, "location", None)
    say("r5", "je suis à Makepe")
    say("r5", "merci")
    conversation = conversation_of("r5")
    [request] = requests_of("r5")
    turns = _turns("r5")
    assert conversation.read_turns == len(turns) == 4
    assert conversation.first_turn_at == turns[0].created_at
    assert conversation.request_at == request.created_at
    assert conversation.turns_to_request == sum(1 for t in turns if t.created_at <= request.created_at) == 3
    assert conversation.last_asked == turns[-1].asked
    say("r5", "j'ai aussi une prise grillée au salon, toujours à Makepe")
    again = conversation_of("r5")
    assert len(requests_of("r5")) == 2 and (again.request_at, again.turns_to_request) == (request.created_at, 3)


def test_each_turn_adds_itself_to_its_days_totals(say, monkeypatch):
    for session_id, text in (("r6", "zzz qwerty plof"), ("r6", "mon robinet fuit à Makepe"), ("r7", "hello"),
                             ("r7", "my fridge is dead, Kotto"), ("r8", "mon robinet fuit à Bonapriso")):
        say(session_id, text)
    with session_scope() as session:
        turns = list(session.exec(select(Message).where(Message.intent.is_not(None))))
        kept = {(r.day, r.channel, r.intent, r.language): (r.turns, r.not_understood, r.with_model)
                for r in session.exec(select(TurnDay))}
    expected: dict = {}
    for m in turns:
        key = (clock.local(m.created_at).date(), m.channel, m.intent, m.language)
        n, misread, model = expected.get(key, (0, 0, 0))
        expected[key] = (n + 1, misread + (m.understood is False), model + (m.model_calls > 0))
    assert kept == expected and sum(n for n, _, _ in kept.values()) == 5
    with session_scope() as session:  # a recount from the stored turns gives the same totals
        rebuild_turn_days(session=session)
    with session_scope() as session:
        assert {(r.day, r.channel, r.intent, r.language): (r.turns, r.not_understood, r.with_model)
                for r in session.exec(select(TurnDay))} == expected
