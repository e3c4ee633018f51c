"""The admin's view of providers: list, performance, applications to verify (reads only)."""


from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from core.db import stored_id
from core.payments.ledger import provider_balance
from core.payments.models import LedgerEntry
from core.providers.models import (
    ApplicationStatus,
    Provider,
    ProviderApplication,
    ProviderService,
    ProviderStatus,
    ProviderZone,
)
from core.providers.service import ACTIVE_JOB_STATUSES, acceptance_rate
from core.service_requests.models import ServiceRequest as R


@dataclass(frozen=True)
class ProviderRow:
    """One provider in the admin's list, with the trades they offer."""

    provider: Provider
    trades: list[str]


@dataclass(frozen=True)
class Performance:
    """A provider's record as the admin sees it (money in whole XAF)."""

    acceptance: float | None  # share of offers accepted, None before the first offer
    acceptance_smoothed: float  # what matching ranks by
    offers: int
    jobs_completed: int
    open_jobs: int
    rating: float | None
    ratings: int
    earned: int
    paid_out: int
    balance: int


def provider_rows(*, session: Session, text: str = "", status: str = "") -> list[ProviderRow]:
    """Return providers (name or phone search, status filter) with their trades, best rated first."""
    query = select(Provider)
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(sa.or_(Provider.name.ilike(like), Provider.phone.like(like)))
    if status:
        query = query.where(Provider.status == status)
    providers = list(session.exec(query.order_by(Provider.name).limit(500)))
    trades = _trades(session, [p.id for p in providers])
    return [ProviderRow(p, trades.get(stored_id(p), [])) for p in providers]


def _trades(session: Session, ids: list) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    if ids:
        for pid, code in session.exec(select(ProviderService.provider_id, ProviderService.service_code)
                                      .where(ProviderService.provider_id.in_(ids))):
            result.setdefault(pid, []).append(code)
    return result


def trades_and_zones(*, session: Session, provider_id: int) -> tuple[list[str], list[str]]:
    """Return the provider's trade codes and quartiers."""
    trades = sorted(session.exec(select(ProviderService.service_code)
                                 .where(ProviderService.provider_id == provider_id)))
    zones = sorted(session.exec(select(ProviderZone.quartier).where(ProviderZone.provider_id == provider_id)))
    return list(trades), list(zones)


def performance(*, session: Session, provider: Provider) -> Performance:
    """Return acceptance rate, jobs, rating, earnings and balance, straight from the database."""
    earned = session.exec(select(sa.func.coalesce(sa.func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.provider_id == provider.id, LedgerEntry.kind == "earning")).one()
    paid_out = session.exec(select(sa.func.coalesce(sa.func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.provider_id == provider.id, LedgerEntry.kind == "payout")).one()
    open_jobs = session.exec(select(sa.func.count()).select_from(R).where(
        R.provider_id == provider.id, R.status.in_(ACTIVE_JOB_STATUSES))).one()
    received = provider.offers_received
    return Performance(
        acceptance=(provider.offers_accepted / received) if received else None,
        acceptance_smoothed=acceptance_rate(provider),
        offers=received, jobs_completed=provider.jobs_completed, open_jobs=int(open_jobs),
        rating=provider.rating, ratings=provider.rating_count,
        earned=int(earned), paid_out=-int(paid_out),
        balance=provider_balance(session=session, provider_id=stored_id(provider)),
    )


def pending_applications(*, session: Session) -> list[ProviderApplication]:
    """Return the applications waiting for verification, oldest first."""
    return list(session.exec(select(ProviderApplication).where(ProviderApplication.status == ApplicationStatus.PENDING)
                             .order_by(ProviderApplication.created_at)))


def providers_for_service(*, session: Session, service_code: str, limit: int = 300) -> list[Provider]:
    """Return active providers offering the service, by name (the admin's choice when reassigning)."""
    return list(session.exec(select(Provider).join(ProviderService, ProviderService.provider_id == Provider.id)
                             .where(Provider.status == ProviderStatus.ACTIVE,
                                    ProviderService.service_code == service_code)
                             .order_by(Provider.name).limit(limit)))
