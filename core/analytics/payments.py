"""The admin's view of money: transactions, commission kept, and what each provider is owed."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from core.payments.ledger import platform_commission
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest as R

PAYMENT_STATUSES = tuple(PaymentStatus)


@dataclass(frozen=True)
class Transaction:
    """One payment as the admin's list shows it."""

    payment: Payment
    reference: str
    provider: str


@dataclass(frozen=True)
class MoneyTotals:
    """Collected amounts and commission over successful payments (whole XAF)."""

    collected: int
    commission: int
    payments: int
    commission_kept: int


@dataclass(frozen=True)
class Balance:
    """What one provider is owed (positive) or owes (negative), in whole XAF."""

    id: int
    name: str
    phone: str
    balance: int


def transactions(*, session: Session, status: str = "", page: int = 1,
                 page_size: int = 25) -> tuple[list[Transaction], int]:
    """Return one page of payments (newest first) with request reference and provider name, and the total."""
    where = [Payment.status == status] if status else []
    total = int(session.exec(select(sa.func.count()).select_from(Payment).where(*where)).one())
    rows = session.exec(select(Payment, R.reference, Provider.name)
                        .join(R, R.id == Payment.request_id).join(Provider, Provider.id == Payment.provider_id)
                        .where(*where).order_by(Payment.created_at.desc(), Payment.id.desc())
                        .offset((max(1, page) - 1) * page_size).limit(page_size)).all()
    return [Transaction(p, ref, name) for p, ref, name in rows], total


def totals(*, session: Session) -> MoneyTotals:
    """Return collected amounts and commission over successful payments, and the commission kept after refunds."""
    amount, commission, count = session.exec(
        select(sa.func.coalesce(sa.func.sum(Payment.amount), 0), sa.func.coalesce(sa.func.sum(Payment.commission), 0),
               sa.func.count(Payment.id)).where(Payment.status == PaymentStatus.SUCCESS)).one()
    return MoneyTotals(collected=int(amount), commission=int(commission), payments=int(count),
                       commission_kept=platform_commission(session=session))


def balances(*, session: Session) -> list[Balance]:
    """Return every provider with a non-zero balance (sum of their ledger), largest first."""
    balance = sa.func.sum(LedgerEntry.amount)
    rows = session.exec(select(Provider.id, Provider.name, Provider.phone, balance)
                        .join(Provider, Provider.id == LedgerEntry.provider_id)
                        .group_by(Provider.id, Provider.name, Provider.phone)
                        .having(balance != 0).order_by(balance.desc(), Provider.id)).all()
    return [Balance(pid, name, phone, int(b)) for pid, name, phone, b in rows]
