"""The local engine: one message in, one Analysis out; pure functions, no I/O."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from core.nlu import intents, services, urgency
from core.nlu.blend import RulesReading, blend
from core.nlu.directions import find_landmark
from core.nlu.intents import Cues, classify, off_topic_price, read_cues
from core.nlu.language import ENGLISH, FRENCH, detect_language
from core.nlu.model import features as model_features
from core.nlu.normalize import tokens
from core.nlu.places import Place, find_place, place_words
from core.nlu.schema import Analysis
from core.nlu.services import detect_service
from core.nlu.signals import Signals, read_signals
from core.nlu.spelling import Respeller
from core.nlu.timing import MONTHS, PARTS, WEEKDAYS, TimeInfo, resolve_time
from core.nlu.urgency import urgency_of

_RATING = re.compile(
    r"\b([1-5]) (?:etoiles?|stars?)\b|\b([1-5]) sur 5\b"
    r"|\b(?:je donne|je mets|je note|i give|i go give|i fit give|note|rating|ma note)(?: de| est| of)? ([1-5])\b"
)
_RATING_WORDS = re.compile(r"\b(une|un|deux|trois|quatre|cinq|one|two|three|four|five) (?:etoiles?|stars?)\b")
_NUMBER = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "one": 1, "two": 2, "three": 3,
           "four": 4, "five": 5}
_CORRECTION = re.compile(
    r"\b(?:je voulais dire|je veux dire|i mean|i meant|plutot|rather|correction|je me suis trompee?|erreur"
    r"|my mistake|mistake|pardon c est|non c est|sorry c est|sorry it s|not there|ah non|oh non|non en fait"
    r"|en fait non|actually it s|actually na|actually e be|non finalement)\b"
)
_GREETING_PREFIX = re.compile(
    r"^\s*(?:(?:bonjour|bonsoir|salut|slt|bjr|bsr|hello|hi|hey|coucou|good (?:morning|afternoon|evening))"
    r"(?:\s+(?:djobea|monsieur|madame|la famille|mon fr[eè]re|boss|sir|ma'?am))?\s*[,.!:;-]*\s*)+",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_PLACE_LEADS = {"chez", "moi", "a", "au", "je", "j", "suis", "i", "dey", "for", "we", "nous", "sommes", "on", "est",
                "habite", "live", "stay", "at", "in", "my", "house", "home", "la", "c", "quartier", "maison", "ma",
                "m", "am", "i m", "side", "area", "vers", "near", "pres", "de"}
_ADDRESS_BLOCKS = {"bloc", "block", "blocs", "batiment", "immeuble"}
# Things a customer may ask us for that are not a job of ours.
_NOT_OURS = {"credit", "credits", "airtime", "unites", "forfait", "taxi", "pret", "loan"}
_EXTRA_COMMON = (
    "massa bilingue villages makes basse bassin passe passer lundi mardi kotte bonne bonnes logement bonsoir"
    " japonais dakar nylons macons peintre peintres yassine beton bande bonus bonheur merci maman papa bank banks"
).split()


@cache
def known_words() -> frozenset[str]:
    """Return every word some table of the engine knows: such words are never read as misspelled places."""
    return frozenset(
        services.vocabulary() | intents.vocabulary() | urgency.vocabulary() | set(FRENCH) | set(ENGLISH)
        | set(WEEKDAYS) | set(MONTHS) | set(PARTS) | set(_EXTRA_COMMON)
    )


@cache
def respeller() -> Respeller:
    """Return the sound-alike fallback over the engine's vocabulary (place names are never respelled)."""
    time_words = {*WEEKDAYS, *MONTHS, *PARTS, "semaine", "prochaine", "prochain", "demain", "urgent", "vite"}
    return Respeller(known_words(), place_words(), services.vocabulary() | time_words)


@dataclass(frozen=True)
class Words:
    """A message read into words: as written (SMS expanded), its place, and unknown words respelled."""

    written: list[str]
    place: Place
    toks: list[str]


def read_words(text: str, context: dict[str, Any] | None = None) -> Words:
    """Return the normalised words of a message, its place and the respelled words the tables read."""
    context = context or {}
    written = tokens(text)
    place = find_place(written, text, known_words(), expecting=context.get("last_question") == "location")
    # Words no table knows are read as the known word they sound like ("ariv", "dehor"); places stay as written.
    return Words(written, place, respeller().respell(written, place.positions))


