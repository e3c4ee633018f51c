"""What a message adds besides its intent: a follow-up to an open request, a price question, a wish to see history.

The conversation decides whether a request is open; these signals only say what the message would add to one
("c'est urgent", "dans la cuisine, sous l'évier", "oui je confirme", "c'est trop cher", "envoyez quelqu'un
maintenant"). The words are normalised (no accents, lowercase, SMS spellings expanded).
"""

import re
from dataclasses import dataclass
from functools import cache

from core.nlu.matcher import PhraseMatcher

_NOW = (r"(?:maintenant|now|tout de suite|right now|immediately|immediatement|vite|quick|quickly|asap|now now"
        r"|today|aujourd hui|rapidement|fast|sharp sharp|urgent\w*|urgence|emergency|right away|straight away"
        r"|dans l heure|within the hour)")
_PERSON = (r"(?:quelqu un|someone|somebody|some one|person|persons|people|le technicien|un technicien|the technician"
           r"|a technician|your technician|votre technicien|the man|your man|le gars|un gars|help|de l aide|am|him"
           r"|her|lui|un reparateur|un depanneur|un artisan)")
# "vous pouvez envoyer quelqu'un maintenant ?", "abeg come help me now": someone to come, now.
_SEND = re.compile(r"\b(?:send|envo[iy]\w*|dispatch|depech\w*)\b(?: \w+){0,3}? " + _PERSON + r"\b"
                   r"|\b(?:send|envo[iy]\w*) (?:le|la|les|lui|him|her|am|them)\b")
_COME = re.compile(r"\b(?:venez|venir|viens|come|passer|passez|arrive|intervenir)\b")
_NOW_RE = re.compile(r"\b" + _NOW + r"\b")
# "c'est combien ?", "na how much?", "price?", "le tarif", "ça va coûter combien": what it costs (not how long).
_PRICE = re.compile(
    r"\b(?:combien(?! de (?:temps|fois|jours|heures|minutes|semaines|personnes))|how much(?! time)|price\w*|prix"
    r"|tarif\w*|cost|costs|coute\w*|couter|cout|devis|quote|quotation|estimate|montant|frais|charge(?=s? for)|fee"
    r"|fees|wetin be the price|payant|payante|gratuit|gratuite|budget"
    r"|(?:is it|e|na|it s|its|(?<!person )(?<!man )(?<!guy )(?<!technician )(?<!worker )(?<!he )(?<!she )is) free)\b")
_PRICE_OBJECTION = re.compile(
    r"\b(?<!pas )(?<!pas trop )(?:c est|ca fait|ca reste|it s|that s|its|e|na|trop|un peu|assez|bien|vraiment|si"
    r"|tres|aussi|too|very|so|quite) (?:(?!pas |not |no )\w+ )?(?:cher|chere|expensive|costly)\b"
    r"|\b(?:cher hein|cher oh|(?<!not )expensive|too much money|too costly|e too cost|too cost|na too much"
    r"|that s too much|it s too much|trop eleve|too high|prix est eleve|baisser|baissez|diminuer|diminuez|reduire"
    r"|reduisez|reduce"
    r"|reduction|discount|remise|negoci\w*|last price|dernier prix|faire un prix|un petit prix|faire un effort"
    r"|reduce small|reduce am|consider me|hors de prix|can t pay|cannot pay|can t afford|cannot afford|no fit pay"
    r"|peux pas payer|pas les moyens|big money|trop pour moi|too much for me|c est beaucoup trop"
    r"|\d+ (?:\d+ )?(?:francs? |fcfa |cfa |frs |f )?(?:is |c est |e |na )?(?:too much|trop|beaucoup trop)"
    r"|too much (?:o|oh|for)|e too much|c est trop \d+"
    r"|(?:i go pay|i will pay|i can pay|i fit pay|je paie|je vais payer|je peux payer|je donne|i go give)"
    r" \d+ ?\w* (?:no more|not more|pas plus|maximum|max|seulement|only))\b")
# "je ne peux pas payer ça": the "ne … pas" is the objection, not a trouble told.
_CANT_PAY = re.compile(r"\b(?:peux pas payer|can t pay|cannot pay|no fit pay|pas les moyens|can t afford"
                       r"|cannot afford|je n ai pas ca|n ai pas cette somme|i no get am|i don t have that)\b")
