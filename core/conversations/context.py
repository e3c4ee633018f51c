"""The engine's memory of a conversation, kept in conversation.state between turns."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session

from core.conversations.templates import render
from core.messaging.conversations import Conversation, Message
from core.nlu.schema import Analysis

SLOTS = ("service_type", "location", "urgency", "when", "description")
MAX_DESCRIPTION = 1500
_NLU_QUESTION = {"service_type": "service", "location": "location"}  # the NLU's names for the questions


@dataclass
class Context:
    """What the engine knows before answering a message: slots collected, what it asked last, and so on."""

    slots: dict[str, Any] = field(default_factory=dict)
    language: str = "fr"
    last_question: str | None = None
    asked: list[str] = field(default_factory=list)  # question slots asked for the slots being collected
    onboarding: dict[str, Any] | None = None
    awaiting_rating: int | None = None
    rated_request: int | None = None  # rating given; the next plain message may be a comment on it
    turns: int = 0
    cycle: int = 0  # how many times slots were collected into a request
    asked_log: list[str] = field(default_factory=list)  # "cycle:slot" for every question asked
    extra: dict[str, Any] = field(default_factory=dict)  # keys other parts put in the state (kept as they are)

    @classmethod
    def load(cls, conversation: Conversation) -> "Context":
        """Read the context from the conversation's stored state."""
        state = dict(conversation.state or {})
        known = {"slots", "language", "last_question", "asked", "onboarding", "awaiting_rating", "rated_request",
                 "turns", "cycle", "asked_log"}
        return cls(
            slots=dict(state.get("slots") or {}),
            language=state.get("language") or conversation.language or "fr",
            last_question=state.get("last_question"),
            asked=list(state.get("asked") or []),
            onboarding=dict(state["onboarding"]) if state.get("onboarding") else None,
            awaiting_rating=state.get("awaiting_rating"),
            rated_request=state.get("rated_request"),
            turns=conversation.turn_count or int(state.get("turns") or 0),
            cycle=int(state.get("cycle") or 0),
            asked_log=list(state.get("asked_log") or []),
            extra={k: v for k, v in state.items() if k not in known},
        )

    def save(self, conversation: Conversation) -> None:
        """Write the context back as a new dict, so the change is seen and stored."""
        conversation.state = {
            **self.extra,
            "slots": dict(self.slots),
            "language": self.language,
            "last_question": self.last_question,
            "asked": list(self.asked),
            "onboarding": dict(self.onboarding) if self.onboarding else None,
            "awaiting_rating": self.awaiting_rating,
            "rated_request": self.rated_request,
            "turns": self.turns,
            "cycle": self.cycle,
            "asked_log": list(self.asked_log[-60:]),
        }
        conversation.language = self.language

    def when(self) -> datetime | None:
        """Return the scheduled time collected, if any."""
        raw = self.slots.get("when")
        return datetime.fromisoformat(raw) if raw else None

    def add_description(self, text: str) -> None:
        """Append the customer's words to the description being collected."""
        text = " ".join(text.split())
        if not text:
            return
        current = self.slots.get("description") or ""
        merged = f"{current} {text}".strip() if current else text
        self.slots["description"] = merged[-MAX_DESCRIPTION:]

    def ask(self, slot: str, question: str | None = None) -> None:
        """Remember that the engine asked for slot (question: how it asked, when not the plain question)."""
        self.last_question = slot
        self.asked.append(slot)
        self.asked = self.asked[-20:]
        self.asked_log.append(f"{self.cycle}:{question or slot}")

    def reset_slots(self) -> None:
        """Forget the collected slots once a request is made from them."""
        self.slots = {}
        self.asked = []
        self.last_question = None
        self.cycle += 1

    def for_nlu(self) -> dict[str, Any]:
        """Return what the NLU may use to read a short answer in the light of the question asked."""
        asked = "rating" if self.awaiting_rating is not None else _NLU_QUESTION.get(self.last_question or "")
        return {
            "last_question": asked,
            "service_type": self.slots.get("service_type"),
            "location": self.slots.get("location"),
            "language": self.language,
        }

@dataclass
class Turn:
    """One inbound message being answered: where, what was understood, and the replies drafted so far."""

    session: Session
    conversation: Conversation
    message: Message
    context: Context
    analysis: Analysis
    replies: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # the template key of each reply, in order

    @property
    def language(self) -> str:
        """Return the language to answer in."""
        return self.context.language

    @property
    def text(self) -> str:
        """Return the customer's words."""
        return self.message.body or ""

    def say(self, key: str, **values: object) -> None:
        """Draft the reply key, in the customer's language."""
        self.replies.append(render(key, self.language, self.context.turns, **values))
        self.keys.append(key)
