"""Payments of finished jobs: created on completion, links asked of Monetbil by a sweep, lost notifications reconciled.

The Monetbil call never happens inside a request's transaction: completion only writes a pending Payment without
a URL, and `send_due_links` (scheduled) asks for the link, retrying with backoff, then messages the customer.
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.config import settings
from core.customers.models import Customer
from core.db import get_existing, session_scope, stored_id
from core.fleet import stopping
from core.logs import log
from core.messaging.conversations import Case, CaseStatus
from core.messaging.outbox import enqueue
from core.money import percent_of
from core.payments import monetbil, sandbox
from core.payments.confirm import check_and_apply, handle_notification
from core.payments.models import Payment, PaymentStatus
from core.payments.records import customer_conversation, entries, lock_payment, note
from core.payments.texts import text
from core.references import random_reference
from core.rules.service import rule
from core.service_requests.lifecycle import Transition
from core.service_requests.models import ServiceRequest

__all__ = ["create_payment", "handle_notification", "note_return", "on_request_completed", "reconcile_pending",
           "send_due_links", "send_payment_link"]

BATCH = 50
LINK_BACKOFF_FIRST = timedelta(seconds=5)  # doubled after each failure, up to LINK_BACKOFF_MAX
LINK_BACKOFF_MAX = timedelta(minutes=5)
TELL_DELAY_AFTER = 3  # failed link attempts before the customer hears the link is coming
PENDING_GRACE = timedelta(minutes=3)  # a notification normally arrives well within this
RECHECK_EVERY = timedelta(minutes=2)
STALE_LINK_AFTER = timedelta(hours=24)  # an unused link with no transaction is renewed once a day
MAX_AUTO_LINKS = 3
GIVE_UP_AFTER = timedelta(days=7)  # older pending payments are left to admins


def on_request_completed(*, session: Session, request: ServiceRequest, step: Transition, actor: str,
                         detail: dict) -> None:
    """Hook on "completed": write a pending payment (no network here; the link sweep asks Monetbil)."""
    if not request.final_price or request.provider_id is None:
        log.info("completed without a final price or provider: no payment yet", request=request.reference)
        return
    existing = session.exec(select(Payment.id).where(
        Payment.request_id == request.id, Payment.status.in_(
            (PaymentStatus.PENDING, PaymentStatus.SUCCESS, PaymentStatus.REFUNDED)))).first()
    if existing is None:
        create_payment(session=session, request=request)


def create_payment(*, session: Session, request: ServiceRequest) -> Payment:
    """Write a pending payment of the request's final price, with commission and payout in whole XAF."""
    amount = request.final_price
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ValueError("the request needs a final price (whole XAF, more than 0) before payment")
    if request.provider_id is None:
        raise ValueError("the request has no provider to pay")
    percent = rule("commission_percent", session=session)
    assert isinstance(percent, int), "commission_percent must be a whole number"
    commission = percent_of(amount, percent)
    customer = session.get(Customer, request.customer_id)
    payment = Payment(payment_ref=_new_payment_ref(session=session), request_id=stored_id(request),
                      customer_id=request.customer_id, provider_id=request.provider_id, amount=amount,
                      commission=commission, payout_amount=amount - commission,
                      phone=(customer.phone or customer.contact_phone or "") if customer else "",
                      is_demo=request.is_demo)
    session.add(payment)
    session.flush()
    return payment


def send_payment_link(*, session: Session, request: ServiceRequest) -> Payment:
    """Get the customer a (fresh) link: reuse the pending payment, or open a new one after a failure.

    Returns the request's successful payment unchanged when it is already paid (check payment.status).
    """
    session.exec(select(ServiceRequest.id).where(ServiceRequest.id == request.id).with_for_update()).first()
    payments = list(session.exec(select(Payment).where(Payment.request_id == request.id)
                                 .order_by(Payment.id.desc())))
    paid = next((p for p in payments if p.status in (PaymentStatus.SUCCESS, PaymentStatus.REFUNDED)), None)
    if paid is not None:
        return paid
    pending = next((p for p in payments if p.status == PaymentStatus.PENDING), None)
    if pending is not None and pending.amount != request.final_price:
        pending.status = PaymentStatus.CANCELLED  # the price changed: this link asks for the wrong amount
        note(pending, "superseded", new_price=request.final_price)
        session.add(pending)
        pending = None
    if pending is None:
        return create_payment(session=session, request=request)
    pending.payment_url, pending.link_attempts, pending.last_error = "", 0, ""
    pending.updated_at = clock.now()
    session.add(pending)
    session.flush()
    return pending


def price_disputed(*, session: Session, request_id: int) -> bool:
    """True while the customer's dispute of the request's final price waits for the team (the link is held)."""
    return session.exec(select(Case.id).where(Case.request_id == request_id, Case.kind == "price",
                                              Case.status == CaseStatus.OPEN)).first() is not None


def send_due_links() -> int:
    """Scheduled: ask Monetbil (or the sandbox) for the links still missing and message them; return how many."""
    now = clock.now()
    with session_scope() as session:
        waiting = session.exec(select(Payment).where(Payment.status == PaymentStatus.PENDING, Payment.payment_url == "")
                               .order_by(Payment.updated_at).limit(BATCH))
        due = [stored_id(p) for p in waiting if p.link_attempts == 0 or now >= p.updated_at + _backoff(p.link_attempts)]
    sent = 0
    for payment_id in due:
        if stopping.requested():  # SIGTERM: the rest is still due, for the next sweep of any process
            break
        sent += _send_link(payment_id)
    return sent


