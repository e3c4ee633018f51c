"""A tradesperson joining over chat: name, trades, quartiers (and a phone on the web) -> a pending application."""

import contextlib
import re

from sqlmodel import select

from core import clock
from core.catalog import fold, place_names
from core.conversations.context import Turn
from core.conversations.templates import service_name
from core.customers.models import Customer
from core.phones import InvalidPhone, is_bsuid, normalize_phone
from core.providers.models import ApplicationStatus, ProviderApplication

_NAME_IN_SENTENCE = re.compile(r"(?:je m'appelle|je m’appelle|mon nom est|mon nom c'est|moi c'est|my name is"
                               r"|my name na|i am|i'm|na me|me na)\s+([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)")
_NAME_PREFIX = re.compile(r"^(?:je m'appelle|je m’appelle|mon nom est|mon nom c'est|moi c'est|c'est|my name is"
                          r"|my name na|i am|i'm|na me|me na|name)\s*[:,]?\s*", re.I)
_SPLIT = re.compile(r",|;|/|\+|&|\bet\b|\band\b|\bwith\b|\bavec\b", re.I)
STEPS = ("name", "trades", "quartiers", "phone")
# "je veux travailler avec vous", "how do I register?": a sentence given where the name was asked is no name.
_NOT_A_NAME = re.compile(r"\?|\b(?:je|j|veux|voudrais|comment|travailler|inscri\w*|vous|i|want|how|work|register"
                         r"|join|you|una|what|quoi|pourquoi|why|est|is|suis|am)\b", re.I)


def start(turn: Turn) -> None:
    """Begin onboarding, keeping what the first message already says."""
    found = _NAME_IN_SENTENCE.search(turn.text)
    turn.context.onboarding = {"name": found.group(1).strip() if found else "", "trades": trades_in(turn),
                               "quartiers": quartiers_in(turn.text), "phone": _known_phone(turn)}
    _next(turn)


def step(turn: Turn) -> None:
    """Take the answer to the onboarding question asked last, then ask the next one or finish."""
    data, asked = turn.context.onboarding or {}, turn.context.last_question
    data["trades"] = sorted(set(data.get("trades", [])) | set(trades_in(turn)))
    again = f"{turn.context.cycle}:{asked}_again" in turn.context.asked_log
    if asked == "onb_name":
        name = _NAME_PREFIX.sub("", turn.text.strip()).split(",")[0].strip(" .!")
        if sum(c.isalpha() for c in name) < 2:
            # "6 99", "699123456": figures are never a name (a number is kept for the phone question).
            with contextlib.suppress(InvalidPhone):
                data["phone"] = data.get("phone") or normalize_phone(turn.text)
            turn.context.onboarding = data
            if again:
                turn.context.ask("onb_name", "onb_name_letters")
                turn.say("onb_name_letters")
            else:
                _ask_again(turn, "onb_name")
            return
        if (_NOT_A_NAME.search(name) or len(name.split()) > 4) and not again:
            turn.context.onboarding = data
            _ask_again(turn, "onb_name")
            return
        data["name"] = " ".join(w[:1].upper() + w[1:] for w in name.split())[:120]
    elif asked == "onb_quartiers":
        data["quartiers"] = sorted(set(data.get("quartiers", [])) | set(quartiers_in(turn.text)))
    elif asked == "onb_phone":
        try:
            data["phone"] = normalize_phone(turn.text)
        except InvalidPhone:
            data["phone"] = ""
            if not again:
                turn.context.onboarding = data
                _ask_again(turn, "onb_phone")
                return
    turn.context.onboarding = data
    _next(turn)


def _ask_again(turn: Turn, question: str) -> None:
    """Ask once more, saying what is wanted and how it looks, when the answer was not one."""
    turn.context.ask(question, f"{question}_again")
    turn.say(f"{question}_again")


def _next(turn: Turn) -> None:
    data = turn.context.onboarding or {}
    for name in STEPS:
        if not data.get(name):
            turn.context.ask(f"onb_{name}")
            turn.say(f"onb_{name}", name=data.get("name", ""), trades=_trades_text(turn, data))
            return
    _finish(turn, data)


def _finish(turn: Turn, data: dict) -> None:
    session = turn.session
    turn.context.onboarding = None
    turn.context.last_question = None
    existing = session.exec(select(ProviderApplication).where(
        ProviderApplication.phone == data["phone"], ProviderApplication.status == ApplicationStatus.PENDING)).first()
    if existing is not None:
        turn.say("onb_already")
        return
    session.add(ProviderApplication(phone=data["phone"], name=data["name"], trades=list(data["trades"]),
                                    quartiers=list(data["quartiers"]), conversation_id=turn.conversation.id,
                                    created_at=clock.now()))
    session.flush()
    turn.say("onb_done", name=data["name"], trades=_trades_text(turn, data), quartiers=", ".join(data["quartiers"]))


def _trades_text(turn: Turn, data: dict) -> str:
    return ", ".join(service_name(code, turn.language) for code in data.get("trades", []))


def _known_phone(turn: Turn) -> str:
    if turn.conversation.channel != "web" and not is_bsuid(turn.conversation.external_id):
        return turn.conversation.external_id
    customer = turn.session.get(Customer, turn.conversation.customer_id) if turn.conversation.customer_id else None
    return (customer.phone or customer.contact_phone or "") if customer else ""


def trades_in(turn: Turn) -> list[str]:
    """Return every trade named in the message (each part of a list read on its own)."""
    from core.nlu import analyze  # looked up at each call, so a test can swap the engine

    found = {turn.analysis.service_type} if turn.analysis.service_type else set()
    for part in _SPLIT.split(turn.text):
        if part.strip():
            code = analyze(part, now=clock.now()).service_type
            if code:
                found.add(code)
    return sorted(found)


def quartiers_in(text: str) -> list[str]:
    """Return every Douala quartier named in text (longest names first, no overlaps)."""
    words, names, found = fold(text).split(), place_names(), []
    used = [False] * len(words)
    for size in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if any(used[start:start + size]):
                continue
            place = names.get(" ".join(words[start:start + size]))
            if place is not None:
                used[start:start + size] = [True] * size
                if place.name not in found:
                    found.append(place.name)
    return found
