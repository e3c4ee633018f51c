"""What the customer wants: weighs the cue phrases and the slots found, in a fixed order of precedence."""

import re
from dataclasses import dataclass
from functools import cache

from core.nlu.cues import ACKS, CUES, FILLERS, GREETINGS
from core.nlu.matcher import PhraseMatcher, parse_weighted
from core.nlu.patterns import PATTERNS

TRADES = (
    "plombier electricien menuisier macon peintre serrurier technicien frigoriste carreleur soudeur"
    " climaticien reparateur bricoleur artisan plumber electrician carpenter mason painter locksmith cleaner"
    " technician tiler welder handyman"
).split()
_SELF = ("je suis", "je suis un", "je suis une", "moi je suis", "moi c est", "i be", "i am a", "i am an", "i m a",
         "we are", "we be", "nous sommes", "on est des", "we re",
         "i m an", "i be a", "i be an", "i am", "i m", "mon metier c est", "je travaille comme", "i work as a")
# A price question is about us only when it names a trade or addresses us ("c'est combien le taxi" is not).
_ABOUT_US = {"vous", "vos", "votre", "your", "una", "djobea", "deplacement", "intervention", "visite", "you",
             "technicien", "technician", "frais", "repair", "reparation"}
# A job of the customer's own: "my fridge", "for me", "chez moi".
_OWN = {"my", "mon", "ma", "mes", "our", "notre", "nos", "me", "moi", "i", "je", "j", "we", "nous", "us"}
# "ça ne peut plus attendre" is impatience, no trouble of its own.
_NEGATED_VERB = re.compile(r"\b(?:ne|n) (?:\w+ ){1,2}(?:plus|pas|jamais)\b(?! attendre)|\bno dey \w+|\bnot \w+ing\b")
_THRESHOLD = 2.0
_CAN_COME = re.compile(r"\b(?:peut|peuvent|pouvez|pourrait|can|could|fit) (?:\w+ ){0,3}?(?:venir|passer|come|pass)\b"
                       r"|\b(?:whenever|when|quand|lorsque) (?:your|votre|una) ")
# A price asked with a place and words of one's own or a plea ("how much for my shop door? I dey Akwa", "recharge
# gaz clim svp, Bonadibong, combien ?") is for a job; "combien coûte la réparation d'un frigo à Bepanda ?" is not.
_MINE = _OWN | {"svp", "please", "pls", "abeg", "stp", "plait"}
# "combien pour réparer ma télé", "my AC need cleaning, how much?": a price for one's own thing is for a job.
_POSSESSIVE = {"my", "mon", "ma", "mes", "our", "notre", "nos"}
_PAID = {"paye", "payee", "payes", "paid", "pay", "regle", "verse", "payer", "preleve", "debite", "rembourse",
         "remboursez", "rembourser", "remboursement", "refund", "charged", "deducted", "collected"}
_CLOSERS = {"plus", "pas", "jamais"}
_AUXILIARIES = {"est", "ai", "a", "avons", "avez", "ont", "sera", "serait", "etait"}  # "je n'ai plus besoin"
# Asking us for something ("vous pouvez recharger mon crédit ?") is more than a greeting, even off-topic.
_ASKS = re.compile(r"\b(?:pouvez|pourriez|peux|peut|pouvons|can|could|would|est ce|do you|does|voulez|je veux"
                   r"|je voudrais|i want|i wan|avez vous|vous avez|vous faites|you get)\b")
# A relapse ("fuit encore") is both a problem to fix and a hint that an earlier repair failed.
_ALSO = {"relapse": ("problem", "complaint"), "worker_word": ("worker_word", "request")}
_ORDER = ("join_as_provider", "complaint", "cancel", "status_check", "info")
# "le prix est trop élevé" objects to a price, it asks none.
_DEAR = {"trop", "too", "cher", "chere", "expensive", "eleve", "high", "costly", "reduce", "reduire", "baisser",
         "reduction", "discount", "baissez", "hors", "afford"}
# Words for a worker: with stars they rate a job ("5 stars for the electrician").
_WORKERS = set(TRADES) | {"dame", "lady", "femme", "woman", "madame", "gars", "guy", "man", "travail", "work", "job",
                          "boulot", "service", "prestataire", "team", "equipe", "technicien", "technician", "worker",
                          "ouvrier", "artisan"}


def off_topic_price(toks: list[str], scores: dict[str, float], service: str | None) -> bool:
    """Return whether a price question is about something of no concern to us ("c'est combien le taxi pour Akwa")."""
    return bool(scores.get("price")) and service is None and _ABOUT_US.isdisjoint(toks) and not scores.get("problem")


@dataclass(frozen=True)
class Cues:
    """The weighted evidence a message carries for each label."""

    scores: dict[str, float]
    greeting: bool
    only_small_talk: bool
    known: frozenset[int]  # token positions explained by a cue
    greeted: frozenset[int] = frozenset()  # token positions inside a greeting or thanks ("tank you")

    def get(self, label: str) -> float:
        """Return the score of one label (0 when absent)."""
        return self.scores.get(label, 0.0)