def analyze(text: str, *, now: datetime | None = None, context: dict[str, Any] | None = None) -> Analysis:
    """Return what one customer message says: intent, service, place, urgency, time, language, confidence."""
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    context = context or {}
    words = read_words(text, context)
    written, place, toks = words.written, words.place, words.toks
    cues = read_cues(toks, " ".join(toks))
    # A greeting's words are no trade ("tank you" names no water tank).
    trade_toks = [t if i not in cues.greeted else "" for i, t in enumerate(toks)] if cues.greeted else toks
    # "Kotto Bloc", "Cité SIC bloc C": a block of flats in an address, no concrete blocks to lay.
    if any(i + 1 < len(toks) and toks[i + 1] in _ADDRESS_BLOCKS for i in place.positions):
        trade_toks = ["" if i - 1 in place.positions and t in _ADDRESS_BLOCKS else t for i, t in enumerate(trade_toks)]
    service_evidence, service_matches = services.service_scores(trade_toks)
    service, service_strength = detect_service(trade_toks, service_evidence, has_problem=cues.get("problem") > 0,
                                               matches=service_matches)
    # "Morning", "bonne soirée": a greeting names a part of the day, it books nothing.
    timing = TimeInfo() if cues.only_small_talk else resolve_time(toks, now)
    level, urgency_said = urgency_of(toks, timing)
    rating = _rating(toks, context)
    slots = bool(place.location or place.outside_area or timing.when or urgency_said)
    intent, strength = classify(toks, cues, service=service, service_strength=service_strength, slots=slots)
    known_positions = cues.known | {i for m in service_matches for i in range(m.start, m.end)}
    confidence = _confidence(
        intent, strength, toks, known_positions, cues, service_strength if service else 0.0, place, timing, rating,
        context,
    )
    description = _description(text)
    # A trade or its equipment named outright ("plombier", "frigo"), not a hint shared by trades ("l'eau").
    named_trade = any(m.value[1] >= 3.0 for m in service_matches)
    has_place = bool(place.location or place.outside_area)

    def signals_for(reading: str) -> Signals:
        return read_signals(toks, description, intent=reading, urgent=level == "urgent", named_trade=named_trade,
                            has_place=has_place, problem=cues.get("problem") > 0, asks_for_job=cues.get("summon") > 0)

    signals = signals_for(intent)
    settled = False
    # "c'est urgent", "ça coule beaucoup", "sous l'évier": a follow-up that asks for no job of its own.
    if signals.bare and intent in {"new_request", "info"}:
        intent, settled = "other", True
    # "after the Total, second junction, blue gate": directions alone answer where the door is, they ask for nothing.
    landmark = find_landmark(text, written)
    # ("blue gate" is no "gâté" when the directions are the whole message).
    if (landmark and intent in {"new_request", "other"} and service is None and not cues.get("summon")
            and len(landmark) >= (0.9 if cues.get("problem") else 0.5 if place.location else 0.6) * len(description)):
        intent, settled = "other", True
    # "envoyez quelqu'un tout de suite", "urgence, venez": a call to come now is a job, its trade still to ask.
    if signals.follow_up == "send_now" and intent == "other":
        intent, settled = "new_request", True
    if signals.follow_up and intent == "other":
        confidence, settled = max(confidence, 0.8), True
    # Where the rules are unsure (nothing recognised, no trade, weak evidence) the learned reading may decide.
    # A place, time or rating given alone ("for Bepanda") or after our question is an answer, never a new job.
    # "chez moi à Japoma", "I dey for Bepanda": the place said with only the words that lead to it is an answer too.
    place_said = bool(place.location) and all(t in _PLACE_LEADS or i in place.positions for i, t in enumerate(toks))
    answered = _phone_only(toks) or (bool(place.location or place.outside_area or timing.when or rating) and (
        bool(context.get("last_question")) or len(toks) <= 3 or place_said))
    # Someone asked for with no trouble and every word known ("can someone come now?"): no trade to guess, it is
    # still to ask; an unknown word ("nétoyé") may be a trade the tables miss, which the model may read.
    known = known_words()
    # "j'ai un problème chez moi": every word known and none a trade's, nothing for the model to read a trade in.
    guess_trade = not (service is None and not service_evidence
                       and (cues.get("summon") > 0 or cues.get("problem") > 0)
                       and all(t in known or t.isdigit() or i in place.positions for i, t in enumerate(toks)))
    # "c'est combien le taxi pour Akwa": the price of something not ours is no question about our prices, whatever
    # the model guesses (it may still read a job the tables miss: "pintur d 1 apart, combi1 ?").
    off_topic = (intent == "other" and off_topic_price(toks, cues.scores, service) and not service_evidence
                 and signals.follow_up is None)
    # "vous pouvez m'envoyer du crédit ?": something we do not sell asked for, no job of ours.
    not_ours = (intent == "other" and not service_evidence and not cues.get("problem")
                and not _NOT_OURS.isdisjoint(toks))
    refused = frozenset({"info"} if off_topic else set()) | frozenset({"new_request"} if not_ours else set())
    rules = RulesReading(intent, confidence, service, service_strength if service else 0.0, answered or settled,
                         guess_trade, refused)
    decision = blend(rules, lambda: model_features(toks, place.positions))
    if decision.intent != intent or decision.service != service:
        if decision.intent != intent:
            signals = signals_for(decision.intent)
        intent, service, confidence = decision.intent, decision.service, decision.confidence
    if signals.urgent and level != "urgent" and not timing.later:
        level = "urgent"
    if intent == "other" and context.get("last_question") != "service":
        service = None
    language, _ = detect_language(written, place.positions, default=str(context.get("language") or "fr"))
    if language not in ("fr", "en"):
        language = "fr"
    correction = bool(_CORRECTION.search(" ".join(toks))) or bool(place.negated and place.location)
    return Analysis(
        intent=intent,
        service_type=service,
        location=place.location,
        urgency=level,
        when=timing.when,
        language=language,
        confidence=round(confidence, 3),
        description=description,
        outside_area=place.outside_area,
        is_correction=correction,
        rating=rating,
        follow_up=signals.follow_up,
        detail=signals.detail,
        asks_price=signals.asks_price,
        asks_history=signals.asks_history,
        landmark=landmark,
        names_trade=named_trade,
        worker_trade=services.worker_named(toks),
        source="local",
    )


