"""Monetbil's notifications: verified by signature, confirmed with checkPayment, applied once.

A notification (or the signed return from Monetbil's page) is only a hint. Its signature must match; then
checkPayment (network, outside any transaction) says what really happened. Monetbil's own clients read only
`transaction.status` and `transaction.testmode` there, so a success is applied with the amount and currency of the
signed notification, and checkPayment's own amount, currency or payment_ref are compared only when it gives them.
A success is final: duplicates change nothing and a late "failed" never downgrades it. A test-mode payment is never
booked as real money on a live service key.
"""

from sqlmodel import Session, select

from core import clock
from core.config import settings
from core.db import get_existing, session_scope, stored_id
from core.logs import log
from core.messaging.addresses import provider_conversation
from core.messaging.outbox import enqueue
from core.payments import monetbil
from core.payments.ledger import record_earning
from core.payments.models import Payment, PaymentStatus
from core.payments.records import customer_conversation, entries, lock_payment, note, payment_by_ref
from core.payments.texts import text
from core.phones import InvalidPhone, normalize_phone
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest
from core.service_requests.service import record_event

PAID = (PaymentStatus.SUCCESS, PaymentStatus.REFUNDED)
SIGNED = ("notification", "return")  # trail entries whose fields Monetbil signed


def handle_notification(params: dict[str, str], *, kind: str = "notification") -> str:
    """Process one signed notification (or return); "rejected" (bad or missing sign, nothing changed) or "received".

    kind "return" keeps the transaction id for reconciliation without asking checkPayment at once.
    """
    payment_ref = str(params.get("payment_ref", ""))[:40]
    if not monetbil.verify_signature(params, monetbil.notification_secret()):
        log.warning(f"monetbil {kind} rejected: bad or missing signature", payment_ref=payment_ref,
                    signed=bool(params.get("sign")))
        return "rejected"
    transaction_id = str(params.get("transaction_id", "")).strip()[:64]
    with session_scope() as session:
        payment = payment_by_ref(session=session, payment_ref=payment_ref, lock=True)
        if payment is None:
            log.warning(f"monetbil {kind} for an unknown payment", payment_ref=payment_ref)
            return "received"
        if kind == "return" and transaction_id and signed_fields(payment, transaction_id):
            return "received"  # the customer reloaded the return page: known already
        note(payment, kind, fields={k: v for k, v in params.items() if k != "sign"})
        if transaction_id and payment.status not in PAID and (kind == "notification" or not payment.transaction_id):
            payment.transaction_id = transaction_id
            payment.operator = str(params.get("mobile_operator_name") or params.get("operator") or "")[:30]
            payment.payer = _payer(params) or payment.payer
        session.add(payment)
        payment_id = stored_id(payment)
    if transaction_id and kind == "notification":
        check_and_apply(payment_id=payment_id, transaction_id=transaction_id, source="notification")
    return "received"


def check_and_apply(*, payment_id: int, transaction_id: str, source: str) -> str:
    """Ask checkPayment about the transaction and apply what it confirms; return the payment's status."""
    try:
        check = monetbil.check_payment(transaction_id)
    except monetbil.MonetbilError as exc:
        with session_scope() as session:
            payment = lock_payment(session=session, payment_id=payment_id)
            assert payment is not None  # payments are never deleted
            payment.last_checked_at, payment.last_error = clock.now(), f"checkPayment: {exc}"[:500]
            session.add(payment)
            log.warning("checkPayment failed; reconciliation will ask again", payment_ref=payment.payment_ref)
            return payment.status
    with session_scope() as session:
        payment = lock_payment(session=session, payment_id=payment_id)
        assert payment is not None  # payments are never deleted
        payment.last_checked_at = clock.now()
        note(payment, "check", source=source, transaction_id=transaction_id, status=check.status, test=check.test,
             amount=check.amount, currency=check.currency)
        signed = signed_fields(payment, transaction_id)
        problem, foreign = _mismatch(session=session, payment=payment, check=check, signed=signed,
                                     transaction_id=transaction_id)
        if problem:
            payment.last_error = problem[:500]
            if foreign and payment.transaction_id == transaction_id and payment.status not in PAID:
                payment.transaction_id = ""  # not a payment of ours: stop reconciliation asking about it
            session.add(payment)
            log.warning("payment not confirmed", payment_ref=payment.payment_ref, problem=problem)
            return payment.status
        if (check.test or monetbil.is_set(signed.get("testmode"))) and not settings.monetbil_test_mode:
            _hold_test_payment(session=session, payment=payment, status=check.status, transaction_id=transaction_id)
            return payment.status
        apply_outcome(session=session, payment=payment, status=check.status, transaction_id=transaction_id)
        return payment.status


