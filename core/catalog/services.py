"""The service catalogue: codes, French and English names, price ranges in XAF, typical problems."""

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Service:
    """One kind of job Djobea books, with its indicative price range in XAF."""

    code: str
    name_fr: str
    name_en: str
    price_min: int
    price_max: int
    problems_fr: list[str]
    problems_en: list[str]

    def name(self, language: str) -> str:
        """Return the name in "fr" or "en"."""
        return self.name_en if language == "en" else self.name_fr


@cache
def services() -> list[Service]:
    """Return every service of the catalogue, in catalogue order."""
    raw = json.loads(resources.files(__package__).joinpath("services.json").read_text(encoding="utf-8"))
    return [Service(**item) for item in raw["services"]]


@cache
def _by_code() -> dict[str, Service]:
    return {s.code: s for s in services()}


def service(code: str) -> Service | None:
    """Return the service with this code, or None."""
    return _by_code().get(code)


def service_codes() -> tuple[str, ...]:
    """Return the codes of all services."""
    return tuple(_by_code())