_PHONE_WORDS = {"na", "my", "number", "numero", "mon", "c", "est", "voici", "is", "it", "s", "this", "tel",
                "telephone", "phone", "call", "me", "on", "appelez", "moi", "au", "sur", "whatsapp"}


def _phone_only(toks: list[str]) -> bool:
    """Return whether the message only gives a phone number ("67 0 98 22 41 na my number"): an answer, no job."""
    digits = "".join(t for t in toks if t.isdigit())
    mobile = (len(digits) == 9 and digits.startswith(("6", "2"))) or (len(digits) == 12 and digits.startswith("237"))
    return mobile and all(t.isdigit() or t in _PHONE_WORDS for t in toks)


def _rating(toks: list[str], context: dict[str, Any]) -> int | None:
    joined = " ".join(toks)
    if m := _RATING.search(joined):
        return int(next(g for g in m.groups() if g))
    if m := _RATING_WORDS.search(joined):
        return _NUMBER[m.group(1)]
    # A bare digit is a rating only when we just asked for one; otherwise it is a street or door number.
    if context.get("last_question") == "rating" and toks and toks[0] in {"1", "2", "3", "4", "5"} and len(toks) <= 3:
        return int(toks[0])
    return None


def _confidence(
    intent: str,
    strength: float,
    toks: list[str],
    known_positions: set[int] | frozenset[int],
    cues: Cues,
    service_strength: float,
    place: Place,
    timing: TimeInfo,
    rating: int | None,
    context: dict[str, Any],
) -> float:
    """Return how far the local reading can be trusted; below about 0.6 the LLM orchestrator takes over."""
    if not toks:
        return 0.0
    if intent == "smalltalk":
        return 0.95
    known = known_words()
    covered = sum(1 for i, t in enumerate(toks) if i in known_positions or t in known or t.isdigit())
    coverage = covered / len(toks) if place.mentions == 0 else min(1.0, (covered + place.mentions) / len(toks))
    has_place = bool(place.location or place.outside_area)
    if intent == "new_request":
        if service_strength == 0.0:
            base = 0.45
        else:
            base = 0.35 + 0.35 * service_strength + 0.15 * has_place + 0.15 * strength
    elif intent == "other":
        answered = has_place or timing.when is not None or rating is not None
        expected = context.get("last_question") in {"location", "when", "time", "rating"}
        base = (0.92 if expected else 0.8) if answered else (0.5 if coverage == 1.0 else 0.25)
    else:
        base = 0.55 + 0.4 * strength
        rivals = sum(1 for label in ("join_as_provider", "complaint", "cancel", "status_check", "info")
                     if label != intent and cues.get(label) >= 2.0)
        base -= 0.15 * rivals
    if place.fuzzy:
        base -= 0.05
    return max(0.0, min(1.0, base * (0.55 + 0.45 * coverage)))


def _description(text: str) -> str:
    """Return the customer's words, whitespace collapsed and a leading greeting removed."""
    cleaned = _SPACES.sub(" ", text).strip()
    stripped = _GREETING_PREFIX.sub("", cleaned).strip()
    return stripped or cleaned