def signed_fields(payment: Payment, transaction_id: str) -> dict:
    """Return the fields of the latest signed notification (or return) about this transaction; {} if none."""
    for entry in reversed(payment.notifications or []):
        fields = entry.get("fields") if isinstance(entry, dict) and entry.get("kind") in SIGNED else None
        if isinstance(fields, dict) and str(fields.get("transaction_id", "")).strip() == transaction_id:
            return fields
    return {}


def apply_outcome(*, session: Session, payment: Payment, status: str, transaction_id: str) -> None:
    """Apply a confirmed status to a locked payment: idempotent, and a success is never downgraded."""
    if payment.status in PAID:
        if status != PaymentStatus.SUCCESS or transaction_id != payment.transaction_id:
            note(payment, "ignored", status=status, transaction_id=transaction_id, why="payment already succeeded")
        session.add(payment)
        return
    request = session.exec(select(ServiceRequest).where(ServiceRequest.id == payment.request_id)
                           .with_for_update()).one()
    if status == PaymentStatus.SUCCESS:
        _succeed(session=session, payment=payment, request=request, transaction_id=transaction_id)
    elif status in (PaymentStatus.FAILED, PaymentStatus.CANCELLED) and payment.status != status:
        payment.status, payment.updated_at, payment.last_error = PaymentStatus(status), clock.now(), ""
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
    payment.status, payment.paid_at, payment.updated_at = PaymentStatus.SUCCESS, now, now
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


def _mismatch(*, session: Session, payment: Payment, check: monetbil.Check, signed: dict,
              transaction_id: str) -> tuple[str, bool]:
    """Return (why the check cannot be applied, whether the transaction is surely not this payment's); ("", False).

    A field checkPayment does not return is never held against the payment: the success waits for a signed
    notification that gives the amount and currency instead.
    """
    if check.status == "unknown":
        return f"checkPayment does not confirm transaction {transaction_id}", False
    if check.payment_ref and check.payment_ref != payment.payment_ref:
        return f"transaction {transaction_id} belongs to another payment", True
    if check.amount is not None and check.amount != payment.amount:
        return f"amount mismatch: Monetbil says {check.amount}, expected {payment.amount}", True
    if check.currency and check.currency != payment.currency:
        return f"currency mismatch: Monetbil says {check.currency}, expected {payment.currency}", True
    if check.status != PaymentStatus.SUCCESS:
        return "", False
    amount = check.amount if check.amount is not None else monetbil.parse_amount(signed.get("amount"))
    currency = check.currency or str(signed.get("currency") or "").strip().upper()
    if amount is None or not currency:
        return (f"checkPayment confirms transaction {transaction_id}; waiting for Monetbil's signed notification "
                f"to give its amount and currency"), False
    if amount != payment.amount:
        return f"amount mismatch: the notification says {amount}, expected {payment.amount}", True
    if currency != payment.currency:
        return f"currency mismatch: the notification says {currency}, expected {payment.currency}", True
    used = session.exec(select(Payment.payment_ref).where(Payment.transaction_id == transaction_id,
                                                          Payment.id != payment.id,
                                                          Payment.status.in_(PAID))).first()
    if used:
        return f"transaction {transaction_id} already paid {used}", True
    return "", False


def _hold_test_payment(*, session: Session, payment: Payment, status: str, transaction_id: str) -> None:
    """A test-mode transaction on a live service key: keep the payment pending, tell the admins once, no receipt."""
    why = (f"Monetbil reports transaction {transaction_id} as a test-mode payment ({status}) on a live service key: "
           f"no money was received, the payment stays pending")
    first = not any(e.get("transaction_id") == transaction_id for e in entries(payment, "test_payment"))
    note(payment, "test_payment", transaction_id=transaction_id, status=status)
    payment.last_error = why[:500]
    if payment.transaction_id == transaction_id and payment.status not in PAID:
        payment.transaction_id = ""  # not money: reconciliation stops asking, the customer's link stays valid
    session.add(payment)
    if first and status == PaymentStatus.SUCCESS:
        request = get_existing(session, ServiceRequest, payment.request_id)
        record_event(session=session, request=request, actor="system", kind="alert",
                     detail={"reason": "monetbil_test_payment", "payment_ref": payment.payment_ref,
                             "transaction_id": transaction_id, "why": why})
    log.error("test-mode Monetbil payment on a live service key: not booked", payment_ref=payment.payment_ref,
              transaction_id=transaction_id, status=status)


def _payer(params: dict[str, str]) -> str:
    """Return the number that paid, from msisdn (monetbil-php's notify.php) or phone, in E.164 when it is one."""
    raw = str(params.get("msisdn") or params.get("phone") or "").strip()
    if not raw:
        return ""
    try:
        return normalize_phone(raw)
    except InvalidPhone:
        return raw[:20]
