"""What matching says to providers and customers, in French and English (Pidgin speakers get simple English)."""

from core import clock
from core.catalog import service as catalog_service
from core.money import format_range
from core.service_requests.models import ServiceRequest
from core.texts.providers import PROVIDERS as TEXTS
from core.texts.providers import WHEN


def say(text: str, language: str, /, **values) -> str:
    """Return the text in language (French for anything but English), filled with values."""
    variants = TEXTS[text]
    return variants["en" if language == "en" else "fr"].format(**values)


def when_text(request: ServiceRequest, language: str) -> str:
    """Return when the job is wanted, in words."""
    lang = "en" if language == "en" else "fr"
    if request.scheduled_for is not None:
        return WHEN["scheduled"][lang].format(at=clock.format_local(request.scheduled_for))
    return WHEN["urgent" if request.urgency == "urgent" else "normal"][lang]


def service_name(request: ServiceRequest, language: str) -> str:
    """Return the request's service in language."""
    service = catalog_service(request.service_type)
    return service.name(language) if service else request.service_type


def price_range(request: ServiceRequest) -> str:
    """Return the indicative price range of the request."""
    return format_range(request.price_min, request.price_max)


def first_name(name: str) -> str:
    """Return the first word of a name (what customers are told)."""
    return (name or "").strip().split(" ")[0] or name
