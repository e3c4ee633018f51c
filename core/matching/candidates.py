"""Who may be offered a request: every hard rule as one SQL query, shared by ranking and by its explanation.

Urgent requests may go to providers outside their working hours (a burst pipe at 21:00 still needs someone);
they rank a little lower for it ("hours" part), and a provider who does not want such offers writes PAUSE. Other
requests only reach providers whose hours cover the wanted time (now, or the scheduled time).
"""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from core import clock
from core.catalog import quartier as find_quartier
from core.catalog import quartiers
from core.matching.models import Offer, OfferStatus
from core.matching.scoring import Candidate, distance_km
from core.providers.models import Provider, ProviderService, ProviderStatus, ProviderZone
from core.providers.service import ACTIVE_JOB_STATUSES
from core.service_requests.models import ServiceRequest

DOUALA_CENTRE = (4.05, 9.70)  # used only when a request has neither a pin nor a known quartier
_KM_PER_DEGREE = 111.32
_EARTH_KM = 6371.0088
# answered nothing last search: may be asked again in a new one
REOFFERABLE = (OfferStatus.EXPIRED, OfferStatus.WITHDRAWN)


@dataclass(frozen=True)
class Eligible:
    """The query of eligible providers for one request, with the columns ranking needs."""

    query: sa.Select
    lat: float
    lon: float
    radius_km: float
    columns: dict  # name -> SQL expression: distance_km, in_hours, active_jobs and the provider's figures


def request_point(request: ServiceRequest) -> tuple[float, float]:
    """Return where the job is: the customer's pin, else the centre of the quartier."""
    if request.lat is not None and request.lon is not None:
        return request.lat, request.lon
    place = find_quartier(request.quartier)
    return (place.lat, place.lon) if place else DOUALA_CENTRE


def in_working_hours(work_days: str, start: int, end: int, at: datetime) -> bool:
    """True when the Douala time `at` falls within these working days and hours (hours may span midnight)."""
    local = clock.local(at)
    if str(local.weekday()) not in (work_days or ""):
        return False
    if start <= end:
        return start <= local.hour < end
    return local.hour >= start or local.hour < end


def eligible(*, request: ServiceRequest, radius_km: float, now: datetime,
             search_started_at: datetime | None = None, among: sa.ColumnElement | None = None,
             pinned: bool | None = None) -> Eligible:
    """Build the query of providers this request may be offered to now, within radius_km or serving its quartier.

    Nobody is asked twice in one search (offers made since search_started_at) and nobody who declined or took
    it; a new search (retry, reassignment: search_started_at None) may ask again those whose offer only lapsed.
    `among` narrows the search to a few providers (ranking's bound), whose jobs are then counted one by one;
    `pinned` keeps only the providers with (True) or without (False) a map pin.
    """
    lat, lon = request_point(request)
    wanted_at = request.scheduled_for if request.scheduled_for and request.scheduled_for > now else now
    local = clock.local(wanted_at)
    km = _distance(lat, lon, homes=pinned is not True)
    holding = sa.and_(ServiceRequest.status.in_(ACTIVE_JOB_STATUSES),
                      ServiceRequest.provider_id.is_not(None))
    workload = None
    if among is None:  # thousands of rows: count every provider's jobs once
        workload = (sa.select(ServiceRequest.provider_id, sa.func.count().label("n")).where(holding)
                    .group_by(ServiceRequest.provider_id).subquery())
        active_jobs: sa.ColumnElement[Any] = sa.func.coalesce(workload.c.n, 0)
    else:  # a few rows: an index probe each is cheaper than counting everyone's jobs
        active_jobs = (sa.select(sa.func.count()).select_from(ServiceRequest)
                       .where(ServiceRequest.provider_id == Provider.id, holding).scalar_subquery())
    in_zone = sa.exists().where(ProviderZone.provider_id == Provider.id, ProviderZone.quartier == request.quartier)
    taken: sa.ColumnElement[bool] = Offer.status.not_in(REOFFERABLE)
    if search_started_at is not None:
        taken = sa.or_(taken, Offer.created_at >= search_started_at)
    offered_before = sa.exists().where(Offer.request_id == request.id, Offer.provider_id == Provider.id, taken)
    start, end, hour = Provider.work_start_hour, Provider.work_end_hour, local.hour
    in_hours = sa.and_(Provider.work_days.contains(str(local.weekday())),
                       sa.or_(sa.and_(start <= end, start <= hour, end > hour),
                              sa.and_(start > end, sa.or_(start <= hour, end > hour))))
    dlat = radius_km / _KM_PER_DEGREE
    dlon = radius_km / (_KM_PER_DEGREE * max(0.1, math.cos(math.radians(lat))))
    near = sa.or_(Provider.lat.is_(None),
                  sa.and_(Provider.lat.between(lat - dlat, lat + dlat),
                          Provider.lon.between(lon - dlon, lon + dlon)))
    columns = {"distance_km": km, "in_hours": sa.case((in_hours, 1), else_=0), "active_jobs": active_jobs}
    filters = [Provider.status == ProviderStatus.ACTIVE, Provider.verified.is_(True),
               Provider.available.is_(True), ~offered_before,
               active_jobs < Provider.max_concurrent_jobs,
               sa.or_(in_zone, sa.and_(near, km <= radius_km))]
    if request.urgency != "urgent":
        filters.append(in_hours)
    if pinned is not None:
        filters.insert(0, Provider.cell.is_not(None) if pinned else Provider.cell.is_(None))
    if among is not None:
        filters.insert(0, among)
    query = (sa.select(Provider.id, Provider.lat, Provider.lon, Provider.quartier, Provider.rating_sum,
                       Provider.rating_count, Provider.offers_received, Provider.offers_accepted, Provider.responses,
                       Provider.response_seconds_total, Provider.last_offered_at, Provider.max_concurrent_jobs,
                       *(expr.label(name) for name, expr in columns.items()))
             .join(ProviderService, sa.and_(ProviderService.provider_id == Provider.id,
                                            ProviderService.service_code == request.service_type))
             .where(*filters))
    if workload is not None:
        query = query.outerjoin(workload, workload.c.provider_id == Provider.id)
    return Eligible(query=query, lat=lat, lon=lon, radius_km=radius_km, columns=columns)


