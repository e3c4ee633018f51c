"""The model budget of a conversation: few calls per customer message, and never a wait past the turn's deadline.

The official SDKs run against the fake model APIs (tests/fakes/llm_servers.py, which speaks the Messages, Chat
Completions and generateContent shapes of the anthropic, openai and google-genai clients). Deadlines are set small
through LLM_TURN_DEADLINE_SECONDS; the tests assert what was called and sent, never how long it took.
"""

import json
from pathlib import Path

import pytest
from sqlmodel import select

from core.channels.inbound import process_message, receive
from core.config import reload_settings
from core.db import session_scope
from core.llm import orchestrator as llm
from core.llm.models import LlmCall
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage
from tests.conversations.conftest import conversation_of
from tests.fakes.llm_servers import Reply, llm_servers, reading_model  # noqa: F401  (fixture)
from tests.llm.conftest import KEYS, timed_out

DIALOGUES = Path(__file__).parent / "dialogues"
UNSURE = "le machin là ne va pas, viens voir"  # the local reading is below the hybrid threshold


@pytest.fixture
def keyed(llm_servers):  # noqa: F811
    """Hybrid mode with the three providers on the fake; the turn deadline given to configure()."""

    def configure(deadline: float = 2.5) -> None:
        reload_settings(LLM_MODE="hybrid", ANTHROPIC_API_KEY=KEYS["claude"],
                        ANTHROPIC_BASE_URL=llm_servers.base_url("anthropic"), OPENAI_API_KEY=KEYS["openai"],
                        OPENAI_BASE_URL=llm_servers.base_url("openai"), GEMINI_API_KEY=KEYS["gemini"],
                        GEMINI_BASE_URL=llm_servers.base_url("gemini"), LLM_TURN_DEADLINE_SECONDS=deadline,
                        LLM_TIMEOUT_SECONDS=30)
        llm.reset()

    yield configure
    reload_settings()
    llm.reset()


def _calls() -> list[LlmCall]:
    with session_scope() as session:
        return list(session.exec(select(LlmCall).order_by(LlmCall.id)))


def test_hybrid_mode_makes_at_most_0_3_model_calls_per_customer_message(say, keyed, llm_servers):  # noqa: F811
    keyed()
    for api in ("anthropic", "openai", "gemini"):
        llm_servers.on(api, reading_model())
    messages = 0
    for number, path in enumerate(sorted(DIALOGUES.glob("*.json"))):
        for index, dialogue in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            client = f"198.51.{number}.{index}"  # one visitor per dialogue, as in life: no per-address limit is hit
            for text in dialogue["turns"]:
                assert say(f"budget-{dialogue['id']}", text, client=client).replies
                messages += 1
    calls = _calls()
    assert messages >= 60
    assert len(calls) / messages <= 0.3, f"{len(calls)} model calls for {messages} messages"
    assert len(llm_servers.requests) == len(calls)  # a healthy API: one request per call


def test_with_every_provider_hanging_the_local_answer_is_sent_and_the_breaker_counts(say, keyed,
                                                                                    llm_servers):  # noqa: F811
    keyed(deadline=0.3)
    for api in ("anthropic", "openai", "gemini"):
        llm_servers.on(api, Reply.hang(30))
    result = say("budget-hang", UNSURE)
    assert result.replies and not any(reply.startswith("{") for reply in result.replies)
    [call] = _calls()  # understanding took the whole deadline; the rewording asked nobody
    assert (call.provider, call.task, call.ok) == ("claude", "understand", False)
    assert timed_out(call.error)
    assert llm.default_orchestrator().breakers["claude"].failures == 1


def test_a_slow_model_answer_inside_the_deadline_is_used(say, keyed, llm_servers):  # noqa: F811
    keyed(deadline=5)
    llm_servers.on("anthropic", reading_model())
    say("budget-ok", "bonjour")
    say("budget-ok", UNSURE)
    assert [(c.task, c.ok) for c in _calls()][:1] == [("understand", True)]
    stored = conversation_of("budget-ok")
    with session_scope() as session:
        last = session.exec(select(Message).where(Message.conversation_id == stored.id, Message.direction == "in")
                            .order_by(Message.id.desc())).first()
    assert last.analysis["source"] == "claude"


def test_the_time_models_spent_on_a_photo_counts_against_the_turn(keyed, llm_servers, engine):  # noqa: F811
    """A message whose photo already used the whole deadline gets its answer without any further model call."""
    keyed(deadline=0.5)
    llm_servers.on("anthropic", reading_model())
    with session_scope() as session:
        message = receive(session=session, channel="simulator", external_id="+237699300420", body=UNSURE)
        message.media = [{"kind": "image", "state": "stored", "model_seconds": 0.5}]
        session.add(message)
        session.flush()
        message_id = message.id
    assert process_message(message_id)
    with session_scope() as session:
        replies = session.exec(select(OutboxMessage.body)).all()
    assert replies and _calls() == [] and llm_servers.requests == []
