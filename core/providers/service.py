"""Provider availability, ratings, counters and the statistics matching ranks them by."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core import clock
from core.db import stored_id
from core.providers.models import Provider, Rating
from core.providers.quality import ACCEPTANCE_PRIOR, RATING_PRIOR_MEAN, RATING_PRIOR_WEIGHT
from core.service_requests.models import RequestStatus, ServiceRequest

ACTIVE_JOB_STATUSES = (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)


def bayesian_rating(provider: Provider) -> float:
    """Return the rating shrunk towards the prior, so one 5-star job does not beat eighty 4.7s."""
    return ((RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT + provider.rating_sum)
            / (RATING_PRIOR_WEIGHT + provider.rating_count))


def acceptance_rate(provider: Provider) -> float:
    """Return the smoothed share of offers the provider accepted (0-1)."""
    accepted, received = ACCEPTANCE_PRIOR
    return (provider.offers_accepted + accepted) / (provider.offers_received + received)


def mean_response_seconds(provider: Provider, prior_seconds: float = 300.0, prior_weight: int = 2) -> float:
    """Return the smoothed mean time the provider takes to answer an offer."""
    return ((provider.response_seconds_total + prior_seconds * prior_weight)
            / (provider.responses + prior_weight))


def active_jobs(*, session: Session, provider_id: int) -> int:
    """Return how many requests the provider holds that are assigned or in progress."""
    query = select(sa.func.count()).select_from(ServiceRequest).where(
        ServiceRequest.provider_id == provider_id,
        ServiceRequest.status.in_(ACTIVE_JOB_STATUSES))
    return int(session.exec(query).one())


def bump_counters(*, session: Session, provider_id: int, last_offered_at: datetime | None = None,
                  **deltas: int) -> None:
    """Add deltas to the provider's counters in SQL, so concurrent updates never overwrite each other."""
    values: dict = {name: getattr(Provider, name) + delta for name, delta in deltas.items() if delta}
    if last_offered_at is not None:
        values["last_offered_at"] = last_offered_at
    if not values:
        return
    values["updated_at"] = clock.now()
    session.execute(sa.update(Provider).where(Provider.id == provider_id).values(**values)
                    .execution_options(synchronize_session=False))
    provider = session.get(Provider, provider_id)
    if provider is not None:
        session.expire(provider, [*deltas, "last_offered_at", "updated_at", "quality"])


def set_availability(*, session: Session, provider: Provider, available: bool) -> Provider:
    """Switch the provider between receiving offers and pause."""
    if provider.available != available:
        provider.available = available
        provider.updated_at = clock.now()
        session.add(provider)
        session.flush()
    return provider


def record_rating(*, session: Session, request: ServiceRequest, stars: int, comment: str = "") -> Rating:
    """Store the customer's 1-5 rating of a completed job once; a second call returns the first unchanged."""
    existing = session.exec(select(Rating).where(Rating.request_id == request.id)).first()
    if existing is not None:
        return existing
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise ValueError("a rating is a whole number of stars from 1 to 5")
    if request.provider_id is None or request.status != RequestStatus.COMPLETED:
        raise ValueError("only a completed job can be rated")
    rating = Rating(request_id=stored_id(request), provider_id=request.provider_id, customer_id=request.customer_id,
                    stars=stars, comment=(comment or "").strip()[:1000])
    try:
        with session.begin_nested():
            session.add(rating)
            session.flush()
    except IntegrityError:  # the same rating arrived twice at once: the other copy won
        return session.exec(select(Rating).where(Rating.request_id == request.id)).one()
    bump_counters(session=session, provider_id=request.provider_id, rating_sum=stars, rating_count=1)
    return rating


def provider_stats(provider: Provider) -> dict:
    """Return the figures admins and the provider's page show: rating, acceptance, response time."""
    return {
        "rating": provider.rating, "bayesian_rating": round(bayesian_rating(provider), 2),
        "ratings": provider.rating_count, "jobs_completed": provider.jobs_completed,
        "acceptance_rate": round(acceptance_rate(provider), 3),
        "mean_response_seconds": round(mean_response_seconds(provider)),
        "offers_received": provider.offers_received,
    }
