"""What customers and providers read about payments, in French and English (Pidgin speakers get simple English)."""

from core.catalog import service as catalog_service
from core.money import format_xaf
from core.texts.payments import PAYMENTS as _TEXTS


def text(name: str, language: str, *, service_type: str = "", **values: object) -> str:
    """Return the message name in language ("en" or French), amounts given as ints shown as FCFA."""
    lang = "en" if language == "en" else "fr"
    found = catalog_service(service_type) if service_type else None
    shown = {k: format_xaf(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
    shown["service"] = found.name(lang) if found else service_type
    return _TEXTS[name][lang].format(**shown)
