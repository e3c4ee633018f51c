"""An upper bound on a pinned provider's score that the index (cell, quality) answers, so ranking reads few rows.

score = distance + quality + (workload + fairness + hours) parts, weighted. Quality is stored per provider with
the default weights (other weights scale it by at most `ratio`); the distance part is at most that of the
nearest point of the provider's map cell; the last three parts are at most their weights. The index gives the
providers of nearby cells good enough for their ring of cells; the exact distance then drops most of them
before any join.
"""

import math
from functools import lru_cache

import sqlalchemy as sa

from core.db import table_of
from core.matching.scoring import distance_km
from core.providers.models import Provider
from core.providers.quality import CELL_ROW, CELLS_PER_DEGREE, QUALITY_WEIGHTS

QUALITY_MAX = sum(QUALITY_WEIGHTS.values())  # each part is at most 1 (ratings 1-5, accepted <= received)
_SLACK = 1e-6  # floating-point differences between the stored quality and the score computed in SQL
_RINGS = 12  # cells grouped in rings by distance, one OR branch each (the bound is looser by 1/12 of the distance)
_EVERYBODY = -1e9
_KM_PER_DEGREE = 111.32
_EARTH_KM = 6371.0088


class ProviderBound:
    """For one request point, radius and weights: the SQL condition met by whoever may reach a score level."""

    def __init__(self, point: tuple[float, float], radius_km: float, used: dict[str, float]) -> None:
        self.point, self.radius_km = point, radius_km
        self.distance_weight = used["distance"] if radius_km > 0 else 0.0
        self.ratio = max(used[name] / weight for name, weight in QUALITY_WEIGHTS.items())
        self.rest = used["workload"] + used["fairness"] + used["hours"]
        self.best_quality = min(self.ratio * QUALITY_MAX, sum(used[name] for name in QUALITY_WEIGHTS))
        self.zone_floor = self.best_quality + self.rest  # the best score of anyone beyond the radius
        self.highest = self.distance_weight + self.zone_floor
        self.cells = _cells_within(point[0], point[1], radius_km)  # cell -> how near its nearest point is, km
        self._width = radius_km / _RINGS if radius_km > 0 else 1.0
        self.rings: list[list[int]] = [[] for _ in range(_RINGS)]
        for cell, nearest_km in self.cells.items():
            self.rings[min(_RINGS - 1, int(nearest_km / self._width))].append(cell)
        self.condition = PROMISING if self.cells else sa.false()

    def params(self, level: float) -> dict:
        """Return the parameters of the condition for `level`: rings' cells and the quality each needs."""
        lat, lon = self.point
        found: dict = {"bound_lat": lat, "bound_lon": lon, "bound_cos_lat": math.cos(math.radians(lat)),
                       "bound_ratio": self.ratio, "bound_distance": self.distance_weight,
                       "bound_distance_per_km": self.distance_weight / self.radius_km if self.radius_km > 0 else 0.0,
                       "bound_rest_of_level": level - _SLACK - self.rest}
        for ring, cells in enumerate(self.rings):
            distance = self.distance_weight * max(0.0, 1 - ring * self._width / self.radius_km)
            needed = level - _SLACK - self.rest - distance  # from quality
            hopeless = needed > self.best_quality
            found[f"ring{ring}_cells"] = [] if hopeless else cells
            found[f"ring{ring}_quality"] = needed / self.ratio if self.ratio > 0 else _EVERYBODY
        return found


def _promising() -> sa.ColumnElement:
    """Build, once, the condition "the provider may reach the level" (every figure is a parameter)."""
    near = table_of(Provider).alias("near")
    reach = sa.or_(*(sa.and_(
        near.c.cell.in_(sa.bindparam(f"ring{ring}_cells", expanding=True, literal_execute=True)),
        near.c.quality >= sa.bindparam(f"ring{ring}_quality", type_=sa.Float)) for ring in range(_RINGS)))
    real = sa.Float
    dlat = sa.func.radians(near.c.lat - sa.bindparam("bound_lat", type_=real)) / 2
    dlon = sa.func.radians(near.c.lon - sa.bindparam("bound_lon", type_=real)) / 2
    haversine = (sa.func.sin(dlat) * sa.func.sin(dlat) + sa.bindparam("bound_cos_lat", type_=real)
                 * sa.func.cos(sa.func.radians(near.c.lat)) * sa.func.sin(dlon) * sa.func.sin(dlon))
    km = 2 * _EARTH_KM * sa.func.asin(sa.func.sqrt(haversine))
    # The same bound with the exact distance (beyond the radius it goes below 0: those are out anyway)
    exact = (sa.bindparam("bound_ratio", type_=real) * near.c.quality + sa.bindparam("bound_distance", type_=real)
             - sa.bindparam("bound_distance_per_km", type_=real) * km
             >= sa.bindparam("bound_rest_of_level", type_=real))
    # A subquery of its own, with nothing else in it, so that SQLite too starts from the index (cell, quality)
    return Provider.id.in_(sa.select(near.c.id).where(reach, exact))


PROMISING = _promising()


@lru_cache(maxsize=256)  # requests come from a few dozen quartier centres
def _cells_within(lat: float, lon: float, radius_km: float) -> dict[int, float]:
    """Return the cells any point of which is within radius_km, with a lower bound of their distance in km."""
    if radius_km <= 0:
        return {}
    step = 1 / CELLS_PER_DEGREE
    dlat = radius_km / _KM_PER_DEGREE + step
    dlon = radius_km / (_KM_PER_DEGREE * max(0.1, math.cos(math.radians(abs(lat) + dlat)))) + step
    cells = {}
    for row in range(round((lat - dlat) * CELLS_PER_DEGREE), round((lat + dlat) * CELLS_PER_DEGREE) + 1):
        south, north = (row - 0.5) * step, (row + 0.5) * step
        for col in range(round((lon - dlon) * CELLS_PER_DEGREE), round((lon + dlon) * CELLS_PER_DEGREE) + 1):
            west, east = (col - 0.5) * step, (col + 0.5) * step
            near = distance_km(lat, lon, min(max(lat, south), north), min(max(lon, west), east))
            near = max(0.0, near * 0.99 - 0.01)  # the nearest point on a sphere is off by metres: stay below
            if near <= radius_km:
                cells[row * CELL_ROW + col] = near
    return cells