_ASKS_POLICY = re.compile(r"\b(?:vous faites|faites vous|do you|do una|una dey|you dey|vous accordez|vous donnez"
                          r"|you give|una give|chez vous|is there|are there|y a t il|il y a des|una get|you get)\b")
# "vous travaillez la nuit en cas d'urgence ?": an emergency asked about in general, no hurry of one's own.
_IN_CASE = re.compile(r"\b(?:en cas d urgences?|in case of (?:an )?emergenc(?:y|ies)|pour les urgences|for emergencies"
                      r"|les urgences|emergencies|urgences|emergency calls?|emergency service|emergency visits?)\b")
# "mes demandes", "historique", "my bookings": the list of one's requests.
_HISTORY = re.compile(
    r"\b(?:mes (?:anciennes |dernieres |precedentes )?(?:demandes?|dmd|reservations?|commandes?|requetes?"
    r"|interventions?)"
    r"|historique|history|my (?:past |previous |old |last )?(?:requests|bookings|orders|jobs)"
    r"|liste de mes|my request list|ma liste)\b")
# A bare follow-up about the trouble itself ("ça coule beaucoup", "e dey leak plenty"): a pronoun, not a thing.
_PRONOUN_START = {"ca", "c", "it", "e", "il", "elle", "this", "that", "le", "the"}
_INTENSITY = re.compile(
    r"\b(?:beaucoup|enormement|de plus en plus|encore plus|plus fort|trop|a lot|plenty|too much|more and more"
    r"|worse|worst|pire|don worse|de pire en pire|grave|serious|badly|heavily|seriously|fort|aggrave|s aggrave"
    r"|bigger|plus gros|plus grosse|grandit|increasing|augmente|spreading|spread|s etend|partout|de partout"
    r"|faster|plus vite|plus rapide|stronger"
    r"|everywhere)\b")
_FLOOD = re.compile(r"\b(?:flood\w*|inond\w*)\b")
_THING = {"truc", "thing", "chose", "probleme", "problem", "wahala", "leak", "fuite", "eau", "water", "crack",
          "fissure", "bruit", "noise", "odeur", "smell"}
# Where in the home, said as a detail: "dans la cuisine, sous l'évier", "na for parlour", "the one upstairs".
_SPATIAL = {
    "dans", "sous", "derriere", "devant", "dessus", "dessous", "cote", "niveau", "interieur", "exterieur", "inside",
    "under", "underneath", "behind", "beside", "upstairs", "downstairs", "above", "below", "entre", "between",
    "gauche", "droite",
}
# "for", "in", "on" open a detail only before a room ("for parlour"); "for my fridge" names a job.
_SPATIAL_WEAK = {"in", "en", "au", "a", "for", "on", "at", "sur", "pres", "near", "next", "to"}
_LEADS = {"oui", "yes", "ok", "non", "no", "c", "est", "it", "s", "is", "its", "na", "the", "one", "celui", "celle",
          "en", "fait", "actually", "e", "dey", "sorry", "pardon", "plutot", "rather",
          "la", "le", "l", "les", "my", "ma", "mon", "mes", "ce", "cette", "that", "this", "de", "du", "des", "d"}
_ROOMS = {
    "cuisine", "kitchen", "chambre", "chambres", "room", "rooms", "bedroom", "salon", "parlour", "parlor",
    "living", "bathroom", "salle", "cour", "compound", "couloir", "corridor", "garage", "terrasse", "balcon",
    "balcony", "etage", "upstairs", "downstairs", "haut", "bas", "magasin", "boutique", "shop", "bureau", "office",
    "veranda", "varanda", "entree", "enfants", "parents", "master", "studio", "appartement", "apartment", "maison",
    "house", "backyard", "yard", "garden", "jardin", "dehors", "outside", "front", "back", "arriere", "devant",
    "children", "kids", "guest", "guests", "visitors", "boys", "girls", "pikin", "pikins",
}
# Fixtures say which one when a room goes with them ("c'est le robinet de la cour"); alone they name a job.
_FIXTURES = {"plafond", "ceiling", "mur", "wall", "sol", "floor", "toit", "roof", "evier", "sink", "lavabo",
             "robinet", "tap", "compteur", "meter", "douche", "shower", "toilettes", "toilet", "wc", "tuyau", "tuyaux",
             "pipe", "pipes", "cable", "fil", "prise", "socket", "interrupteur", "switch", "porte", "door", "fenetre",
             "window", "placard", "bulb", "ampoule", "lampe", "lamp", "light", "lumiere", "neon"}
