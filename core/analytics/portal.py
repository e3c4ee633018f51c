"""What the provider portal reads: only ever the signed-in provider's own offers, jobs, ratings and money."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from core.db import stored_id
from core.matching.models import Offer, OfferStatus
from core.payments.ledger import provider_balance
from core.payments.models import LedgerEntry, Payment
from core.providers.models import Provider, Rating
from core.service_requests import lifecycle
from core.service_requests.models import RequestStatus
from core.service_requests.models import ServiceRequest as R


@dataclass(frozen=True)
class LedgerLine:
    """One movement of the provider's balance, with the job and payment behind an earning (None otherwise)."""

    entry: LedgerEntry
    job: str  # the request's reference, "" when the entry has no payment
    paid: int | None
    commission: int | None


@dataclass(frozen=True)
class Earnings:
    """The provider's money: balance owed, totals earned, paid out and refunded (whole XAF), the latest entries."""

    balance: int
    earned: int
    paid_out: int
    refunded: int
    entries: list[LedgerEntry]
    lines: list[LedgerLine]


def own_offer(*, session: Session, provider: Provider, offer_id: int) -> Offer | None:
    """Return the offer if it was made to this provider, else None (another provider's id is simply not found)."""
    offer = session.get(Offer, offer_id)
    return offer if offer is not None and offer.provider_id == provider.id else None


def own_job(*, session: Session, provider: Provider, request_id: int) -> R | None:
    """Return the request if it is (or was) this provider's job, or is offered to them now; else None."""
    request = session.get(R, request_id)
    if request is None:
        return None
    if request.provider_id == provider.id:
        return request
    offered = session.exec(select(Offer.id).where(Offer.request_id == request_id, Offer.provider_id == provider.id,
                                                  Offer.status == OfferStatus.PENDING)).first()
    return request if offered is not None and request.status == RequestStatus.OFFERED else None


def history(*, session: Session, provider: Provider, limit: int = 50) -> list[R]:
    """Return the provider's closed jobs (completed or cancelled after assignment), newest first."""
    return list(session.exec(select(R).where(R.provider_id == provider.id,
                                             R.status.in_(lifecycle.CLOSED_STATUSES))
                             .order_by(R.updated_at.desc()).limit(limit)))


def ratings(*, session: Session, provider: Provider, limit: int = 50) -> list[tuple[Rating, str]]:
    """Return the ratings the provider received with the job reference, newest first."""
    return list(session.exec(select(Rating, R.reference).join(R, R.id == Rating.request_id)
                             .where(Rating.provider_id == provider.id)
                             .order_by(Rating.created_at.desc()).limit(limit)).all())


def earnings(*, session: Session, provider: Provider, limit: int = 100) -> Earnings:
    """Return the balance owed, totals earned and paid out, and the latest ledger entries."""
    totals = dict(session.exec(select(LedgerEntry.kind, sa.func.sum(LedgerEntry.amount))
                               .where(LedgerEntry.provider_id == provider.id).group_by(LedgerEntry.kind)).all())
    rows = session.exec(select(LedgerEntry, Payment, R.reference)
                        .join(Payment, Payment.id == LedgerEntry.payment_id, isouter=True)
                        .join(R, R.id == Payment.request_id, isouter=True)
                        .where(LedgerEntry.provider_id == provider.id)
                        .order_by(LedgerEntry.created_at.desc(), LedgerEntry.id.desc())
                        .limit(limit)).all()
    entries = [entry for entry, _, _ in rows]
    lines = [LedgerLine(entry=entry, job=reference or "", paid=payment.amount if payment else None,
                        commission=payment.commission if payment else None) for entry, payment, reference in rows]
    return Earnings(balance=provider_balance(session=session, provider_id=stored_id(provider)),
                    earned=int(totals.get("earning", 0) or 0), paid_out=-int(totals.get("payout", 0) or 0),
                    refunded=-int(totals.get("refund", 0) or 0), entries=entries, lines=lines)
