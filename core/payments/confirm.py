"""Monetbil's notifications: verified by signature, confirmed with checkPayment, applied once.

A notification is only a hint. Its signature must match; then checkPayment (network, outside any transaction) says
what really happened, and its amount and currency must match the payment before anything changes. A success is
final: duplicates change nothing and a late "failed" never downgrades it.
"""

from sqlmodel import Session, select

from core import clock
from core.conversations.service import provider_conversation
from core.db import session_scope
from core.logs import log
from core.messaging.outbox import enqueue
from core.payments import monetbil
from core.payments.ledger import record_earning
from core.payments.models import Payment
from core.payments.records import customer_conversation, lock_payment, note, payment_by_ref
from core.payments.texts import text
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest
from core.service_requests.service import record_event

PAID = ("success", "refunded")


def handle_notification(params: dict[str, str]) -> str:
    """Process one notification; return "rejected" (bad or missing signature, nothing changed) or "received"."""
    payment_ref = str(params.get("payment_ref", ""))[:40]
    if not monetbil.verify_signature(params, monetbil.notification_secret()):
        log.warning("monetbil notification rejected: bad or missing signature", payment_ref=payment_ref,
                    signed=bool(params.get("sign")))
        return "rejected"
    transaction_id = str(params.get("transaction_id", "")).strip()[:64]
    with session_scope() as session:
        payment = payment_by_ref(session=session, payment_ref=payment_ref, lock=True)
        if payment is None:
            log.warning("monetbil notification for an unknown payment", payment_ref=payment_ref)
            return "received"
        note(payment, "notification", fields={k: v for k, v in params.items() if k != "sign"})
        if transaction_id and payment.status not in PAID:
            payment.transaction_id = transaction_id
            payment.operator = str(params.get("operator", ""))[:30]
        session.add(payment)
        payment_id = payment.id
    if transaction_id:
        check_and_apply(payment_id=payment_id, transaction_id=transaction_id, source="notification")
    return "received"


def check_and_apply(*, payment_id: int, transaction_id: str, source: str) -> str:
    """Ask checkPayment about the transaction and apply what it confirms; return the payment's status."""
    try:
        check = monetbil.check_payment(transaction_id)
    except monetbil.MonetbilError as exc:
        with session_scope() as session:
            payment = lock_payment(session=session, payment_id=payment_id)
            payment.last_checked_at, payment.last_error = clock.now(), f"checkPayment: {exc}"[:500]
            session.add(payment)
            log.warning("checkPayment failed; reconciliation will ask again", payment_ref=payment.payment_ref)
            return payment.status
    with session_scope() as session:
        payment = lock_payment(session=session, payment_id=payment_id)
        payment.last_checked_at = clock.now()
        note(payment, "check", source=source, transaction_id=transaction_id, status=check.status,
             amount=check.amount, currency=check.currency)
        problem = _mismatch(session=session, payment=payment, check=check, transaction_id=transaction_id)
        if problem:
            payment.last_error = problem[:500]
            if check.status != "unknown" and payment.transaction_id == transaction_id and payment.status not in PAID:
                payment.transaction_id = ""  # not a payment of ours: stop reconciliation asking about it
            session.add(payment)
            log.warning("payment not confirmed", payment_ref=payment.payment_ref, problem=problem)
            return payment.status
        apply_outcome(session=session, payment=payment, status=check.status, transaction_id=transaction_id)
        return payment.status


def apply_outcome(*, session: Session, payment: Payment, status: str, transaction_id: str) -> None:
    """Apply a confirmed status to a locked payment: idempotent, and a success is never downgraded."""
    if payment.status in PAID:
        if status != "success" or transaction_id != payment.transaction_id:
            note(payment, "ignored", status=status, transaction_id=transaction_id, why="payment already succeeded")
        session.add(payment)
        return
    request = session.exec(select(ServiceRequest).where(ServiceRequest.id == payment.request_id)
                           .with_for_update()).one()
    if status == "success":
        _succeed(session=session, payment=payment, request=request, transaction_id=transaction_id)
    elif status in ("failed", "cancelled") and payment.status != status:
        payment.status, payment.updated_at, payment.last_error = status, clock.now(), ""
        session.add(payment)
        conversation = customer_conversation(session=session, request=request)
        if conversation is not None:
            enqueue(session=session, conversation=conversation, kind="update",
                    body=text("failed", request.language, reference=request.reference, amount=payment.amount),
                    dedupe_key=f"payment:{payment.id}:failed")


def _succeed(*, session: Session, payment: Payment, request: ServiceRequest, transaction_id: str) -> None:
    other = session.exec(select(Payment).where(Payment.request_id == request.id, Payment.id != payment.id,
                                               Payment.status.in_(PAID))).first()
    if other is not None:
        # Never two successful payments for one job: leave this one for an admin to refund.
        payment.last_error = f"request already paid by {other.payment_ref}: refund this payment"
        session.add(payment)
        log.error("second payment for an already paid request", payment_ref=payment.payment_ref)
        return
    now = clock.now()
    payment.status, payment.paid_at, payment.updated_at = "success", now, now
    payment.transaction_id, payment.last_error = transaction_id, ""
    session.add(payment)
    record_earning(session=session, payment=payment)
    if request.paid_at is None:
        request.paid_at = now
        session.add(request)
    record_event(session=session, request=request, actor="system", kind="paid",
                 detail={"payment_ref": payment.payment_ref, "amount": payment.amount,
                         "commission": payment.commission, "payout": payment.payout_amount})
    conversation = customer_conversation(session=session, request=request)
    if conversation is not None:
        enqueue(session=session, conversation=conversation, kind="update",
                body=text("receipt_customer", request.language, service_type=request.service_type,
                          reference=request.reference, amount=payment.amount),
                dedupe_key=f"payment:{payment.id}:receipt:customer")
    provider = session.get(Provider, payment.provider_id)
    if provider is not None:
        enqueue(session=session, conversation=provider_conversation(session=session, provider=provider),
                kind="update", dedupe_key=f"payment:{payment.id}:receipt:provider",
                body=text("receipt_provider", provider.language, reference=request.reference,
                          amount=payment.amount, commission=payment.commission, payout=payment.payout_amount))
    session.flush()


def _mismatch(*, session: Session, payment: Payment, check: monetbil.Check, transaction_id: str) -> str:
    if check.status == "unknown":
        return f"checkPayment does not confirm transaction {transaction_id}"
    if check.payment_ref and check.payment_ref != payment.payment_ref:
        return f"transaction {transaction_id} belongs to another payment"
    if check.status == "success" or check.amount is not None:
        if check.amount != payment.amount:
            return f"amount mismatch: Monetbil says {check.amount}, expected {payment.amount}"
    if (check.status == "success" or check.currency) and check.currency != payment.currency:
        return f"currency mismatch: Monetbil says {check.currency or 'nothing'}, expected {payment.currency}"
    if check.status == "success":
        used = session.exec(select(Payment.payment_ref).where(Payment.transaction_id == transaction_id,
                                                              Payment.id != payment.id,
                                                              Payment.status.in_(PAID))).first()
        if used:
            return f"transaction {transaction_id} already paid {used}"
    return ""
