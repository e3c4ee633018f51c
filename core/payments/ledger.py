"""The providers' ledger: what Djobea owes each provider, payouts made, and refunds.

A provider's balance is the sum of their entries: "earning" (+payout_amount of a successful payment), "payout"
(-amount paid to them) and "refund" (-their share of a refund). The platform's commission is not in the ledger:
it is Payment.commission of each successful payment, less the platform's share of refunds (kept in the payment's
trail), so the ledger only ever speaks of money owed to providers.
"""

import sqlalchemy as sa
from sqlmodel import Session, func, select

from core.db import stored_id
from core.money import format_xaf
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.payments.records import entries, lock_payment, note
from core.providers.models import Provider
from core.rules.models import AuditEntry
from core.texts.errors import UserError


def _whole(amount: object, name: str = "amount") -> int:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"{name} must be a whole number of XAF (int)")
    return amount


def provider_balance(*, session: Session, provider_id: int) -> int:
    """Return what Djobea owes the provider now: the sum of their ledger entries, in XAF."""
    total = session.exec(select(func.coalesce(func.sum(LedgerEntry.amount), 0))
                         .where(LedgerEntry.provider_id == provider_id)).one()
    return int(total)


def record_earning(*, session: Session, payment: Payment) -> LedgerEntry | None:
    """Credit the provider with the payment's payout once; None if already credited."""
    existing = session.exec(select(LedgerEntry.id).where(LedgerEntry.payment_id == payment.id,
                                                         LedgerEntry.kind == "earning")).first()
    if existing is not None:
        return None
    entry = LedgerEntry(provider_id=payment.provider_id, payment_id=payment.id, kind="earning",
                        amount=_whole(payment.payout_amount), reference=payment.payment_ref)
    session.add(entry)
    return entry


def record_payout(*, session: Session, provider_id: int, amount: int, reference: str, actor: str) -> LedgerEntry:
    """Record money paid out to the provider; raise ValueError for a non-positive amount or more than owed."""
    _whole(amount)
    if amount <= 0:
        raise UserError("error.payout_positive", "a payout must be more than 0 FCFA")
    # Lock the provider so two admins cannot both pay out the same balance.
    provider = session.exec(select(Provider).where(Provider.id == provider_id).with_for_update()).first()
    if provider is None:
        raise UserError("error.unknown_provider", f"no provider {provider_id}")
    balance = provider_balance(session=session, provider_id=provider_id)
    if amount > balance:
        raise UserError("error.payout_over_balance", f"cannot pay out {amount} XAF: the balance is {balance} XAF",
                        amount=format_xaf(amount), balance=format_xaf(balance))
    entry = LedgerEntry(provider_id=provider_id, kind="payout", amount=-amount, reference=reference[:120],
                        created_by=actor[:120])
    session.add(entry)
    session.add(AuditEntry(actor=actor, action="payout.record", target=f"provider:{provider_id}",
                           detail={"amount": amount, "reference": reference}))
    session.flush()
    return entry


def refunded_amount(payment: Payment) -> int:
    """Return how much of the payment has been refunded to the customer so far."""
    return sum(int(e.get("amount", 0)) for e in entries(payment, "refund"))


def refund(*, session: Session, payment: Payment, reason: str, actor: str, amount: int | None = None) -> LedgerEntry:
    """Record a refund (all that remains by default) and take the provider's share off their balance.

    The provider bears the refund in proportion to their payout, rounded down on the running total, so a full
    refund takes back exactly payout_amount and the platform gives back exactly its commission.
    """
    if not reason.strip():
        raise UserError("error.refund_reason", "a refund needs a reason")
    locked = lock_payment(session=session, payment_id=stored_id(payment))
    if locked is None or locked.status not in (PaymentStatus.SUCCESS, PaymentStatus.REFUNDED):
        raise UserError("error.refund_not_paid", "only a successful payment can be refunded")
    already = refunded_amount(locked)
    remaining = locked.amount - already
    amount = remaining if amount is None else _whole(amount)
    if amount <= 0 or amount > remaining:
        raise UserError("error.refund_amount", f"the refund must be between 1 and {remaining} XAF",
                        remaining=format_xaf(remaining))
    provider_before = already * locked.payout_amount // locked.amount
    provider_after = (already + amount) * locked.payout_amount // locked.amount
    provider_part = provider_after - provider_before
    note(locked, "refund", amount=amount, provider_part=provider_part, reason=reason, actor=actor)
    if already + amount == locked.amount:
        locked.status = PaymentStatus.REFUNDED
    session.add(locked)
    entry = LedgerEntry(provider_id=locked.provider_id, payment_id=locked.id, kind="refund", amount=-provider_part,
                        reference=locked.payment_ref, note=reason[:500], created_by=actor[:120])
    session.add(entry)
    session.add(AuditEntry(actor=actor, action="payment.refund", target=locked.payment_ref,
                           detail={"amount": amount, "provider_part": provider_part, "reason": reason}))
    session.flush()
    return entry


def platform_commission(*, session: Session) -> int:
    """Return the commission Djobea has kept: commissions of paid payments less the platform's share of refunds."""
    paid = sa.or_(Payment.status == PaymentStatus.SUCCESS, Payment.status == PaymentStatus.REFUNDED)
    kept = 0
    for payment in session.exec(select(Payment).where(paid)):
        refunded = refunded_amount(payment)
        provider_share = sum(int(e.get("provider_part", 0)) for e in entries(payment, "refund"))
        kept += payment.commission - (refunded - provider_share)
    return kept
