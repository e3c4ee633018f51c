"""One catalogue for every text a person reads, French and English for each key."""

import string
from collections.abc import Mapping

from core.texts.bot import BOT, STATUS_WORDS
from core.texts.codes import CODES
from core.texts.errors import ERRORS
from core.texts.messaging import MESSAGING
from core.texts.pages import PAGES_EN
from core.texts.payments import PAYMENTS
from core.texts.providers import PROVIDERS, WHEN

LANGUAGES = ("fr", "en")

Entry = Mapping[str, str | list[str]]

TABLES: dict[str, Mapping[str, Entry]] = {
    "bot": BOT, "bot_status": STATUS_WORDS, "provider": PROVIDERS, "provider_when": WHEN, "payment": PAYMENTS,
    "messaging": MESSAGING, "code": CODES, "error": ERRORS,
    "page": {french: {"fr": french, "en": english} for french, english in PAGES_EN.items()},
}


def lang_of(language: str) -> str:
    """Return "en" for English, else "fr" (Pidgin speakers are answered in simple English upstream)."""
    return "en" if language == "en" else "fr"


def word(key: str, language: str, /, **values: object) -> str:
    """Return the code or error text key in language, filled with values; the key's last part when unknown."""
    entry = CODES.get(key) or ERRORS.get(key)
    if entry is None:
        return key.rsplit(".", 1)[-1]
    value = entry[lang_of(language)]
    assert isinstance(value, str)
    return value.format(**values) if values else value


def known(key: str) -> bool:
    """Return whether the code or error key has words in the catalogue."""
    return key in CODES or key in ERRORS


def page_text(french: str, language: str) -> str:
    """Return a page text (its French is the key) in language."""
    return PAGES_EN.get(french, french) if language == "en" else french


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def problems() -> list[str]:
    """Return every missing or empty translation and every placeholder that one language has and another lacks."""
    found = []
    for table, entries in TABLES.items():
        for key, entry in entries.items():
            variants = {}
            for lang in LANGUAGES:
                value = entry.get(lang)
                texts = value if isinstance(value, list) else [value]
                if not texts or any(not isinstance(v, str) or not v.strip() for v in texts):
                    found.append(f"{table}:{key}: no {lang} text")
                    continue
                variants[lang] = [_fields(v) for v in texts if isinstance(v, str)]
            if len(variants) == len(LANGUAGES):
                union = set().union(*(f for fs in variants.values() for f in fs))
                for lang, fields in variants.items():
                    if any(f != union for f in fields):
                        found.append(f"{table}:{key}: {lang} lacks one of {sorted(union)}")
    return found
