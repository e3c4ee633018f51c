"""When the LLM is asked at all: LLM_MODE, the hybrid threshold, and the module API built from settings."""

import pytest

from core import nlu
from core.config import reload_settings
from core.llm import orchestrator as llm
from core.llm.analyze import analyzer_for
from core.nlu.schema import Analysis
from tests.fakes.llm_servers import Reply
from tests.llm.conftest import ANSWER, KEYS, sure, unsure


def test_hybrid_never_calls_a_model_when_local_is_confident(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    local = sure()
    assert orchestrator_for(mode="hybrid").understand("fuite d'eau à Makepe", local=local) is local
    assert llm_servers.requests == []


def test_hybrid_asks_a_model_below_the_threshold(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    assert orchestrator_for(mode="hybrid").understand("tuyo pété", local=unsure()).source == "claude"
    assert len(llm_servers.seen("anthropic")) == 1


def test_local_mode_never_calls_anything(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    orchestrator = orchestrator_for(mode="local")
    local = unsure()
    assert orchestrator.understand("x", local=local) is local
    assert orchestrator.phrase_reply("Bonjour DJB-7K3Q", language="fr", facts={}) == "Bonjour DJB-7K3Q"
    assert orchestrator.describe_image(b"jpeg", "image/jpeg") is None
    assert orchestrator.transcribe(b"OggS", "audio/ogg") is None
    assert orchestrator.reason("?", facts={}) is None
    assert llm_servers.requests == []


def test_llm_mode_asks_first_even_when_local_is_confident(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json({**ANSWER, "intent": "complaint", "service_type": None}))
    analysis = orchestrator_for(mode="llm").understand("le plombier a mal travaillé", local=sure())
    assert (analysis.source, analysis.intent) == ("claude", "complaint")


def test_context_and_douala_time_reach_the_prompt(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    orchestrator_for().understand("c'est à Kotto pas Makepe", local=unsure(),
                                  context={"service_type": "plumbing", "location": "Makepe"})
    sent = llm_servers.seen("anthropic")[0].json
    assert "Now in Douala:" in sent["system"] and "plumbing (Plomberie / Plumbing)" in sent["system"]
    assert "Bonamoussadi" in sent["system"] and "abeg" in sent["system"]
    assert '"location": "Makepe"' in sent["messages"][0]["content"]
    assert "c'est à Kotto pas Makepe" in sent["messages"][0]["content"]


@pytest.fixture
def keyed_settings(llm_servers):
    """Settings with Claude and OpenAI keys pointing at the fake; restored afterwards."""

    def configure(**extra: object) -> None:
        reload_settings(ANTHROPIC_API_KEY=KEYS["claude"], ANTHROPIC_BASE_URL=llm_servers.base_url("anthropic"),
                        ANTHROPIC_MODEL="claude-haiku-4-5", OPENAI_API_KEY=KEYS["openai"],
                        OPENAI_BASE_URL=llm_servers.base_url("openai"), LLM_TIMEOUT_SECONDS=0.5, **extra)
        llm.reset()

    yield configure
    reload_settings()
    llm.reset()


def test_module_api_builds_from_settings(llm_servers, keyed_settings, engine):
    keyed_settings()
    llm_servers.on("anthropic", Reply.json(ANSWER))
    assert [p.name for p in llm.default_orchestrator().chain("understand")] == ["claude", "openai"]
    assert llm.understand("tuyau", local=unsure()).source == "claude"  # no LLM_MODE + a key = hybrid
    assert llm_servers.seen("anthropic")[0].model == "claude-haiku-4-5"
    llm_servers.on("openai", Reply.json({"service_type": "locksmith", "severity": "low", "description": "serrure"}))
    assert llm.describe_image(b"jpeg", "image/jpeg") == {"service_type": "locksmith", "severity": "low",
                                                         "description": "serrure"}  # no Gemini: OpenAI sees it


def test_module_api_respects_local_mode_and_missing_keys(llm_servers, keyed_settings):
    keyed_settings(LLM_MODE="local")
    local = unsure()
    assert llm.understand("x", local=local) is local
    assert llm.phrase_reply("Merci !", language="fr", facts={}) == "Merci !"
    assert llm_servers.requests == []
    reload_settings()
    llm.reset()
    assert llm.default_orchestrator().providers == {}
    assert llm.transcribe(b"OggS", "audio/ogg") is None
    assert llm.describe_image(b"jpeg", "image/jpeg") is None


def test_analyzer_for_engines(llm_servers, keyed_settings, monkeypatch, engine):
    keyed_settings()
    monkeypatch.setattr(nlu, "analyze", lambda text: sure(description=text), raising=False)
    llm_servers.on("anthropic", Reply.json(ANSWER))
    assert analyzer_for("local")("a").source == "local"
    assert analyzer_for("hybrid")("b").source == "local"  # confident local: no call
    assert llm_servers.requests == []
    assert analyzer_for("llm")("c").source == "claude"
    with pytest.raises(ValueError):
        analyzer_for("magic")
    assert isinstance(analyzer_for("hybrid")("d"), Analysis)


def test_the_transcription_model_comes_from_settings(llm_servers, keyed_settings, engine):
    keyed_settings(OPENAI_TRANSCRIBE_MODEL="whisper-1")
    llm_servers.on("transcribe", Reply.answer("abeg come fix my light"))
    assert llm.transcribe(b"OggS", "audio/ogg") == "abeg come fix my light"
    assert llm_servers.seen("transcribe")[0].model == "whisper-1"


def test_a_models_reading_keeps_the_local_directions_and_signals(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json(ANSWER))
    local = unsure(intent="new_request", landmark="derrière la pharmacie, portail bleu", asks_price=True,
                   follow_up="send_now")
    found = orchestrator_for(mode="hybrid").understand("tuyo pété, derrière la pharmacie", local=local)
    assert (found.source, found.landmark, found.asks_price, found.follow_up) == (
        "claude", "derrière la pharmacie, portail bleu", True, "send_now")
    llm_servers.on("anthropic", Reply.json({**ANSWER, "intent": "complaint", "service_type": None}))
    other = orchestrator_for(mode="hybrid").understand("c'est urgent", local=unsure(follow_up="urgency"))
    assert (other.intent, other.follow_up) == ("complaint", None)
