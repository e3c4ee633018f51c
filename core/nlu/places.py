"""Where the job is: a Douala quartier (through aliases, sub-areas, landmarks, typos) or a town outside Douala."""

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from core.catalog import outside_names, place_names, quartiers
from core.catalog.text import fold
from core.nlu.matcher import PhraseMatcher
from core.nlu.phonetic import sound

# "Kotto pas Makepe", "c'est pas Makepe", "instead of Makepe": the place after is taken back; after a verb
# ("ne marche pas, Akwa") "pas" negates the verb, not the place.
_NEGATORS = {"pas", "not"}
_TAKE_BACK = {"instead", "lieu"}
_BEFORE_NEGATOR = {"non", "et", "mais", "est", "is", "but", "and", "no", "s", "sorry", "pardon", "oh", "ah"}
_PREPOSITIONS = {"a", "at", "in", "au", "for", "de", "of"}
# "au village", "mon village": the family's home village, not the quartier Village.
_HOME_VILLAGE = {"au", "mon", "ma", "le", "du", "my", "the", "de", "son", "notre", "leur", "our"}
_VILLAGE_HEADING = re.compile(r"^\s*Village\s*[,:;.-]")
# "...mon évier? village": a place given alone after the message, as a signature, is the quartier.
_VILLAGE_TRAILING = re.compile(r"[,.;:!?]\s*village\s*[.!?]*\s*$", re.IGNORECASE)
# "..., village, urgent": a place standing alone between commas is an address, not the family's village.
_VILLAGE_ALONE = re.compile(r"(?:^|[,;:!?]|\.\s)\s*village\s*(?:[,;:!?]|\.|$)", re.IGNORECASE)
_VILLAGE_OK = {"a", "carrefour", "quartier", "vers", "niveau", "cote", "at", "in"}

# How surely a name found says which quartier the job is in: the quartier named outright beats one of its named
# areas, which beats a landmark, which beats a street ("rue des Palmiers" at Bonamoussadi is no Cité des Palmiers).
QUARTIER, AREA, LANDMARK, STREET = 3, 2, 1, 0
_STREET_WORDS = {"rue", "avenue", "av", "boulevard", "bd", "blvd", "street", "road", "rd", "route", "allee", "ruelle",
                 "impasse", "chemin", "voie", "st"}
_STREET_AFTER = {"street", "road", "rd"}
# A name after one of these (with "de", "du", "d", "la" between) names the building, not where the customer is.
_LANDMARK_WORDS = {
    "ecole", "lycee", "college", "eglise", "chapelle", "mosquee", "pharmacie", "boulangerie", "station", "hopital",
    "clinique", "stade", "banque", "hotel", "restaurant", "bar", "snack", "boutique", "supermarche", "immeuble",
    "residence", "entree", "universite", "campus", "gare", "agence", "pressing", "cabaret", "auberge", "centre",
    "school", "church", "pharmacy", "bakery", "hospital", "clinic", "bank", "shop", "supermarket", "building",
    "junction", "market", "marche", "poste", "commissariat", "gendarmerie", "mairie", "cimetiere", "garage",
}
_LINKS = {"de", "du", "d", "la", "l", "des", "of", "the"}
_LANDMARK_HEADS = {"lycee", "hopital", "stade", "cathedrale", "hotel", "campus", "ecole", "college", "universite",
                   "palais", "prison", "poste", "place", "salle", "complexe", "port", "total", "brasseries", "essec",
                   "douala", "akwa", "la", "pagode", "omnisport", "aeroport", "zone"}


def _kind(key: str, q_name: str, aliases: tuple[str, ...]) -> int:
    """Return the rank of one gazetteer name: the quartier itself, a named area of it, a landmark or a street."""
    if key == fold(q_name) or key in {fold(a) for a in aliases}:
        return QUARTIER
    first = key.split()[0]
    if first in _STREET_WORDS or key.startswith("ancienne route"):
        return STREET
    return LANDMARK if first in _LANDMARK_HEADS else AREA


@cache
def _ranks() -> dict[str, int]:
    """Return the rank of every folded gazetteer name (a quartier's own names win over a sub-area's on clashes)."""
    ranks: dict[str, int] = {}
    for key, q in place_names().items():
        ranks[key] = _kind(key, q.name, q.aliases)
    return ranks


