"""Spellings the tables do not list: SMS and Pidgin shorthand, and a sound-alike fallback for unknown words."""

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from core.nlu.phonetic import sound

# More SMS French and written Pidgin, one spelling -> its plain form (several words allowed).
SHORTHAND: dict[str, str] = {
    # French SMS
    "dm1": "demain", "2m1": "demain", "dmin": "demain", "demin": "demain", "a2m1": "a demain", "adm1": "a demain",
    "cmb": "combien", "cbn": "combien", "cbien": "combien", "combi1": "combien",
    "qqn": "quelqu un", "qqun": "quelqu un", "qlqn": "quelqu un", "kelk1": "quelqu un", "kelkun": "quelqu un",
    "kelkin": "quelqu un", "qq1": "quelqu un", "qqch": "quelque chose", "qqc": "quelque chose",
    "bne": "bonne", "bnne": "bonne", "bonn": "bonne", "mci": "merci", "mrci": "merci", "mersi": "merci",
    "merc": "merci", "mrcii": "merci", "plu": "plus", "jpa": "je peux pas", "jpeu": "je peux", "jveu": "je veux",
    "jvoudre": "je voudrais", "jvoudrai": "je voudrais", "vx": "veux", "veu": "veux", "bsoin": "besoin",
    "bsn": "besoin", "besoins": "besoin", "avc": "avec", "pcq": "parce que", "pck": "parce que", "pcke": "parce que",
    "jcp": "je sais pas", "tkt": "t inquiete pas", "keske": "qu est ce que", "kesk": "qu est ce que",
    "ske": "ce que", "koman": "comment", "komen": "comment", "komment": "comment", "apre": "apres",
    "apr": "apres", "jrs": "jours", "jr": "jour", "sem": "semaine", "aprm": "aprem", "apm": "aprem",
    "rapidmt": "rapidement", "vrmt": "vraiment", "msg": "message", "num": "numero",
    "tomb": "tomber", "ariv": "arrive", "arive": "arrive", "arivé": "arrive", "dehor": "dehors",
    "bloke": "bloque", "blok": "bloque", "devan": "devant", "ojourdhui": "aujourd hui", "ajourdui": "aujourd hui",
    "oj": "aujourd hui", "jamai": "jamais", "jamè": "jamais", "encor": "encore", "tjr": "toujours",
    "ds": "dans", "quan": "quand", "kant": "quand", "pourkoi": "pourquoi", "pkoi": "pourquoi",
    "reglé": "regle", "réglé": "regle", "cc": "coucou", "byebye": "bye bye", "bye2": "bye bye",
    "dak": "d accord", "dacor": "d accord", "daccord": "d accord", "okey": "ok", "okai": "ok",
    "fe": "fait", "fé": "fait", "jte": "je te", "jvs": "je vous", "jvous": "je vous", "jen": "j en",
    "jattend": "j attends",
    "jattends": "j attends", "jcherche": "je cherche", "jsais": "je sais", "jpense": "je pense",
    "vs": "vous", "nn": "non", "ui": "oui", "wi": "oui", "wai": "oui",
    # Written Pidgin and English chat
    "jpp": "j en peux plus", "jpeuplu": "j en peux plus", "repon": "repond", "persone": "personne",
    "wata": "water", "watá": "water", "dat": "that", "wat": "what", "wot": "what", "pipo": "people",
    "pple": "people", "ppl": "people", "tok": "talk", "tink": "think", "ting": "thing", "dere": "there",
    "wit": "with", "becos": "because", "bcos": "because", "bcoz": "because", "cuz": "because", "coz": "because",
    "cos": "because", "evri": "every", "oga": "boss", "moni": "money", "plenti": "plenty", "naw": "now",
    "dia": "there", "gud": "good", "gd": "good", "nite": "night", "nyt": "night", "morn": "morning",
    "mrng": "morning", "ty": "thank you", "tyvm": "thank you very much", "thnx": "thanks", "thks": "thanks",
    "thanx": "thanks", "tenks": "thanks", "bt": "but", "abt": "about",
    "wud": "would", "shud": "should", "cud": "could", "wana": "wan", "wanna": "wan", "gonna": "go",
    "gona": "go", "iam": "i am", "youre": "you re", "theyre": "they re", "whats": "what s",
    "thats": "that s", "hows": "how s", "ive": "i ve",
}
# "pk 8" or "PK12" is a quartier; "pk" before a word is "pourquoi".
_WHY = {"pk", "pq"}
# "bn" is "bonne" before a time of day or a wish ("bn nuit"), "bien" otherwise ("c bn").
_WISHES = {"nuit", "journee", "soiree", "fete", "fetes", "annee", "continuation", "week", "weekend", "apres", "fin",
           "matinee", "semaine", "chance", "sante", "route", "appetit"}