def candidate_from(row, lat: float, lon: float) -> Candidate:
    """Return the Candidate of one row of the eligible query (homeless providers placed where SQL placed them)."""
    p_lat, p_lon = row.lat, row.lon
    if p_lat is None or p_lon is None:
        home = find_quartier(row.quartier) if row.quartier else None
        p_lat, p_lon = (home.lat, home.lon) if home else (lat, lon)  # serves the quartier, home unknown: there
    return Candidate(
        id=row.id, lat=p_lat, lon=p_lon, rating_sum=row.rating_sum, rating_count=row.rating_count,
        offers_received=row.offers_received, offers_accepted=row.offers_accepted, responses=row.responses,
        response_seconds_total=row.response_seconds_total,
        last_offered_at=clock.as_utc(row.last_offered_at) if row.last_offered_at else None,
        max_concurrent_jobs=row.max_concurrent_jobs, active_jobs=row.active_jobs, in_hours=bool(row.in_hours))


def find_candidates(*, session: Session, request: ServiceRequest, radius_km: float, now: datetime,
                    search_started_at: datetime | None = None) -> list[Candidate]:
    """Return every provider this request may be offered to now (see eligible())."""
    chosen = eligible(request=request, radius_km=radius_km, now=now, search_started_at=search_started_at)
    return [candidate_from(row, chosen.lat, chosen.lon) for row in session.execute(chosen.query)]


def _distance(lat: float, lon: float, homes: bool = True) -> sa.ColumnElement:
    """Haversine from the point in SQL; providers without a pin are at their quartier's centre (NULL if unknown)."""
    pinned = _haversine_sql(Provider.lat, Provider.lon, lat, lon)
    if not homes:  # only pinned providers are asked for: no need for the quartiers
        return pinned
    centres = [(Provider.quartier == q.name, distance_km(lat, lon, q.lat, q.lon)) for q in quartiers()]
    return sa.case((Provider.lat.is_not(None), pinned), *centres, else_=sa.null())


def _haversine_sql(lat_column, lon_column, lat: float, lon: float) -> sa.ColumnElement:
    """Return the great-circle distance in km from the point to the columns' point, as an SQL expression."""
    dlat = sa.func.radians(lat_column - lat) / 2
    dlon = sa.func.radians(lon_column - lon) / 2
    a = (sa.func.sin(dlat) * sa.func.sin(dlat)
         + math.cos(math.radians(lat)) * sa.func.cos(sa.func.radians(lat_column))
         * sa.func.sin(dlon) * sa.func.sin(dlon))
    return 2 * _EARTH_KM * sa.func.asin(sa.func.sqrt(a))