@cache
def _matcher() -> PhraseMatcher[tuple[str, float]]:
    phrases = parse_weighted(CUES)
    phrases += [(f"{who} {form}", ("join_as_provider", 3.0)) for who in _SELF for trade in TRADES
                for form in (trade, f"{trade}s")]
    # "una send plumber quick" asks for one; "the man (wey) una send" is one of ours.
    provider = "que vous avez envoye | vous avez envoye | wey una send | wey you send | una don send | you sent"
    provider += " | you don send | the man una send | the one una send | the person una send | your technician"
    provider += " | votre technicien | votre plombier | votre electricien | your man | your worker* | your people"
    provider += " | una man | your guy | votre gars | le gars que | the man wey"
    phrases += [(p.strip(), ("provider_ref", 1.0)) for p in provider.split("|")]
    # "mon frère est électricien" talks about a person, not a job to do.
    phrases += [(f"{verb} {trade}", ("person_trade", 1.0)) for verb in ("est", "is a", "is an", "est un", "na")
                for trade in TRADES]
    return PhraseMatcher(phrases)


@cache
def _patterns() -> list[tuple[str, float, frozenset[str], re.Pattern[str]]]:
    trades = "|".join(TRADES)
    return [(label, weight, frozenset(triggers.split()), re.compile(regex.replace("{trade}", trades)))
            for label, weight, triggers, regex in PATTERNS]


@cache
def _small_talk() -> PhraseMatcher[str]:
    return PhraseMatcher([(p.strip(), "greeting") for p in GREETINGS.split("|")]
                         + [(p.strip(), "ack") for p in ACKS.split("|")]
                         + [(p.strip(), "filler") for p in FILLERS.split("|")])


def vocabulary() -> set[str]:
    """Return every word the cue tables know."""
    return _matcher().words | _small_talk().words


def read_cues(toks: list[str], text: str) -> Cues:
    """Return the evidence for each label found in the normalised tokens (text is their joined form)."""
    scores: dict[str, float] = {}
    known: set[int] = set()
    for m in _matcher().find(toks):
        label, weight = m.value
        # "ne ferme plus, besoin menuisier": the "plus" closes the verb's negation, it starts no "plus besoin".
        if (label == "cancel" and toks[m.start] in _CLOSERS and m.start > 1 and toks[m.start - 2] in {"ne", "n"}
                and toks[m.start - 1] not in _AUXILIARIES):
            continue
        for name in _ALSO.get(label, (label,)):
            scores[name] = scores.get(name, 0.0) + weight
        known.update(range(m.start, m.end))
    words = set(toks)
    for label, weight, triggers, pattern in _patterns():
        if not triggers.isdisjoint(words) and (found := pattern.search(text)):
            scores[label] = scores.get(label, 0.0) + weight
            first = text.count(" ", 0, found.start())
            known.update(range(first, first + found.group(0).count(" ") + 1))
    if _NEGATED_VERB.search(text):
        scores["problem"] = scores.get("problem", 0.0) + 1.0
    # "on n'a plus d'eau": "a plus" there is no "à plus" (see you).
    talk = [m for m in _small_talk().find(toks)
            if not (toks[m.start:m.end] == ["a", "plus"] and ((m.start and toks[m.start - 1] in {"n", "ne", "y", "il"})
                                                              or toks[m.end:m.end + 1] in (["d"], ["de"], ["du"])))]
    covered = sum(m.end - m.start for m in talk)
    greeting = any(m.value == "greeting" for m in talk)
    acks = sum(m.value == "ack" for m in talk)
    known.update(i for m in talk for i in range(m.start, m.end))
    closing = greeting or acks >= 2
    greeted = frozenset(i for m in talk if m.value == "greeting" for i in range(m.start, m.end))
    return Cues(scores, greeting, bool(toks) and covered == len(toks) and closing, frozenset(known), greeted)


