"""The Douala gazetteer: quartiers with coordinates, spelling variants, sub-areas and landmarks."""

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from core.catalog.text import fold

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Quartier:
    """A neighbourhood of Douala: canonical name, approximate centre, aliases and the places inside it."""

    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    subareas: tuple[str, ...] = ()


@cache
def _raw() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("gazetteer.json").read_text(encoding="utf-8"))


@cache
def quartiers() -> list[Quartier]:
    """Return every quartier of the gazetteer."""
    return [
        Quartier(q["name"], q["lat"], q["lon"], tuple(q["aliases"]), tuple(q["subareas"])) for q in _raw()["quartiers"]
    ]


@cache
def place_names() -> dict[str, Quartier]:
    """Return every folded name, alias and sub-area mapped to its quartier (canonical names win on clashes)."""
    index: dict[str, Quartier] = {}
    for q in quartiers():
        for variant in (*q.subareas, *q.aliases):
            index.setdefault(fold(variant), q)
    for q in quartiers():
        index[fold(q.name)] = q
    return index


def quartier(name: str) -> Quartier | None:
    """Return the quartier named, by canonical name, alias or sub-area, ignoring case and accents."""
    return place_names().get(fold(name))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def map_link(lat: float, lon: float) -> str:
    """Return a link that opens the point in the phone's maps app."""
    return f"https://maps.google.com/?q={lat:.6f},{lon:.6f}"


def nearest_quartier(lat: float, lon: float) -> Quartier:
    """Return the quartier whose centre is closest to the point."""
    return min(quartiers(), key=lambda q: haversine_km(lat, lon, q.lat, q.lon))


@cache
def outside_names() -> dict[str, str]:
    """Return folded names and spellings of Cameroonian towns outside Douala, mapped to their proper name."""
    names = {fold(town): town for town in _raw()["outside_douala"]}
    names.update({fold(alias): town for alias, town in _raw()["outside_aliases"].items()})
    return names


OUTSIDE_DOUALA: list[str] = list(_raw()["outside_douala"])
