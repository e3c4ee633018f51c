"""The few things the messaging layer itself says to people, in French and English."""

from core.texts.messaging import MESSAGING as TEXTS


def say(name: str, language: str) -> str:
    """Return the text name in language (French when the language is not known)."""
    variants = TEXTS[name]
    return variants.get(language, variants["fr"])