# "ma" is French ("ma clim") unless an English word follows ("ma plumber", "ma money"): then Pidgin for "my".
_ENGLISH_AFTER_MA = set(
    "money people request plumber electrician carpenter mason painter cleaner locksmith technician worker man guy"
    " bed shop house room phone car wife husband pikin brother sister friend friends landlord compound generator"
    " fridge freezer tap pipe sink toilet door window roof wall ceiling kitchen parlour bathroom gate fan iron"
    " own booking order family mama papa papa people boss dear sister guys customer neighbour neighbor water light"
    " bulb socket meter tank lock key keys engine cooker stove building office apartment flat store".split()
)
_FRENCH_AFTER_MA = {"light", "door", "water", "tank"}  # borrowed inside French grammar too ("ma light a go")
# "Sam" after these is a person; elsewhere SMS for "samedi" ("dispo sam?").
_PERSON = {"mr", "m", "monsieur", "tonton", "oncle", "frere", "my", "mon", "ma", "called", "appelle", "nom", "name",
           "c", "est", "is", "uncle", "brother", "avec", "with", "et", "and"}
_EST_NEXT = {"ou", "la", "pas", "fini", "finie", "gate", "gatee", "bouche", "bouchee", "bouchees", "casse", "cassee",
             "venu", "venue", "parti", "partie", "en", "tres", "trop", "toujours", "encore", "deja", "mort", "morte",
             "tombe", "tombee", "bloque", "bloquee", "ici", "arrive", "arrivee", "revenu", "revenue", "plus",
             "vraiment", "grave", "urgent", "normal", "cher", "gratuit", "possible", "quand", "comment", "bien", "bon",
             "propre"}
_CA_VERBS = {"fait", "va", "marche", "coule", "ne", "n", "y", "m", "me", "te", "suffit", "depend", "prend", "vient",
             "commence", "recommence", "continue", "chauffe", "sent", "fuit", "reste", "peut", "doit", "a", "c",
             "devient", "bloque", "gate", "dit", "presse", "urge", "tombe", "passe"}
_PIDGIN_BEFORE_MA = {"collect", "carry", "chop", "take", "fix", "for", "na", "don", "dey", "see", "check", "help",
                     "and", "to", "with", "wey", "in", "inside", "enter", "open", "paint", "clean", "wash"}

# "ma mère vit seule", "on vit dans le noir": "vit" after its subject is "lives"; elsewhere ("vnez vit") SMS "vite".
_LIVES_AFTER = {"on", "il", "elle", "qui", "mere", "pere", "maman", "papa", "famille", "femme", "mari", "soeur",
                "frere", "fille", "fils", "grand", "grande", "tante", "locataire", "ne", "n", "y", "se", "je", "tu",
                "et", "seul", "seule"}


def expand(word: str, prev: str, nxt: str) -> tuple[str, ...] | None:
    """Return the plain form of one shorthand word seen between prev and nxt, or None when it is no shorthand."""
    if word in _WHY:
        return None if nxt.isdigit() or not nxt else ("pourquoi",)
    if word == "bn":
        return ("bonne",) if nxt in _WISHES else ("bien",)
    if word == "pro" and prev in {"semaine", "sem", "mois", "fois", "annee"}:
        return ("prochaine",) if prev != "mois" else ("prochain",)
    if word == "ma" and nxt in _ENGLISH_AFTER_MA and (nxt not in _FRENCH_AFTER_MA or prev in _PIDGIN_BEFORE_MA):
        return ("my",)
    if word == "sa":  # "sa fait 2h" is "ça"; "sa peinture" is the possessive
        return ("ca",) if nxt in _CA_VERBS or not nxt else ("sa",)
    if word == "e" and nxt in _EST_NEXT:  # "le plombier é où ?": SMS "est" (Pidgin "e" is "it", before verbs)
        return ("est",)
    if word == "sm" and nxt in {"pro", "prochaine"}:  # "la sm pro"
        return ("semaine",)
    if word == "pro" and prev == "sm":
        return ("prochaine",)
    if word == "vit" and prev in _LIVES_AFTER:
        return ("habite",)
    if word == "sam" and prev not in _PERSON:
        return ("samedi",)
    if (plain := SHORTHAND.get(word)) is not None:
        return tuple(plain.split())
    return None


