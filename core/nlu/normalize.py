"""Normalisation of WhatsApp French, English and Pidgin: accents, SMS spellings, stretched letters."""

import re

from core.catalog.text import fold
from core.nlu.spelling import expand

_CLOCK = re.compile(r"(\d{1,2})\s*[:hH]\s*(\d{2})\b")
_SCORE = re.compile(r"\b([0-9])\s*/\s*(5|10)\b")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_GLUED_NUMBER = re.compile(r"\b(\d+)([a-z]{2,})\b")
_A_PLUS = re.compile(r"\b([aA])\s*\+")

# One SMS or slang spelling -> its plain form; values may hold several words.
SMS: dict[str, str] = {
    "slt": "salut", "bjr": "bonjour", "bjrs": "bonjour", "bjour": "bonjour", "bsr": "bonsoir", "bsoir": "bonsoir",
    "stp": "s il te plait", "svp": "s il vous plait", "svpl": "s il vous plait", "pb": "probleme",
    "pbm": "probleme", "pblm": "probleme", "prblm": "probleme", "prbl": "probleme", "pbs": "problemes",
    "qd": "quand", "qnd": "quand", "kan": "quand", "kand": "quand", "jveux": "je veux", "jve": "je veux",
    "jvx": "je veux", "jvoudrais": "je voudrais", "pr": "pour", "ds": "dans", "tjr": "toujours",
    "tjrs": "toujours", "tjs": "toujours", "mnt": "maintenant", "mtnt": "maintenant", "bcp": "beaucoup",
    "jsuis": "je suis", "jsui": "je suis", "chui": "je suis", "chuis": "je suis", "jss": "je suis",
    "mm": "meme", "tt": "tout", "ts": "tous", "ya": "il y a", "yа": "il y a", "g": "j ai", "jai": "j ai",
    "jaime": "j aime", "jannule": "j annule", "jannul": "j annule",
    "dun": "d un", "dune": "d une", "ke": "que", "ki": "qui", "koi": "quoi", "kwa": "quoi",
    "pq": "pourquoi", "dc": "donc", "ns": "nous", "vs": "vous", "jpeux": "je peux",
    "auj": "aujourd hui", "ajd": "aujourd hui", "aujd": "aujourd hui", "dem1": "demain", "dmain": "demain",
    "2main": "demain", "dmn": "demain", "rdv": "rendez vous", "dmd": "demande", "dmde": "demande",
    "dde": "demande", "dispo": "disponible", "nn": "non",
    "dpuis": "depuis", "dsl": "desole", "cmt": "comment", "cmnt": "comment", "qlq": "quelque",
    "qq": "quelque", "kel": "quel", "kelle": "quelle", "tro": "trop", "pa": "pas", "sa": "ca",
    "cv": "ca va", "jrnee": "journee", "jrne": "journee", "elec": "electricite",
    "pls": "please", "plz": "please", "pliz": "please", "plis": "please", "u": "you", "ur": "your",
    "r": "are", "2day": "today", "2dy": "today", "2moro": "tomorrow", "2mrw": "tomorrow", "tmrw": "tomorrow",
    "tmr": "tomorrow", "tomoro": "tomorrow", "tumoro": "tomorrow", "tumorow": "tomorrow", "tomorow": "tomorrow",
    "hw": "how", "wen": "when", "whr": "where", "wia": "where", "watin": "wetin", "wettin": "wetin",
    # Pidgin writes the progressive marker "dey" or "di": one spelling for the cue tables.
    "di": "dey", "commot": "comot", "komot": "comot", "nau": "now", "im": "i m",
    "dont": "don t", "doesnt": "doesn t", "didnt": "didn t", "cant": "can t", "wont": "won t",
    "isnt": "isn t", "thx": "thanks", "tks": "thanks", "tnx": "thanks", "msi": "merci", "mrc": "merci",
    "wc": "wc", "frigidaire": "frigo", "frigos": "frigo", "clims": "clim", "telé": "tele", "tv": "tele",
    "urgt": "urgent", "urgnt": "urgent", "urg": "urgent", "urgen": "urgent", "urjan": "urgent",
    "wknd": "weekend", "wkend": "weekend", "wkd": "weekend", "weekn": "weekend", "jpeu": "je peux", "jpe": "je peux",
    "jpx": "je peux", "jpourrai": "je pourrai", "jsp": "je sais pas", "jcrois": "je crois",
    "ok": "ok", "okay": "ok", "oki": "ok", "okk": "ok", "dac": "d accord", "dacc": "d accord", "dak": "d accord",
    "acc": "accord", "ptn": "",
}
# "c" before one of these is an elided "ce" ("c était"), otherwise SMS for "c est".
_C_VERBS = {"est", "etait", "sera", "serait", "etaient"}
_SMS_SPLIT = {k: tuple(v.split()) for k, v in SMS.items()}


def fold_text(text: str) -> str:
    """Return text lowercased and without accents, keeping clock times ("15h30") and scores ("4 sur 5")."""
    text = _CLOCK.sub(r" \1h\2 ", text)
    text = _SCORE.sub(r" \1 sur \2 ", text)
    text = _A_PLUS.sub(" a plus ", text)
    return fold(text)


# "mn frigo", "mn robinet": SMS "mon" before a word that can be a thing; "venez mn svp", "mn !" is "maintenant".
_AFTER_NOW = frozenset(
    "svp stp sil please plz pls la meme hein quoi et ou ok vite ca c je j il elle on nous vous car parce sinon pour"
    " avant apres merci chez a au aux dans ici pas plus non oui si mais svpl o oh eh abeg now".split())


# Words a single letter labels ("building C", "bloc M", "porte A"): the letter is no SMS word.
LABELLED = frozenset("building bloc block immeuble batiment porte villa appartement apartment flat entree entrance"
                     " escalier stair lot".split())


def _names_thing(word: str) -> bool:
    return bool(word) and word.isalpha() and word not in _AFTER_NOW


def tokens(text: str) -> list[str]:
    """Return the normalised words of a message, SMS spellings expanded and stretched letters shortened."""
    folded = _STRETCHED.sub(r"\1", fold_text(text))
    folded = _GLUED_NUMBER.sub(_unglue, folded)
    out: list[str] = []
    raw = folded.split()
    for i, word in enumerate(raw):
        # "c" alone is "c'est" in SMS French, "mn" after a number is minutes, before a thing "mon", else "maintenant".
        # ("building C", "bloc C": a label).
        if word == "c" and (i + 1 == len(raw) or raw[i + 1] not in _C_VERBS) and not (i and raw[i - 1] in LABELLED):
            out += ("c", "est")
        elif word == "mn":
            nxt = raw[i + 1] if i + 1 < len(raw) else ""
            out.append("minutes" if out and out[-1].isdigit() else "mon" if _names_thing(nxt) else "maintenant")
        elif (plain := expand(word, raw[i - 1] if i else "", raw[i + 1] if i + 1 < len(raw) else "")) is not None:
            out.extend(plain)
        else:
            out.extend(_SMS_SPLIT.get(word, (word,)))
    return out


def normalize(text: str) -> str:
    """Return the normalised message as one space-separated string."""
    return " ".join(tokens(text))


def _unglue(match: re.Match[str]) -> str:
    # "2h" and "15h30" stay whole (clock times); "2jours" or "3pm" become "2 jours", "3 pm".
    number, rest = match.group(1), match.group(2)
    if rest[0] == "h" and rest[1:].isdigit():
        return match.group(0)
    return f"{number} {rest}"
