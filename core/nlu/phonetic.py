"""A French-aware sound key: spellings that sound alike in Douala SMS ("mézon", "maison"; "vilaj", "village") meet."""

import re
from functools import lru_cache

# Applied in order to a folded (lowercase, accent-free) word; capitals are placeholders later rules leave alone.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(?<=[a-z])1|^1(?=[a-z])", "in"),  # SMS "combi1", "vi1", "kelk1"
        (r"ien", "iin"),
        (r"ph", "f"),
        (r"ch(?=[^aeiouy])", "k"),  # "technicien"
        (r"(?:sch|sh|ch)", "X"),
        (r"qu|ck|q", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"gu(?=[eiy])", "G"),
        (r"g(?=[eiy])", "j"),
        (r"ge(?=[aou])", "j"),
        (r"(?<=[aeiou])ill|(?<=[aeiou])il$", "Y"),  # "travaille" said "travaye"
        (r"eaux?|au", "o"),
        (r"oi|oy", "wa"),
        (r"ou", "u"),
        (r"w", "u"),
        (r"(?:ai|ei)(?=[^nm]|$)", "e"),
        (r"y", "i"),
        (r"(?:ain|ein|aim)", "in"),
        (r"en(?=[^aeiouin]|$)|em(?=[bp])", "an"),
        (r"z", "s"),
        (r"(?<![sX])h", ""),
    )
)
_REPEAT = re.compile(r"(.)\1+")
# Silent endings, in order: plural, mute e, silent consonant, then the "-er/-ez/-et" of verbs and nouns.
_ENDINGS = (re.compile(r"[sx]$"), re.compile(r"e$"), re.compile(r"[tds]$"), re.compile(r"e[rs]$|et$"))
# A mute "e" between consonants ("carrefour" said "carfour", "samedi" said "samdi").
_MUTE_E = re.compile(r"(?<=[^aeiou])e(?=[^aeiou])")
_WORDLIKE = re.compile(r"^[a-z1]*[a-z][a-z1]*$")


@lru_cache(maxsize=50_000)
def sound(word: str) -> str:
    """Return the sound key of one folded word ("palmiers" and "palmié" both give "palmi")."""
    if not _WORDLIKE.match(word):
        return word
    w = word
    for pattern, replacement in _RULES:
        w = pattern.sub(replacement, w)
    for ending in _ENDINGS:
        if len(w) > 3:
            w = ending.sub("", w)
    w = _REPEAT.sub(r"\1", w)
    if len(w) > 3:
        w = _MUTE_E.sub("", w)
    return w.replace("Y", "i").lower() or word


def sound_phrase(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Return the sound keys of a sequence of folded words."""
    return tuple(sound(w) for w in words)
