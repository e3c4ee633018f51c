"""Catalogue data: the services Djobea books and the Douala gazetteer."""

from core.catalog.gazetteer import (
    OUTSIDE_DOUALA,
    Quartier,
    haversine_km,
    map_link,
    nearest_quartier,
    outside_names,
    place_names,
    quartier,
    quartiers,
)
from core.catalog.services import Service, service, service_codes, services
from core.catalog.text import fold

__all__ = [
    "OUTSIDE_DOUALA",
    "Quartier",
    "Service",
    "fold",
    "haversine_km",
    "map_link",
    "nearest_quartier",
    "outside_names",
    "place_names",
    "quartier",
    "quartiers",
    "service",
    "service_codes",
    "services",
]
