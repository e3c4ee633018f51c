"""What the models are told: a compact Douala context, the answer schemas, and one prompt per task."""

import json
from datetime import datetime
from functools import cache
from typing import Any

from core import clock
from core.catalog import quartiers, services
from core.nlu.schema import INTENTS, URGENCIES


def _nullable(kind: str, description: str) -> dict[str, Any]:
    return {"anyOf": [{"type": kind}, {"type": "null"}], "description": description}


def _answer_schema(title: str, properties: dict[str, Any]) -> dict[str, Any]:
    """Return an object schema every provider's structured output accepts: all keys required, no others."""
    return {"title": title, "type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


# The common subset of Claude's, OpenAI's (strict) and Gemini's JSON schema support: nullable through anyOf,
# ranges in words (the checks in core/llm/parsing.py enforce them).
ANALYSIS_SCHEMA: dict[str, Any] = _answer_schema("analysis", {
    "intent": {"type": "string", "enum": list(INTENTS)},
    "service_type": _nullable("string", "a catalogue code"),
    "location": _nullable("string", "a Douala quartier from the list"),
    "urgency": {"type": "string", "enum": list(URGENCIES)},
    "when": _nullable("string", "ISO 8601 with +01:00 offset"),
    "language": {"type": "string", "enum": ["fr", "en"]},
    "confidence": {"type": "number", "description": "from 0 to 1"},
    "description": {"type": "string"},
    "outside_area": _nullable("string", "a town outside Douala"),
    "is_correction": {"type": "boolean"},
    "rating": _nullable("integer", "1 to 5"),
})
REPLY_SCHEMA: dict[str, Any] = _answer_schema("reply", {"reply": {"type": "string"}})
ANSWER_SCHEMA: dict[str, Any] = _answer_schema("answer", {"answer": {"type": "string"}})
IMAGE_SCHEMA: dict[str, Any] = _answer_schema("image_report", {
    "service_type": _nullable("string", "a catalogue code"),
    "severity": {"type": "string", "enum": ["low", "medium", "high"]},
    "description": {"type": "string", "description": "what you see, in a short French sentence"},
})

_LANGUAGE_NOTES = (
    "Customers write French, English, Cameroonian Pidgin or Camfranglais, often in SMS shorthand "
    "(slt = salut, bjr = bonjour, stp/svp = please, mn = mon, tjrs = toujours, kan = quand, pr = pour). "
    "Pidgin: abeg = please, wetin = what, dey = is/be, fit = can, wan = want, na = it is, don = has/already, "
    "now now / quick quick = right away. Camfranglais and local French: gâté = broken, ça a pété = it burst, "
    "le courant / la light / ENEO = electricity, la clim = air conditioning, le frigo = fridge, ndem = trouble. "
    "language is \"fr\" for French and Camfranglais, \"en\" for English and Pidgin."
)


@cache
def _catalogue() -> str:
    return "; ".join(f"{s.code} ({s.name_fr} / {s.name_en})" for s in services())


@cache
def _quartier_names() -> str:
    return ", ".join(q.name for q in quartiers())


def douala_context(now: datetime | None = None) -> str:
    """Return the shared context: services, quartiers, language notes, and the current Douala time."""
    local = clock.local(now or clock.now())
    return (
        "Djobea books home repairs in Douala, Cameroon, over WhatsApp.\n"
        f"Services (use the code): {_catalogue()}.\n"
        f"Douala quartiers (use one of these names, or null): {_quartier_names()}.\n"
        f"{_LANGUAGE_NOTES}\n"
        f"Now in Douala: {local:%A %Y-%m-%d %H:%M} (UTC+01:00)."
    )


def understand_prompt(text: str, context: dict[str, Any] | None) -> tuple[str, str]:
    """Return the system and user prompts that ask for the Analysis of one customer message."""
    system = (
        f"{douala_context()}\n\n"
        "Read the customer's message and answer with ONE JSON object only, no prose, with these keys: "
        f"{json.dumps(ANALYSIS_SCHEMA['properties'], ensure_ascii=False)}.\n"
        "intent: new_request (needs a repair), status_check (asks about a booking), cancel, smalltalk (greeting, "
        "thanks), info (prices, how it works), complaint (unhappy with a job or a provider), join_as_provider "
        "(a tradesman wants to work with Djobea), other. urgency: urgent (now, today, water everywhere, danger), "
        "scheduled (a given day or time, then fill when), normal. when: the time the customer wants, resolved "
        "against the current Douala time, or null. outside_area: a town outside Douala they name, else null. "
        "is_correction: the message corrects something said before. rating: 1-5 when they rate a job. "
        "description: the problem in a few words, in the customer's language. confidence: how sure you are."
    )
    known = f"What the conversation already knows: {json.dumps(context, ensure_ascii=False, default=str)}\n" \
        if context else ""
    return system, f"{known}Customer message: «{text}»"


def reply_prompt(draft: str, language: str, facts: dict[str, Any]) -> tuple[str, str]:
    """Return the prompts that ask to rephrase a template reply warmly without changing its facts."""
    tongue = "French" if language == "fr" else "simple English"
    system = (
        "You rephrase messages that Djobea, a home-repair service in Douala, sends to customers on WhatsApp. "
        f"Write in {tongue}, warm and short (at most 3 sentences, at most 2 emojis). Keep every fact, name, "
        "reference (like DJB-1234), amount and time exactly as written; add no new fact or promise; no lists, "
        "no numbered menus. customer_said holds the customer's own words: show in a few words that you read "
        "them, without answering beyond the message. "
        'Answer with ONE JSON object only: {"reply": "..."}.'
    )
    return system, f"Facts: {json.dumps(facts, ensure_ascii=False, default=str)}\nMessage to rephrase: {draft}"


def vision_prompt() -> str:
    """Return the prompt that asks what repair a customer's photo shows."""
    codes = ", ".join(s.code for s in services())
    return (
        "A customer in Douala sent this photo of something to repair. Answer with ONE JSON object only: "
        f'{{"service_type": one of [{codes}] or null, "severity": "low" | "medium" | "high", '
        '"description": what you see, in a short French sentence}.'
    )


def reasoning_prompt(question: str, facts: dict[str, Any]) -> tuple[str, str]:
    """Return the prompts for a question that needs judgement (a dispute, an unusual request, a complaint)."""
    system = (
        f"{douala_context()}\n\n"
        "You help Djobea's team handle a delicate case fairly: a dispute, a complaint or an unusual request. "
        "Use only the facts given; say what is missing. Be brief and concrete. "
        'Answer with ONE JSON object only: {"answer": "..."}.'
    )
    return system, f"Facts: {json.dumps(facts, ensure_ascii=False, default=str)}\nQuestion: {question}"
