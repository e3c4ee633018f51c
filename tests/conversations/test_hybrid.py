"""Hybrid mode: a model is consulted only where it earns its cost; everywhere else the templates answer."""

import importlib

import pytest

from core.config import settings
from core.nlu.schema import Analysis
from tests.conversations.conftest import requests_of


@pytest.fixture
def fake_llm(monkeypatch):
    """Hybrid mode with the orchestrator replaced: records calls, answers with the analysis the test sets."""
    monkeypatch.setattr(settings, "llm_mode", "hybrid")
    calls = {"understand": [], "phrase": []}
    answer: dict = {"analysis": None}

    def understand(text, *, local, context, conversation_id, session=None):
        calls["understand"].append((text, local.confidence, context))
        return answer["analysis"] or local

    def phrase_reply(draft, *, language, facts, conversation_id, session=None):
        calls["phrase"].append((draft, language, facts))
        return f"[{language}] {draft}"

    module = importlib.import_module("core.llm.orchestrator")
    monkeypatch.setattr(module, "understand", understand)
    monkeypatch.setattr(module, "phrase_reply", phrase_reply)
    return calls, answer


def test_a_clear_message_never_reaches_a_model(say, fake_llm):
    calls, _ = fake_llm
    result = say("h1", "slt mon tuyau a pété, je suis à Makepe")
    assert calls == {"understand": [], "phrase": []}  # understood locally, answered by templates
    assert result.request.service_type == "plumbing"
    assert not any(reply.startswith("[") for reply in result.replies)


def test_a_complaint_is_answered_in_the_light_of_the_customers_words(say, fake_llm):
    calls, _ = fake_llm
    result = say("h6", "le plombier est venu hier et maintenant ça fuit encore plus, je ne suis pas content")
    [(draft, language, facts)] = calls["phrase"]
    assert language == "fr" and facts["intent"] == "complaint"
    assert facts["customer_said"].startswith("le plombier est venu hier")
    assert result.replies == [f"[fr] {draft}"]


def test_a_message_not_understood_is_worth_one_rephrasing_at_most(say, fake_llm):
    calls, _ = fake_llm
    result = say("h7", "zzz qwerty")
    assert len(calls["phrase"]) == 1
    assert sum(reply.startswith("[fr] ") for reply in result.replies) == 1


def test_a_price_question_is_answered_by_the_catalogue_alone(say, fake_llm):
    calls, _ = fake_llm
    result = say("h8", "combien coûte la plomberie ?")
    assert calls["phrase"] == [] and "FCFA" in " ".join(result.replies)


def test_an_unsure_message_is_read_by_the_llm(say, fake_llm):
    calls, answer = fake_llm
    answer["analysis"] = Analysis(intent="new_request", service_type="carpentry", location="Bonapriso",
                                  language="fr", confidence=0.9, source="claude")
    result = say("h2", "le machin là ne va pas, viens voir")
    assert len(calls["understand"]) == 1
    assert calls["understand"][0][1] < settings.llm_confidence_threshold
    made = requests_of("h2")
    assert [(r.service_type, r.quartier) for r in made] == [("carpentry", "Bonapriso")]
    assert result.request.reference == made[0].reference


def test_a_failing_llm_leaves_the_local_reading(say, fake_llm, monkeypatch):
    import core.llm.orchestrator as orchestrator

    def broken(*args, **kwargs):
        raise TimeoutError("no answer")

    monkeypatch.setattr(orchestrator, "understand", broken)
    monkeypatch.setattr(orchestrator, "phrase_reply", broken)
    result = say("h3", "le truc de l'armoire là est ndem")
    assert result.replies and not result.replies[0].startswith("[")


def test_local_mode_never_calls_the_llm(say, fake_llm, monkeypatch):
    calls, _ = fake_llm
    monkeypatch.setattr(settings, "llm_mode", "local")
    say("h4", "le truc de l'armoire là est ndem")
    assert calls == {"understand": [], "phrase": []}


@pytest.mark.parametrize(("confidence", "consulted"), [(0.3, True), (0.59, True), (0.6, False), (0.95, False)])
def test_the_llm_is_consulted_only_below_the_threshold(say, fake_llm, monkeypatch, confidence, consulted):
    import core.nlu

    calls, _ = fake_llm
    local = Analysis(intent="new_request", service_type="plumbing", language="fr", confidence=confidence)
    monkeypatch.setattr(core.nlu, "analyze", lambda text, *, now=None, context=None: local)
    say("h5", "quelque chose")
    assert bool(calls["understand"]) is consulted
