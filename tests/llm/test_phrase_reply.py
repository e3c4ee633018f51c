"""Rephrasing a template reply: warmer words, the same facts, or the draft unchanged."""

from tests.fakes.llm_servers import Reply

DRAFT = "Votre demande DJB-7K3Q est enregistrée. Prix indicatif : 5 000 à 15 000 FCFA."
FACTS = {"reference": "DJB-7K3Q", "price_min": 5000, "price_max": 15000}


def test_rephrased_reply_keeps_the_facts(llm_servers, orchestrator_for):
    warm = "C'est noté 🙌 Votre demande DJB-7K3Q est bien enregistrée, prix indicatif entre 5 000 et 15 000 FCFA."
    llm_servers.on("anthropic", Reply.json({"reply": warm}))
    assert orchestrator_for().phrase_reply(DRAFT, language="fr", facts=FACTS) == warm
    sent = llm_servers.seen("anthropic")[0].json
    assert "French" in sent["system"] and DRAFT in sent["messages"][0]["content"]


def test_dropped_reference_or_changed_amount_keeps_the_draft(llm_servers, orchestrator_for, calls):
    llm_servers.on("anthropic", Reply.json({"reply": "C'est noté 🙌 prix entre 5 000 et 15 000 FCFA."}))
    llm_servers.on("openai", Reply.json({"reply": "Demande DJB-7K3Q notée, prix 5 000 à 10 000 FCFA."}))
    llm_servers.on("gemini", Reply.json({"reply": "Demande DJB-7K3Q notée 👍"}))
    assert orchestrator_for().phrase_reply(DRAFT, language="fr", facts=FACTS) == DRAFT
    assert [c.ok for c in calls] == [False, False, False]


def test_failure_or_empty_answer_keeps_the_draft(llm_servers, orchestrator_for):
    llm_servers.on("anthropic", Reply.json({"reply": ""}))
    llm_servers.on("openai", Reply.error(500))
    llm_servers.on("gemini", Reply.hang(5))
    assert orchestrator_for().phrase_reply(DRAFT, language="fr", facts=FACTS) == DRAFT


def test_english_reply_is_asked_in_simple_english(llm_servers, orchestrator_for):
    draft = "Your request DJB-AB12 is booked for 10 000 FCFA."
    llm_servers.on("anthropic", Reply.json({"reply": "All set 👍 Request DJB-AB12 is booked for 10 000 FCFA."}))
    assert orchestrator_for().phrase_reply(draft, language="en", facts={}).startswith("All set")
    assert "simple English" in llm_servers.seen("anthropic")[0].json["system"]
