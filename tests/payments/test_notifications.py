"""From a finished job to a confirmed payment: link, signed notification, checkPayment, receipts, ledger."""

from sqlmodel import select

from core.db import session_scope
from core.messaging.models import OutboxMessage
from core.payments.models import LedgerEntry, PaymentStatus
from core.payments.service import send_due_links
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from tests.payments.conftest import balance, fetch, finished_job, notification, outbox_to, the_payment


def _linked_job(session, fake, **kwargs):
    request, provider = finished_job(session, **kwargs)
    assert send_due_links() == 1
    return request, provider, the_payment(request.id)


def test_happy_path_from_completion_to_receipts_and_ledger(session, fake_monetbil, client):
    request, provider = finished_job(session, price=15000)
    payment = the_payment(request.id)
    assert (payment.status, payment.payment_url, payment.amount) == ("pending", "", 15000)
    assert (payment.commission, payment.payout_amount) == (2250, 12750)
    assert fake_monetbil.calls == []  # completion itself never calls Monetbil

    assert send_due_links() == 1
    widget = fake_monetbil.calls_to("/widget/v2.1/svc-key-test")
    assert len(widget) == 1
    form = widget[0]
    assert form["amount"] == "15000" and form["currency"] == "XAF" and form["country"] == "CM"
    assert form["payment_ref"] == payment.payment_ref and form["item_ref"] == request.reference
    assert form["phone"] == payment.phone.removeprefix("+") and form["phone"].startswith("237")
    assert form["notify_url"] == "https://djobea.example/webhook/monetbil"
    assert form["return_url"] == "https://djobea.example/pay/done"
    assert form["locale"] == "fr" and form["user"] == str(payment.customer_id)
    payment = the_payment(request.id)
    assert payment.payment_url == f"https://www.monetbil.com/pay/v2.1/{payment.payment_ref}"
    [link_message] = outbox_to(request.conversation_id)
    assert payment.payment_url in link_message and "15\u202f000 FCFA" in link_message
    assert request.reference in link_message and "Plomberie" in link_message
    assert send_due_links() == 0  # nothing left to do

    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": "15000", "currency": "XAF"}
    answer = client.post("/webhook/monetbil", data=notification(payment))
    assert (answer.status_code, answer.text) == (200, "received")
    assert fake_monetbil.calls_to("checkPayment") == [{"paymentId": "TX1"}]

    payment = the_payment(request.id)
    assert (payment.status, payment.transaction_id, payment.operator) == ("success", "TX1", "CM_MTNMOBILEMONEY")
    assert payment.paid_at is not None
    assert [e["kind"] for e in payment.notifications] == ["link", "notification", "check"]
    stored = fetch(ServiceRequest, request.id)
    assert stored.paid_at is not None and stored.status == RequestStatus.COMPLETED
    with session_scope() as s:
        kinds = [e.kind for e in s.exec(select(RequestEvent).where(RequestEvent.request_id == request.id))]
        ledger = list(s.exec(select(LedgerEntry).where(LedgerEntry.provider_id == provider.id)))
        provider_box = s.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key.like("%receipt:provider"))).one()
    assert kinds.count("paid") == 1
    assert [(e.kind, e.amount) for e in ledger] == [("earning", 12750)]
    assert balance(provider.id) == 12750
    customer_messages = outbox_to(request.conversation_id)
    assert len(customer_messages) == 2 and "Paiement reçu" in customer_messages[1]
    assert "2\u202f250 FCFA" in provider_box.body and "12\u202f750 FCFA" in provider_box.body


def test_wrong_signature_is_rejected_and_changes_nothing(session, fake_monetbil, client):
    request, _, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    forged = notification(payment, secret="not-the-secret")
    answer = client.post("/webhook/monetbil", data=forged)
    assert (answer.status_code, answer.text) == (403, "rejected")
    tampered = notification(payment)
    tampered["amount"] = "1"  # signed for 15000, altered in transit
    assert client.post("/webhook/monetbil", data=tampered).status_code == 403
    after = the_payment(request.id)
    assert (after.status, after.transaction_id, after.notifications) == ("pending", "", payment.notifications)
    assert fake_monetbil.calls_to("checkPayment") == []


