"""What a provider's answer means: a tapped button's payload, or plain words (FR, EN, Pidgin) with an optional
reference and price.

An offer's quick-reply buttons carry payloads that name the offer: "offer:DJB-7K3M:accept" (OUI) and
"offer:DJB-7K3M:decline" (NON). Twilio posts the tapped one back as ButtonPayload.
"""

import re
from dataclasses import dataclass

from core.catalog import fold
from core.references import ALPHABET

MIN_PRICE, MAX_PRICE = 500, 2_000_000  # XAF: below or above is surely a typo, so we ask again

_CODE = f"[{ALPHABET}]{{4}}"  # the four characters of a request's reference
_REFERENCE = re.compile(rf"\bDJB[-\s]?({_CODE})\b", re.I)
_AMOUNT = re.compile(r"(?<!\d)(\d{1,3}(?: \d{3})+|\d+) ?(k|mille|mil)? ?(?:f|fr|frs|francs?|fcfa|cfa|xaf)?(?![a-z\d])")


def _words(*phrases: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


_HELP = _words("aide", "help", "commandes", "commands", "comment faire")
_WITHDRAW = _words("je ne peux plus", "peux plus venir", "plus venir", "i no fit come again", "i no go fit come",
                   "can t come anymore", "cannot come anymore", "je me desiste", "desister", "annuler", "annule",
                   "cancel")
_COMPLETE = _words("fini", "finis", "fin", "termine", "terminee", "travail termine", "done", "finish", "finished",
                   "i don finish", "completed", "c est fait", "job done", "don finish")
_NO_PROBLEM = _words("no wahala", "no problem", "pas de probleme", "pas de souci", "sans probleme", "sans souci")
_DECLINE = _words("non", "no", "nope", "occupe", "occupee", "busy", "pas dispo", "pas disponible", "indisponible",
                  "i no fit", "i no go fit", "je ne peux pas", "peux pas", "impossible", "not available",
                  "cannot", "can t", "not free", "pas libre")
_ON_THE_WAY = _words("en route", "j arrive", "on my way", "on the way", "i dey come", "i dey road", "je pars",
                     "je suis parti", "leaving now", "i dey waka")
_ARRIVED = _words("arrive", "arrivee", "suis la", "sur place", "i don reach", "i reach", "reached", "arrived",
                  "i am here", "i m here")
_STARTED = _words("commence", "j ai commence", "demarre", "started", "i don start", "je commence",
                  "travail en cours")
_PAUSE = _words("pause", "stop offres", "en pause", "conge", "off")
_AVAILABLE = _words("dispo", "disponible", "available", "je reprends", "back")
_ACCEPT = _words("oui", "ouais", "yes", "yeah", "yep", "ok", "okay", "d accord", "dac", "je prends", "je prend",
                 "je viens", "j accepte", "accepte", "i go come", "i fit come", "i fit", "i go", "i accept",
                 "i take", "c est bon", "ca marche", "partant", "je m en occupe")


_PAYLOAD = re.compile(rf"^offer:(DJB-{_CODE}):(accept|decline)$")


def button_payload(reference: str, answer: str) -> str:
    """Return the payload of an offer's button: answer "accept" (OUI) or "decline" (NON) to the request reference."""
    return f"offer:{reference}:{answer}"


def read_payload(payload: str) -> "Said | None":
    """Return what a tapped offer button says, or None when the payload is not one of ours."""
    match = _PAYLOAD.match((payload or "").strip())
    return Said(match.group(2), match.group(1)) if match else None


def reference_in(text: str) -> str | None:
    """Return the first request reference written in text (DJB-XXXX), normalised, or None."""
    match = _REFERENCE.search(text or "")
    return f"DJB-{match.group(1).upper()}" if match else None


@dataclass(frozen=True)
class Said:
    """One provider message, understood: an intent, a reference if given, and an amount if any."""

    intent: str  # accept | decline | start | complete | withdraw | available | pause | help | price | unknown
    reference: str | None = None
    stage: str = ""  # for start: on_the_way | arrived | started
    price: int | None = None  # a sane whole amount in XAF
    price_given: bool = False  # an amount was written, sane or not


def read(body: str) -> Said:
    """Return what the provider's message says."""
    text = body or ""
    match = _REFERENCE.search(text)
    reference = f"DJB-{match.group(1).upper()}" if match else None
    if match:
        text = text[:match.start()] + " " + text[match.end():]
    words = fold(text)
    amounts = [_amount(m) for m in _AMOUNT.finditer(words)]
    price_given = bool(amounts)
    price = max(amounts) if amounts else None
    price = price if price is not None and MIN_PRICE <= price <= MAX_PRICE else None

    def said(intent: str, stage: str = "") -> Said:
        return Said(intent, reference, stage, price, price_given)

    if _HELP.search(words):
        return said("help")
    if _WITHDRAW.search(words):
        return said("withdraw")
    if _COMPLETE.search(words):
        return said("complete")
    if _NO_PROBLEM.search(words):
        return said("accept")
    if _DECLINE.search(words):
        return said("decline")
    for stage, pattern in (("on_the_way", _ON_THE_WAY), ("arrived", _ARRIVED), ("started", _STARTED)):
        if pattern.search(words):
            return said("start", stage)
    if _ACCEPT.search(words):
        return said("accept")
    if _PAUSE.search(words):
        return said("pause")
    if _AVAILABLE.search(words):
        return said("available")
    if price_given and not _residue(words):
        return said("price")
    return said("unknown")


def _amount(match: re.Match) -> int:
    value = int(match.group(1).replace(" ", ""))
    return value * 1000 if match.group(2) else value


def _residue(words: str) -> str:
    """Return what is left of the message once amounts and filler are taken out."""
    rest = _AMOUNT.sub(" ", words)
    return re.sub(r"\b(c est|prix|price|le|total|montant|amount|it be|na)\b", " ", rest).strip()