def classify(
    toks: list[str], cues: Cues, *, service: str | None, service_strength: float, slots: bool
) -> tuple[str, float]:
    """Return the intent and the strength of its evidence (0-1)."""
    text = " ".join(toks)
    scores = dict(cues.scores)
    problem = scores.get("problem", 0.0) > 0
    # "votre plombier peut venir aujourd'hui ? la chasse coule": asking our worker to come is a job, no grievance.
    calls_ours = not scores.get("complaint") and bool(_CAN_COME.search(text))
    if (scores.get("provider_ref") and (problem or scores.get("complaint")) and not scores.get("praise")
            and not calls_ours):
        scores["complaint"] = scores.get("complaint", 0.0) + 2.0
    if service or _ABOUT_US.intersection(toks):
        scores["info"] = scores.get("info", 0.0) + scores.get("price", 0.0)
    if service is None and not problem:
        scores["info"] = scores.get("info", 0.0) + scores.get("availability", 0.0)
    # "Do you repair generators?" asks what we do; "can you fix my generator" (or with a place or day) is a job.
    # "ma voiture fait un bruit, vous réparez aussi les voitures ?": asking whether we do it too is an enquiry.
    also = service is None and not {"aussi", "also", "too", "egalement"}.isdisjoint(toks)
    if scores.get("capability") and (also or (not problem and not slots and not _OWN.intersection(toks))):
        scores["info"] = scores.get("info", 0.0) + scores["capability"]
    scores["info"] = scores.get("info", 0.0) + scores.get("info_policy", 0.0)
    # "c'est combien ?", "na how much?": a bare price question asks what we charge.
    if not slots and len(toks) <= 10 and not problem and _DEAR.isdisjoint(toks):
        scores["info"] = scores.get("info", 0.0) + scores.get("price", 0.0)
    # Stars with thanks, praise or the worker named ("5 étoiles pour le menuisier, merci") rate a job done.
    if scores.get("rating") and (cues.greeting or scores.get("praise") or _WORKERS.intersection(toks)):
        scores["praise"] = scores.get("praise", 0.0) + scores["rating"]
    if scores.get("hypothetical") and "complaint" in scores:
        scores["info"] = scores.get("info", 0.0) + scores.pop("complaint")
    priced_job = scores.get("price") and not scores.get("info_policy") and (
        (slots and (not _MINE.isdisjoint(toks) or scores.get("request"))) or not _POSSESSIVE.isdisjoint(toks))
    # "Il nous faudrait une équipe de nettoyage complète ... vous acceptez mobile money ?": a job named outright, at a
    # place, asked for, is a request whatever else is asked about it.
    asked_outright = (slots and scores.get("request") and service_strength >= 0.9
                      and {"savoir", "know", "renseigner"}.isdisjoint(toks))
    if service is not None and (problem or priced_job or asked_outright) and "elsewhere" not in scores:
        # "Mon frigo coule, c'est combien ?" describes a job of theirs: a request, not a price enquiry; so does a
        # price asked for a job at a place or on a day ("combien pour déboucher un évier à Bonamoussadi ?").
        scores.pop("info", None)
    if scores.get("complaint", 0.0) >= _THRESHOLD and not _PAID.isdisjoint(toks):
        # "jamais venu et j'ai payé le déplacement": money paid for a failure is a complaint, not a fee question.
        scores.pop("info", None)
    best, _, label = max((scores.get(name, 0.0), -i, name) for i, name in enumerate(_ORDER))
    if best >= _THRESHOLD:
        return label, min(1.0, best / 4.0)
    request = scores.get("request", 0.0) > 0 or scores.get("summon", 0.0) > 0
    # Praise or thanks for work done ("le technicien a bien travaillé") is small talk, not a new job: naming the
    # worker asks for nothing.
    asked = scores.get("request", 0.0) - scores.get("worker_word", 0.0) > 0 or scores.get("summon", 0.0) > 0
    # Thanks for a visit of ours with nothing wrong ("le plombier est venu, tout est réglé, merci") close it too.
    thanked = cues.greeting and scores.get("provider_ref") and not scores.get("complaint")
    if (scores.get("praise") or thanked) and not problem and not asked:
        return "smalltalk", 0.8
    # Nothing but thanks, greetings and acknowledgements ("tank you ma"): no job even if a word looks like one.
    if cues.only_small_talk and not problem and not request:
        return "smalltalk", 1.0
    buying = (scores.get("not_request", 0.0) > 0 and not problem) or (scores.get("person_trade") and not request)
    # A trade named outright (a fridge, a plumber) in a message to a repair service asks for that job.
    if service and not buying and (request or problem or slots or len(toks) <= 3 or service_strength >= 0.9):
        return "new_request", min(1.0, 0.5 + 0.25 * request + 0.25 * problem + 0.25 * slots)
    # Trouble at a named place ("le fil brûle!! Bilongue") is a job even when no trade word is known.
    if service is None and problem and (request or slots or len(toks) <= 8) and not buying:
        return "new_request", 0.35
    if cues.only_small_talk:
        return "smalltalk", 1.0
    # Someone or help asked for before the trouble is told ("j'ai besoin d'un technicien", "I need help", "au
    # secours"): a job whose trade is still to be asked.
    if service is None and scores.get("summon") and not buying:
        return "new_request", 0.3
    # "other" is a bare answer or something off-topic: a greeting or thanks with no job, place or time in it
    # ("Bonjour à toute l'équipe, j'espère que vous allez bien") is small talk however it goes on.
    if cues.greeting and not problem and not request and not slots and service is None and not _ASKS.search(text):
        return "smalltalk", 0.7
    return "other", 0.0
