"""Turning a model's text into a checked Analysis: repair what is safe, reject the rest."""

from datetime import UTC, datetime

import pytest

from core.llm.guard import keeps_facts
from core.llm.parsing import analysis_from, extract_json, image_report_from
from core.llm.provider import RejectedAnswer


@pytest.mark.parametrize(("text", "expected"), [
    ('{"intent": "cancel", "confidence": 0.9}', {"intent": "cancel", "confidence": 0.9}),
    ('```json\n{"a": 1}\n```', {"a": 1}),
    ('Bien sûr ! Voici l\'analyse : {"a": "l\'eau } coule"} merci', {"a": "l'eau } coule"}),
    ('{"a": [1, 2,], "b": 3,}', {"a": [1, 2], "b": 3}),
    ("{'a': 'b', 'c': True, 'd': None}", {"a": "b", "c": True, "d": None}),
    ('{"outer": {"inner": 1}} then {"second": 2}', {"outer": {"inner": 1}}),
])
def test_json_is_found_and_repaired(text, expected):
    assert extract_json(text) == expected


@pytest.mark.parametrize("text", ["", "pas de json ici", '{"a": 1', '{"a": undefined_thing}', "[1, 2, 3]",
                                  '{"a": "it\'s", \'b\': 2}'])
def test_unusable_text_is_rejected(text):
    with pytest.raises(RejectedAnswer):
        extract_json(text)


def test_analysis_is_normalised_to_catalogue_and_gazetteer():
    analysis = analysis_from({"intent": "new_request", "confidence": 0.8, "service_type": "Plomberie",
                              "location": "près du Rond-point Deido", "language": "Pidgin", "urgency": None,
                              "when": "2025-03-04T15:00:00", "rating": None}, source="claude")
    assert analysis.service_type == "plumbing"
    assert analysis.location == "Deido"
    assert analysis.language == "en"
    assert analysis.urgency == "normal"
    assert analysis.when == datetime(2025, 3, 4, 14, 0, tzinfo=UTC)  # naive times are Douala time (UTC+1)
    assert analysis.source == "claude"


def test_a_time_in_words_is_dropped_not_the_analysis():
    analysis = analysis_from({"intent": "new_request", "confidence": 0.7, "when": "demain 10h",
                              "urgency": "scheduled"}, source="gemini")
    assert analysis.when is None and analysis.urgency == "scheduled"
    aware = analysis_from({"intent": "new_request", "confidence": 0.7, "when": "2025-03-04T09:30:00Z"}, source="x")
    assert aware.when == datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def test_unknown_service_and_place_become_none_and_towns_outside_douala_are_kept_apart():
    analysis = analysis_from({"intent": "new_request", "confidence": 0.7, "service_type": "jardinage",
                              "location": "Yaounde"}, source="openai", fallback_language="en")
    assert analysis.service_type is None
    assert analysis.location is None
    assert analysis.outside_area == "Yaoundé"
    assert analysis.language == "en"


@pytest.mark.parametrize("raw", [
    {"confidence": 0.8},                                   # no intent
    {"intent": "book_now", "confidence": 0.8},             # not an intent
    {"intent": "cancel"},                                   # no confidence
    {"intent": "cancel", "confidence": 7},                 # out of range
    {"intent": "cancel", "confidence": 0.5, "rating": 9},  # not a rating
    {"intent": "cancel", "confidence": 0.5, "urgency": "asap"},
])
def test_partial_or_invalid_analysis_is_rejected(raw):
    with pytest.raises(RejectedAnswer):
        analysis_from(raw, source="claude")


def test_image_report_is_checked():
    report = image_report_from({"service_type": "Électricité", "severity": "HIGH", "description": " prise brûlée "})
    assert report == {"service_type": "electrical", "severity": "high", "description": "prise brûlée"}
    with pytest.raises(RejectedAnswer):
        image_report_from({"service_type": "plumbing", "severity": "apocalyptic", "description": "x"})


@pytest.mark.parametrize(("reply", "kept"), [
    ("Top 👍 Votre demande DJB-7K3Q est confirmée : 15000 FCFA, rendez-vous à 14h30.", True),
    ("Votre demande est confirmée : 15 000 FCFA à 14h30.", False),        # reference dropped
    ("Votre demande DJB-7K3Q est confirmée : 12 000 FCFA à 14h30.", False),  # amount changed
    ("Votre demande DJB-7K3Q est confirmée à 14h30.", False),             # amount dropped
    ("", False),
])
def test_rephrasing_guard(reply, kept):
    draft = "Votre demande DJB-7K3Q est confirmée. Montant : 15 000 FCFA. Rendez-vous à 14h30."
    assert keeps_facts(draft, reply) is kept


def test_structured_answers_skip_the_repair(monkeypatch):
    import core.llm.parsing as parsing

    def no_repair(text, usage=None):
        raise AssertionError("the repair ran on a structured answer")

    monkeypatch.setattr(parsing, "extract_json", no_repair)
    assert parsing.structured_json('{"reply": "Bonjour {ami}"}') == {"reply": "Bonjour {ami}"}


def test_the_repair_is_the_last_resort():
    from core.llm.parsing import structured_json

    assert structured_json('Voici : {"a": 1,}') == {"a": 1}
    with pytest.raises(RejectedAnswer):
        structured_json('["not", "an", "object"]')