@dataclass(frozen=True)
class _Span:
    """A place name found at toks[start:end]: the quartier it names, whether outside Douala, and its rank."""

    start: int
    end: int
    name: str
    outside: bool
    rank: int = QUARTIER


@dataclass(frozen=True)
class Place:
    """What the message says about the place of the job."""

    location: str | None = None
    outside_area: str | None = None
    negated: tuple[str, ...] = ()  # places the message takes back
    mentions: int = 0
    fuzzy: bool = False
    positions: frozenset[int] = frozenset()  # token positions inside a place name (they carry no language)


@cache
def _quartier_matcher() -> PhraseMatcher[tuple[str, int]]:
    ranks = _ranks()
    return PhraseMatcher((key, (q.name, ranks[key])) for key, q in place_names().items())


@cache
def _outside_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher(outside_names().items())


@cache
def _fuzzy_targets(min_length: int = 5) -> dict[str, str]:
    """Return the one-word canonical names and aliases that a typo may be matched to."""
    targets: dict[str, str] = {}
    for q in quartiers():
        for variant in (q.name, *q.aliases):
            key = fold(variant)
            if " " not in key and len(key) >= min_length and key.isalpha() and key != "village":
                targets[key] = q.name
    return targets


@cache
def _fuzzy_keys(min_length: int = 5) -> tuple[str, ...]:
    return tuple(_fuzzy_targets(min_length))


@cache
def _sound_matcher(known_words: frozenset[str]) -> PhraseMatcher[tuple[str, int]]:
    """Return the place names keyed by sound ("cite palmie", "carfour vilaj"), minus keys of common words."""
    common = {sound(w) for w in known_words}
    ranks = _ranks()
    phrases = []
    for key, q in place_names().items():
        words = key.split()
        keys = [sound(w) for w in words]
        # One-word names must sound like no common word; "village" alone is too often the family's village.
        if len(words) == 1 and (len(keys[0]) < 4 or keys[0] in common or key == "village" or not key.isalpha()):
            continue
        phrases.append((" ".join(keys), (q.name, ranks[key])))
    return PhraseMatcher(phrases)


def _sound_spans(toks: list[str], known_words: frozenset[str], *, lone: bool = True) -> list[_Span]:
    """Return places found by how their words sound; a lone word must be one no table knows."""
    keys = [sound(t) for t in toks]
    return [_Span(m.start, m.end, m.value[0], False, m.value[1])
            for m in _sound_matcher(known_words).find(keys)
            if m.end - m.start > 1 or (lone and len(toks[m.start]) >= 4 and toks[m.start] not in known_words)]


def place_words() -> set[str]:
    """Return every word that is part of a place name (they carry no language)."""
    return _quartier_matcher().words | _outside_matcher().words


def find_place(
    toks: list[str], original: str, known_words: set[str] | frozenset[str], *, expecting: bool = False
) -> Place:
    """Return the quartier or outside town named in the message.

    The surest kind of name wins (the quartier itself, then a named area, a landmark, a street: "rue des Palmiers,
    Bonamoussadi" is Bonamoussadi), and among names of one kind the last one not taken back ("Kotto pas Makepe").
    `expecting` says we just asked where the job is: a short answer may then be a shorter or rougher typo.
    """
    spans: list[_Span] = []
    for m in _quartier_matcher().find(toks):
        name, rank = m.value
        # "carrefour Village", "Marché Village" name the quartier outright; "village" alone needs a closer look.
        if name == "Village" and m.end - m.start == 1 and not _village_is_quartier(toks, m.start, original, spans):
            continue
        spans.append(_Span(m.start, m.end, name, False, rank))
    for outside in _outside_matcher().find(toks):
        if not any(s.start <= outside.start < s.end for s in spans):
            spans.append(_Span(outside.start, outside.end, outside.value, True))
    fuzzy = False
    if not any(not s.outside for s in spans):
        taken = {i for s in spans for i in range(s.start, s.end)}
        known = known_words if isinstance(known_words, frozenset) else frozenset(known_words)
        # A lone rough word is a place only inside a sentence or when we asked where ("akwaa" alone is not).
        for span in _sound_spans(toks, known, lone=expecting or len(toks) > 2):
            if not taken.intersection(range(span.start, span.end)):
                spans.append(span)
                fuzzy = True
    if not any(not s.outside for s in spans):
        taken = {i for s in spans for i in range(s.start, s.end)}
        for i, tok in enumerate(toks):
            if i not in taken and (guess := _fuzzy(tok, known_words, relaxed=expecting and len(toks) <= 4)):
                spans.append(_Span(i, i + 1, guess, False))
                fuzzy = True
    spans.sort(key=lambda s: (s.start, s.end))
    positions = frozenset(i for s in spans for i in range(s.start, s.end))
    kept: list[_Span] = []
    negated: list[str] = []
    ends = {s.end for s in spans}
    for span in spans:
        if _taken_back(toks, span.start, ends) or _elsewhere(toks, span.end):
            negated.append(span.name)
        else:
            kept.append(_Span(span.start, span.end, span.name, span.outside, _rank_here(toks, span)))
    inside = [s for s in kept if not s.outside]
    if inside:
        best = max(inside, key=lambda s: (s.rank, s.start))
        return Place(best.name, None, tuple(negated), len(spans), fuzzy, positions)
    towns = [s.name for s in kept if s.outside]
    return Place(None, towns[-1] if towns else None, tuple(negated), len(spans), fuzzy, positions)


