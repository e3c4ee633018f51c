"""Reply texts in French and English: short, warm, a few emojis at most, several variants where natural."""

from core.catalog import service as catalog_service
from core.texts.bot import BOT as TEXTS
from core.texts.bot import STATUS_WORDS


def render(key: str, language: str, turn: int = 0, **values: object) -> str:
    """Return the text for key in language, the variant picked by turn so the same turn reads the same."""
    variants = TEXTS[key]["en" if language == "en" else "fr"]
    return variants[turn % len(variants)].format(**values)


def service_name(code: str | None, language: str) -> str:
    """Return the service's name in the language, lower-cased for use inside a sentence."""
    service = catalog_service(code or "")
    if service is None:
        return code or ""
    name = service.name(language)
    return name[0].lower() + name[1:]


def status_words(status: str, language: str) -> str:
    """Return the status said in words."""
    return STATUS_WORDS.get(status, {}).get("en" if language == "en" else "fr", status)