_CONFIRM = (
    "oui | yes | yeah | yep | yea | ok | okay | d accord | je confirme | confirme | confirmed | confirm | i confirm"
    " | c est confirme | je valide | valide | go ahead | vas y | allez y | c est bon | c est bien ca | bien ca"
    " | c est ca | exactement | exact | correct | that s right | that s correct | right | na so | affirmatif"
    " | parfait | ca marche | ok ca marche | entendu | deal | sure | of course | bien sur | absolument"
    " | c est bien | oui oui | yes yes | tout a fait | no problem | pas de souci | pas de probleme | d accord pour"
    " | on fait comme ca | on fait ca | let s do it | let s go | ca me va | ca me convient | that works"
    " | c est note | noted | bien note | well noted | entendu | compris | understood | i agree | agreed"
    " | je suis d accord | we agree | i accept | j accepte | accepted"
    " | fine by me | ok pour moi | c est ok | it s ok | it s fine | that s fine | that s ok | yes that s correct"
)
_FILLERS = (
    "je | i | s il vous plait | s il te plait | please | svp | merci | thanks | thank you | abeg | o | oh | eh | hein"
    " | bien | alors | donc | so | then | boss | madame | monsieur | sir | ma | mola | pour moi | for me | with me"
    " | pour nous | moi | vous | you | it | ca | c | est | is | s | la | le | et | and | allez | go | on | y"
)
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Signals:
    """What a message adds besides its intent."""

    follow_up: str | None = None
    detail: str | None = None
    asks_price: bool = False
    asks_history: bool = False
    urgent: bool = False  # the message itself makes the need urgent ("ça coule beaucoup", "help!")
    bare: bool = False  # a follow-up that asks for no job of its own: its intent is "other"


@cache
def _confirm() -> PhraseMatcher[str]:
    return PhraseMatcher([(p.strip(), "confirm") for p in _CONFIRM.split("|")]
                         + [(p.strip(), "filler") for p in _FILLERS.split("|")])


def read_signals(
    toks: list[str], description: str, *, intent: str, urgent: bool, named_trade: bool, has_place: bool,
    problem: bool, asks_for_job: bool,
) -> Signals:
    """Return the signals of a normalised message (description: its own words, for the detail).

    `named_trade` says a trade or its equipment is named outright, `has_place` that a place is named; a follow-up
    names neither (a new place or trade is a request or a correction of its own). `problem` says a trouble is
    described, `asks_for_job` that someone or a repair is asked for.
    """
    text = " ".join(toks)
    objection = bool(_PRICE_OBJECTION.search(text))
    asks_price = intent != "complaint" and not objection and bool(_PRICE.search(text))
    history = intent == "status_check" and bool(_HISTORY.search(text))
    signals = Signals(asks_price=asks_price, asks_history=history)
    if has_place or intent in {"complaint", "cancel", "status_check", "join_as_provider"}:
        return signals
    if objection and (not problem or _CANT_PAY.search(text) or _PRICE_OBJECTION.match(text)):
        # "vous faites la réduction ?" asked in general stays a question about our prices.
        return Signals("price_objection", None, asks_price, history, bare=not _ASKS_POLICY.search(text))
    if intent == "smalltalk":  # thanks and praise ("travail propre et rapide") add nothing but a yes
        return Signals("confirm", None, asks_price, history) if _confirms(toks) else signals
    if intent == "info" and _IN_CASE.search(text):
        return signals
    now = bool(_NOW_RE.search(text))
    if (_SEND.search(text) or _COME.search(text)) and (now or urgent) and not named_trade:
        return Signals("send_now", None, asks_price, history, urgent=True)
    if asks_price and intent != "new_request":
        return Signals("price_question", None, True, history)
    if _confirms(toks):
        return Signals("confirm", None, asks_price, history)
    worse = _worse(toks, text) and not named_trade
    if (urgent or worse) and not named_trade:
        # "ça coule beaucoup", "c'est urgent": about the trouble already told, not a new one.
        bare = worse or not (problem or asks_for_job)
        return Signals("urgency", None, asks_price, history, urgent=True, bare=bare)
    if _is_detail(toks) and not problem and not urgent and not asks_for_job:
        return Signals("detail", _detail(description), asks_price, history, bare=True)
    return signals