# Sound-alike folding: unknown words are matched to known ones by how they sound in French SMS ("ariv", "bloké",
# "dehor", "apré"): qu/c/k merge, doubled letters collapse, verb endings and silent final letters drop.
_ENDINGS = re.compile(r"(?:aient|ais|ait|ai|ez|er|et|ee|es|(?<=[^i]..)ent)$")
_HARD_C = re.compile(r"c(?![eiy])")
_REPEAT = re.compile(r"(.)\1+")
_SILENT = set("stxdzhe")


def sound_key(word: str) -> str:
    """Return the sound-alike key of a folded word."""
    w = _ENDINGS.sub("e", word) if len(word) > 4 else word
    w = w.replace("qu", "k").replace("ph", "f").replace("eau", "o").replace("y", "i")
    w = _REPEAT.sub(r"\1", _HARD_C.sub("k", w))
    while len(w) > 3 and w[-1] in _SILENT:
        w = w[:-1]
    return w

# Real words that sound like a cue word but mean something else ("elle se plaint" is no "plainte").
_REAL_WORDS = frozenset("plaint plains market respond metre ouvre machin machins etage etages mets".split())


def _within(short: str, long: str) -> bool:
    """Return whether short is long with letters left out ("pindr" in "peindre"; not "joint" in "joiner")."""
    rest = iter(long)
    return all(c in rest for c in short)


class Respeller:
    """Maps unknown words to the known word that sounds the same, when exactly one close word does."""

    def __init__(
        self, vocabulary: Iterable[str], protected: Iterable[str] = (), sound_targets: Iterable[str] = ()
    ) -> None:
        self._known = frozenset(vocabulary)
        self._protected = frozenset(protected) | _REAL_WORDS
        by_key: dict[str, list[str]] = {}
        for word in self._known:
            if len(word) >= 4 and word.isalpha():
                key = sound_key(word)
                if len(key) >= 4:
                    by_key.setdefault(key, []).append(word)
        self._by_key = by_key
        # Second ear, for trade and time words only: the French-aware sound key ("pindr" = peindre, "kouran" = courant).
        by_sound: dict[str, list[str]] = {}
        for word in sorted(set(sound_targets)):
            if len(word) >= 4 and word.isalpha() and len(key := sound(word)) >= 3:
                by_sound.setdefault(key, []).append(word)
        self._by_sound = by_sound
        self.lookup = lru_cache(maxsize=20_000)(self._lookup)

    def _lookup(self, word: str) -> str:
        if len(word) < 3 or not word.isalpha() or word in self._known or word in self._protected:
            return word
        candidates = self._by_key.get(sound_key(word))
        if not candidates:
            return self._sounds_like(word)
        # Among spellings of one sound ("bloque", "bloquer"), the closest written form, then the shortest.
        best = min(candidates, key=lambda c: (Levenshtein.distance(word, c), len(c), c))
        # SMS drops letters ("ariv", "dehor") or writes "k" for "qu"; a word as long as a known one is rather an
        # inflection of its own ("entrer", "chambres", "showed") and stays as written.
        shorter = len(word) < len(best) or (len(word) == len(best) and "k" in word and "k" not in best)
        return best if shorter and len(best) - len(word) <= 2 and best[0] == word[0] else self._sounds_like(word)

    def _sounds_like(self, word: str) -> str:
        """Return the known word said the same way as an SMS spelling of 4+ letters, else the word itself."""
        if len(word) < 3:
            return word
        candidates = self._by_sound.get(sound(word))
        if not candidates:
            return word
        best = min(candidates, key=lambda c: (Levenshtein.distance(word, c), len(c), c))
        # SMS drops letters or writes k/z/w for c/s/oi; a word as long as the trade word is a word of its own.
        extra = set(word) - set(best)
        sms = (len(word) < len(best) and _within(word, best)) or (bool(extra) and extra <= set("kzw"))
        return best if sms and Levenshtein.distance(word, best) <= max(2, len(best) // 2) else word

    def respell(self, toks: list[str], skip: Iterable[int] = ()) -> list[str]:
        """Return the tokens with unknown words replaced by their sound-alike known word (skip: positions kept)."""
        keep = set(skip)
        return [tok if i in keep else self.lookup(tok) for i, tok in enumerate(toks)]