def reconcile_pending() -> int:
    """Scheduled: ask checkPayment about payments left pending; renew links unused for long. Return how many."""
    now = clock.now()
    with session_scope() as session:
        to_check = list(session.exec(select(Payment.id, Payment.transaction_id).where(
            Payment.status == PaymentStatus.PENDING, Payment.transaction_id != "",
            Payment.created_at <= now - PENDING_GRACE,
            Payment.created_at >= now - GIVE_UP_AFTER,
            sa.or_(Payment.last_checked_at.is_(None), Payment.last_checked_at <= now - RECHECK_EVERY),
        ).limit(BATCH)))
        renewed = 0
        stale = session.exec(select(Payment).where(Payment.status == PaymentStatus.PENDING,
                                                   Payment.transaction_id == "", Payment.payment_url != "")
                             .limit(BATCH))
        for payment in stale:
            links = entries(payment, "link")
            last = clock.as_utc(datetime.fromisoformat(links[-1]["at"])) if links else payment.updated_at
            if len(links) < MAX_AUTO_LINKS and now - last >= STALE_LINK_AFTER:
                payment.payment_url, payment.link_attempts, payment.updated_at = "", 0, now
                session.add(payment)
                renewed += 1
    checked = 0
    for payment_id, transaction_id in to_check:
        if stopping.requested():  # SIGTERM: the others are checked by the next sweep of any process
            break
        check_and_apply(payment_id=payment_id, transaction_id=transaction_id, source="reconcile")
        checked += 1
    return checked + renewed


def note_return(params: dict[str, str]) -> str:
    """Keep what Monetbil's signed return gives (its transaction id) so reconciliation can confirm a lost notification.

    Checked like a notification: "rejected" for a missing or wrong sign, which changes nothing; else "received".
    """
    return handle_notification(params, kind="return")


def _send_link(payment_id: int) -> bool:
    with session_scope() as session:
        payment = session.get(Payment, payment_id)
        if payment is None or payment.status != PaymentStatus.PENDING or payment.payment_url:
            return False
        if price_disputed(session=session, request_id=payment.request_id):
            return False  # the customer contests the price: the link waits for the team
        request = get_existing(session, ServiceRequest, payment.request_id)
        fields = _widget_fields(session=session, payment=payment, request=request)
        payment_ref = payment.payment_ref
    error = ""
    try:
        url = monetbil.request_widget_url(fields) if settings.monetbil_enabled else sandbox.payment_url(payment_ref)
    except monetbil.MonetbilError as exc:
        url, error = "", str(exc)
    with session_scope() as session:
        payment = lock_payment(session=session, payment_id=payment_id)
        if payment is None or payment.status != PaymentStatus.PENDING or payment.payment_url:
            return False  # another process got there first
        request = get_existing(session, ServiceRequest, payment.request_id)
        conversation = customer_conversation(session=session, request=request)
        payment.link_attempts += 1
        payment.updated_at = clock.now()
        if error:
            payment.last_error = error[:500]
            session.add(payment)
            log.warning("payment link not obtained", payment_ref=payment_ref, attempts=payment.link_attempts,
                        error=error)
            if payment.link_attempts >= TELL_DELAY_AFTER and conversation is not None:
                enqueue(session=session, conversation=conversation, kind="update",
                        body=text("link_delayed", request.language, reference=request.reference),
                        dedupe_key=f"payment:{payment.id}:link-delayed")
            return False
        payment.payment_url, payment.last_error = url, ""
        number = len(entries(payment, "link")) + 1
        note(payment, "link", url=url, number=number)
        session.add(payment)
        if conversation is None:
            payment.last_error = "no conversation to send the payment link to"
            return True
        body = text("link", request.language, service_type=request.service_type, reference=request.reference,
                    amount=payment.amount, url=url)
        enqueue(session=session, conversation=conversation, body=body, kind="update",
                dedupe_key=f"payment:{payment.id}:link:{number}")
        return True


def _widget_fields(*, session: Session, payment: Payment, request: ServiceRequest) -> dict[str, str]:
    customer = session.get(Customer, payment.customer_id)
    base = settings.base_url()
    fields = {
        "amount": str(payment.amount), "locale": "en" if request.language == "en" else "fr", "country": "CM",
        "currency": payment.currency, "item_ref": request.reference, "payment_ref": payment.payment_ref,
        "user": str(payment.customer_id), "first_name": (customer.name if customer else "")[:60],
        "return_url": f"{base}/pay/done", "notify_url": f"{base}/webhook/monetbil",
    }
    if payment.phone:
        fields["phone"] = payment.phone.lstrip("+")
    return fields


def _backoff(failures: int) -> timedelta:
    return min(LINK_BACKOFF_FIRST * 2 ** max(failures - 1, 0), LINK_BACKOFF_MAX)


def _new_payment_ref(*, session: Session) -> str:
    while True:
        ref = random_reference("DJP-", 10)
        if not session.exec(select(Payment.id).where(Payment.payment_ref == ref)).first():
            return ref