def _confirms(toks: list[str]) -> bool:
    """Return whether the message only says yes ("oui je confirme", "yes go ahead", "d'accord je valide")."""
    found = _confirm().find(toks)
    covered = sum(m.end - m.start for m in found)
    return bool(toks) and covered == len(toks) and any(m.value == "confirm" for m in found)


_GROWS = re.compile(r"\b(?:grandit|grandissent|bigger|plus gros|plus grosse|plus grande|plus grand|augmente|increasing"
                    r"|growing|grows|s agrandit|s elargit|wider)\b")
_WET = {"eau", "water", "wata", "coule", "fuit", "fuite", "leak", "leaks", "leaking", "flaque", "mouille", "wet",
        "drip", "goutte"}
_SLOW_GROWTH = re.compile(r"\b(?:every (?:week|month|day)|each (?:week|month)|chaque (?:semaine|mois|jour)|day by day"
                          r"|jour apres jour|petit a petit|peu a peu|small small|little by little|slowly|lentement"
                          r"|over (?:the )?(?:weeks|months)|depuis des (?:semaines|mois))\b")


def _worse(toks: list[str], text: str) -> bool:
    """Return whether the message says the trouble already told grows ("ça coule beaucoup", "e dey leak plenty")."""
    if not toks or not _INTENSITY.search(text) or len(toks) > 10:
        return False
    first = next((t for t in toks if t not in {"et", "and", "mais", "but", "oui", "yes", "now", "maintenant"}), "")
    if " ".join(toks[:3]) in {"il y a", "y a"} or toks[:2] == ["il", "y"]:  # "il y a de l'eau partout" tells anew
        return False
    if _FLOOD.search(text):  # "the kitchen is flooding": a flood is told, not a leak already known growing
        return False
    if _SLOW_GROWTH.search(text):  # "it's getting bigger every week": it grows, but slowly: no hurry
        return False
    if _GROWS.search(text) and _WET.isdisjoint(toks):  # "elle grandit" (a crack): bigger, not sooner
        return False
    return first in _PRONOUN_START and (first not in {"le", "the"} or _THING.intersection(toks) != set())


_STATES = {"don", "dey", "no", "is", "has", "ne", "won", "doesn", "isn", "keeps", "get", "fait", "marche", "works",
           "work", "coule", "fuit", "leaks", "leak", "melt", "spoil", "need", "needs", "want", "besoin", "veux", "faut"}


def _is_detail(toks: list[str]) -> bool:
    """Return whether a short message only says where in the home ("sous l'évier", "the one upstairs")."""
    if not toks or len(toks) > 12:
        return False
    i = 0
    while i < len(toks) and toks[i] in _LEADS:
        i += 1
    rest = toks[i:]
    # "the house wey I rent need new paint", "dans le plafond il y a une tache qui grandit": a trouble told
    if not rest or not _STATES.isdisjoint(rest[1:]) or " il y a " in f" {' '.join(rest)} ":
        return False
    # "the one for the backyard", "celle de la cour": which one, said of something already named.
    if toks[:2] == ["the", "one"] or toks[0] in {"celui", "celle", "ceux", "celles"}:
        return True
    # "à l'intérieur du placard", "au niveau du compteur", "en haut"
    if rest[0] in {"a", "au", "en"} and not _SPATIAL.isdisjoint(rest[1:3]):
        return True
    if rest[0] in _SPATIAL or (i > 0 and rest[0] in _ROOMS):
        return True
    if rest[0] in _FIXTURES:
        # "the socket for my parlour don melt": a thing and what it does is a trouble told, not which one
        return i > 0 and not (_ROOMS | _SPATIAL).isdisjoint(rest[1:]) and _STATES.isdisjoint(rest[1:])
    return rest[0] in _SPATIAL_WEAK and not (_ROOMS | _FIXTURES).isdisjoint(rest[1:5])


def _detail(description: str) -> str:
    """Return the customer's words for a detail, without a leading yes or "c'est"."""
    words = description.strip().strip(".!?,;: ")
    return re.sub(r"^(?:(?:oui|yes|ok|non|no)\b[\s,.!]*)+", "", words, flags=re.IGNORECASE).strip() or words
