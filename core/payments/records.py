"""Reading and locking payments, and their audit trail (the Payment.notifications list)."""

from sqlmodel import Session, select

from core import clock
from core.messaging.conversations import Conversation
from core.payments.models import Payment
from core.service_requests.models import ServiceRequest

# The trail holds every Monetbil notification ("notification"), each checkPayment answer used ("check"), each link
# sent ("link"), refunds ("refund") and the sandbox's own transactions ("sandbox_transaction").


def note(payment: Payment, kind: str, **fields: object) -> dict:
    """Append an entry to the payment's trail (reassigned so the JSON column is saved)."""
    entry = {"kind": kind, "at": clock.now().isoformat(), **fields}
    payment.notifications = [*(payment.notifications or []), entry]
    return entry


def entries(payment: Payment, kind: str) -> list[dict]:
    """Return the trail's entries of one kind, oldest first."""
    return [e for e in (payment.notifications or []) if isinstance(e, dict) and e.get("kind") == kind]


def lock_payment(*, session: Session, payment_id: int) -> Payment | None:
    """Return the payment, row-locked until the transaction ends (PostgreSQL; SQLite writers are serialised)."""
    query = select(Payment).where(Payment.id == payment_id).with_for_update().execution_options(
        populate_existing=True)
    return session.exec(query).first()


def payment_by_ref(*, session: Session, payment_ref: str, lock: bool = False) -> Payment | None:
    """Return the payment with this payment_ref, optionally row-locked."""
    query = select(Payment).where(Payment.payment_ref == payment_ref)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.exec(query).first()


def customer_conversation(*, session: Session, request: ServiceRequest) -> Conversation | None:
    """Return the conversation the request came from, or the customer's latest one."""
    if request.conversation_id is not None:
        found = session.get(Conversation, request.conversation_id)
        if found is not None:
            return found
    query = (select(Conversation).where(Conversation.customer_id == request.customer_id)
             .order_by(Conversation.updated_at.desc()))
    return session.exec(query).first()