def _rank_here(toks: list[str], span: _Span) -> int:
    """Return the rank of a name where it stands: after "rue" it is a street, after "pharmacie du" a landmark."""
    i = span.start - 1
    while i >= 0 and toks[i] in _LINKS:
        i -= 1
    before = toks[i] if i >= 0 else ""
    after = toks[span.end] if span.end < len(toks) else ""
    if before in _STREET_WORDS or after in _STREET_AFTER:
        return min(span.rank, STREET)
    if before in _LANDMARK_WORDS:
        return min(span.rank, LANDMARK)
    return span.rank


# "Makepe, Kotto c'est mon bureau": a place said to be somewhere else of the customer's is not where the job is.
_ELSEWHERE = ("c est mon bureau", "c est mon travail", "c est mon boulot", "c est le bureau", "c est au bureau",
              "is my office", "na my office", "is where i work", "na where i dey work", "c est la ou je travaille")


def _elsewhere(toks: list[str], end: int) -> bool:
    after = " ".join(toks[end:end + 6])
    return after.startswith(_ELSEWHERE)


def _taken_back(toks: list[str], start: int, ends: set[int]) -> bool:
    i = start - 1
    if i >= 0 and toks[i] in _PREPOSITIONS:
        i -= 1
    if i < 0:
        return False
    if toks[i] in _TAKE_BACK or (toks[i] == "de" and i and toks[i - 1] in _TAKE_BACK):
        return True
    if toks[i] == "be" and i and toks[i - 1] == "no":
        return True
    if toks[i] not in _NEGATORS:
        return False
    return i == 0 or i in ends or toks[i - 1] in _BEFORE_NEGATOR


def _village_is_quartier(toks: list[str], start: int, original: str, before: list[_Span]) -> bool:
    prev = toks[start - 1] if start else ""
    # "Bonamoussadi Village", "Bonapriso village": the old village of a quartier is that quartier.
    if prev in _HOME_VILLAGE or any(s.end == start for s in before):
        return False
    if prev in _VILLAGE_OK or len(toks) <= 2:
        return True
    # Written with a capital inside a sentence, or opening it as a heading ("Village: ..."), it is the quartier.
    parts = original.split()
    return (any(p.startswith("Village") for p in parts[1:]) or bool(_VILLAGE_HEADING.match(original))
            or bool(_VILLAGE_TRAILING.search(original)) or bool(_VILLAGE_ALONE.search(original)))


def _fuzzy(tok: str, known_words: AbstractSet[str], *, relaxed: bool = False) -> str | None:
    """Return the quartier a misspelled word stands for, or None; common words are never places."""
    if len(tok) < (4 if relaxed else 5) or not tok.isalpha() or tok in known_words:
        return None
    min_length = 4 if relaxed else 5
    targets = _fuzzy_targets(min_length)
    limit = 1 if len(tok) <= (6 if relaxed else 7) else 2
    hit = process.extractOne(tok, _fuzzy_keys(min_length), scorer=OSA.distance, score_cutoff=limit)
    if hit is None or hit[0][0] != tok[0]:
        return None
    return targets[hit[0]]