def test_missing_signature_is_rejected(session, fake_monetbil, client):
    request, _, payment = _linked_job(session, fake_monetbil)
    unsigned = notification(payment)
    del unsigned["sign"]
    assert client.post("/webhook/monetbil", data=unsigned).status_code == 403
    assert client.post("/webhook/monetbil", data={**unsigned, "sign": ""}).status_code == 403
    assert the_payment(request.id).status == PaymentStatus.PENDING


def test_checkpayment_saying_failed_wins_over_a_signed_success(session, fake_monetbil, client):
    request, provider, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": 0, "amount": 15000, "currency": "XAF"}
    assert client.post("/webhook/monetbil", data=notification(payment, status="success")).text == "received"
    assert the_payment(request.id).status == PaymentStatus.FAILED
    assert fetch(ServiceRequest, request.id).paid_at is None
    assert balance(provider.id) == 0
    messages = outbox_to(request.conversation_id)
    assert "n'est pas passé" in messages[-1] and "envoie le lien" in messages[-1]


def test_cancelled_is_recorded(session, fake_monetbil, client):
    request, _, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": -1, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment, status="cancelled"))
    assert the_payment(request.id).status == PaymentStatus.CANCELLED


def test_amount_mismatch_is_not_believed(session, fake_monetbil, client):
    request, provider, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 150, "currency": "XAF"}
    assert client.post("/webhook/monetbil", data=notification(payment, amount=150)).text == "received"
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and "amount mismatch" in after.last_error
    assert after.transaction_id == ""  # not ours: reconciliation will not keep asking
    assert balance(provider.id) == 0
    assert fetch(ServiceRequest, request.id).paid_at is None


def test_currency_mismatch_is_not_believed(session, fake_monetbil, client):
    request, provider, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "EUR"}
    client.post("/webhook/monetbil", data=notification(payment, currency="EUR"))
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and "currency mismatch" in after.last_error
    assert balance(provider.id) == 0


def test_duplicate_and_out_of_order_notifications_change_nothing(session, fake_monetbil, client):
    request, provider, payment = _linked_job(session, fake_monetbil)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    for _ in range(3):
        assert client.post("/webhook/monetbil", data=notification(payment)).text == "received"
    fake_monetbil.transactions["TX2"] = {"status": 0, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment, transaction_id="TX2", status="failed"))
    fake_monetbil.transactions["TX1"]["status"] = 0  # even Monetbil changing its mind does not downgrade
    client.post("/webhook/monetbil", data=notification(payment, status="failed"))

    after = the_payment(request.id)
    assert (after.status, after.transaction_id) == ("success", "TX1")
    assert sum(1 for e in after.notifications if e["kind"] == "notification") == 5
    assert any(e["kind"] == "ignored" for e in after.notifications)
    assert balance(provider.id) == 12750
    receipts = [m for m in outbox_to(request.conversation_id) if "Paiement reçu" in m]
    assert len(receipts) == 1
    with session_scope() as s:
        paid_events = s.exec(select(RequestEvent).where(RequestEvent.request_id == request.id,
                                                        RequestEvent.kind == "paid")).all()
    assert len(paid_events) == 1


def test_notification_for_an_unknown_payment_is_received_and_ignored(session, fake_monetbil, client):
    request, _, payment = _linked_job(session, fake_monetbil)
    payment.payment_ref = "DJP-NOSUCHREF"
    assert client.post("/webhook/monetbil", data=notification(payment)).text == "received"
    assert the_payment(request.id).status == PaymentStatus.PENDING
    assert fake_monetbil.calls_to("checkPayment") == []


def test_english_customer_gets_english_messages(session, fake_monetbil, client):
    request, _, payment = _linked_job(session, fake_monetbil, language="en")
    assert fake_monetbil.calls_to("widget")[0]["locale"] == "en"
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment))
    link, receipt = outbox_to(request.conversation_id)
    assert "Amount to pay" in link and "Plumbing" in link
    assert "Payment received" in receipt
