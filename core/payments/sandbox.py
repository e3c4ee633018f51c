"""The sandbox that plays Monetbil's part without keys: a payment page, signed notifications, checkPayment.

Its transactions are kept in the payment's trail, so checkPayment is answered from the database and the demo
goes through exactly the same notification handler as real Monetbil.
"""

import hashlib
import secrets

from core.config import settings
from core.customers.models import Customer
from core.db import session_scope
from core.payments import monetbil
from core.payments.models import Payment, PaymentStatus
from core.payments.records import entries, note, payment_by_ref
from core.service_requests.models import ServiceRequest

SERVICE_KEY = "sandbox"
OUTCOMES = {"success": 1, "failed": 0, "cancelled": -1}


def sandbox_secret() -> str:
    """Return the sandbox's signing secret, derived from the storage secret (the same in every process)."""
    return hashlib.sha256(b"djobea-monetbil-sandbox:" + settings.storage_secret_value().encode()).hexdigest()


def payment_url(payment_ref: str) -> str:
    """Return the sandbox page's address for this payment."""
    return f"{settings.base_url()}/pay/sandbox/{payment_ref}"


def complete(payment_ref: str, outcome: str) -> str:
    """Play the customer paying (or failing) on the sandbox page; return the payment's status afterwards."""
    if settings.monetbil_enabled:
        raise RuntimeError("the sandbox is off while Monetbil keys are set")
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome: {outcome}")
    with session_scope() as session:
        payment = payment_by_ref(session=session, payment_ref=payment_ref, lock=True)
        if payment is None:
            raise LookupError(f"no payment {payment_ref}")
        if payment.status != PaymentStatus.PENDING:
            return payment.status
        request = session.get(ServiceRequest, payment.request_id)
        customer = session.get(Customer, payment.customer_id)
        transaction_id = f"SBX{payment.id}-{secrets.token_hex(6).upper()}"  # the id lets checkPayment find it
        note(payment, "sandbox_transaction", transaction_id=transaction_id, status=outcome, amount=payment.amount,
             currency=payment.currency)
        session.add(payment)
        fields = {
            "service": SERVICE_KEY, "transaction_id": transaction_id, "transaction_uuid": secrets.token_hex(16),
            "phone": (payment.phone or "").lstrip("+"), "amount": str(payment.amount), "fee": "0",
            "status": outcome, "message": "sandbox", "country_name": "Cameroon", "currency": payment.currency,
            "operator": "SANDBOX", "item_ref": request.reference if request else "", "payment_ref": payment_ref,
            "user": str(payment.customer_id), "first_name": customer.name if customer else "", "last_name": "",
            "email": "",
        }
    fields["sign"] = monetbil.sign(fields, sandbox_secret())
    from core.payments.confirm import handle_notification  # confirm imports monetbil, which imports this module

    handle_notification(fields)
    with session_scope() as session:
        payment = payment_by_ref(session=session, payment_ref=payment_ref)
        assert payment is not None  # made above
        return payment.status


def check_answer(transaction_id: str) -> dict:
    """Answer checkPayment for a sandbox transaction the way Monetbil does, from the stored transaction."""
    payment_id = transaction_id.removeprefix("SBX").partition("-")[0]
    if transaction_id.startswith("SBX") and payment_id.isdigit():
        with session_scope() as session:
            payment = session.get(Payment, int(payment_id))
            for entry in entries(payment, "sandbox_transaction") if payment else []:
                if payment and entry.get("transaction_id") == transaction_id:
                    return {"transaction": {
                        "paymentId": transaction_id, "status": OUTCOMES[entry["status"]], "amount": entry["amount"],
                        "currency": entry["currency"], "payment_ref": payment.payment_ref, "created": entry["at"]}}
    return {"message": "Transaction not found"}
