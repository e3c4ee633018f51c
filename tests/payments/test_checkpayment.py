"""checkPayment as Monetbil's own clients read it, test mode, and the notification's field names.

The shapes come from Monetbil's official clients: monetbil-php (`Monetbil::checkPayment` returns only
`transaction.status` and `transaction.testmode`; notify.php reads `msisdn` and `mobile_operator_name`; the
STATUS_*_TESTMODE constants 7, 8, 9), and its WooCommerce and PrestaShop modules, which read only the status.
"""

from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.config import settings
from core.db import session_scope
from core.payments import monetbil
from core.payments.ledger import provider_balance
from core.payments.models import PaymentStatus
from core.payments.service import note_return, reconcile_pending, send_due_links
from core.service_requests.models import RequestEvent, ServiceRequest
from tests.payments.conftest import SECRET, balance, fetch, finished_job, notification, outbox_to, the_payment


def _linked_job(session):
    request, provider = finished_job(session)
    assert send_due_links() == 1
    return request, provider, the_payment(request.id)


def _alerts(request_id: int) -> list[dict]:
    with session_scope() as s:
        return [e.detail for e in s.exec(select(RequestEvent).where(RequestEvent.request_id == request_id,
                                                                   RequestEvent.kind == "alert"))]


@pytest.mark.parametrize("fake_monetbil", ["minimal"], indirect=True)
def test_a_success_the_minimal_answer_confirms_is_booked_with_the_notifications_amount(session, fake_monetbil,
                                                                                      client):
    request, provider, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {"status": 1}
    assert client.post("/webhook/monetbil", data=notification(payment)).text == "received"
    after = the_payment(request.id)
    assert (after.status, after.transaction_id, after.last_error) == ("success", "TX1", "")
    check = [e for e in after.notifications if e["kind"] == "check"][-1]
    assert (check["amount"], check["currency"], check["test"]) == (None, "", False)  # nothing more was given
    assert balance(provider.id) == 12750
    assert "Paiement reçu" in outbox_to(request.conversation_id)[-1]


@pytest.mark.parametrize("fake_monetbil", ["minimal"], indirect=True)
def test_a_confirmed_success_without_any_signed_amount_waits_and_keeps_its_transaction(session, fake_monetbil,
                                                                                     client):
    request, provider, payment = _linked_job(session)
    returned = notification(payment, transaction_id="TX9")
    del returned["sign"], returned["amount"], returned["currency"]  # a return that carries no amount
    returned["sign"] = monetbil.sign(returned, SECRET)
    assert note_return(returned) == "received"
    fake_monetbil.transactions["TX9"] = {"status": 1}
    clock.advance(timedelta(minutes=4))
    assert reconcile_pending() == 1
    waiting = the_payment(request.id)
    assert waiting.status == PaymentStatus.PENDING and waiting.transaction_id == "TX9"  # a missing field keeps it
    assert "waiting for Monetbil's signed notification" in waiting.last_error
    assert balance(provider.id) == 0

    client.post("/webhook/monetbil", data=notification(payment, transaction_id="TX9"))
    assert the_payment(request.id).status == PaymentStatus.SUCCESS


@pytest.mark.parametrize("answer", [{"status": 7}, {"status": 1, "testmode": 1}, {"status": "7", "testmode": "1"}])
def test_a_test_mode_success_is_never_booked_on_a_live_key(session, fake_monetbil, client, answer):
    request, provider, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {**answer, "amount": 15000, "currency": "XAF"}
    for _ in range(2):  # Monetbil repeats notifications: one alert
        assert client.post("/webhook/monetbil", data=notification(payment)).text == "received"
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and after.paid_at is None
    assert after.transaction_id == ""  # not money: reconciliation stops asking about it
    assert "test-mode payment" in after.last_error
    [alert] = _alerts(request.id)
    assert alert["reason"] == "monetbil_test_payment" and alert["transaction_id"] == "TX1"
    assert balance(provider.id) == 0 and fetch(ServiceRequest, request.id).paid_at is None
    assert not any("Paiement reçu" in m for m in outbox_to(request.conversation_id))


def test_testmode_in_the_signed_notification_is_enough_to_refuse(session, fake_monetbil, client):
    request, provider, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment, testmode="1"))
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and "test-mode payment" in after.last_error
    assert len(_alerts(request.id)) == 1 and balance(provider.id) == 0


@pytest.mark.parametrize(("status", "word"), [(8, "failed"), (9, "cancelled")])
def test_a_failed_or_cancelled_test_payment_changes_nothing_for_the_customer(session, fake_monetbil, client, status,
                                                                             word):
    request, _, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {"status": status, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment, status=word))
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and after.transaction_id == ""
    assert _alerts(request.id) == []  # only a would-be success needs an admin
    assert len(outbox_to(request.conversation_id)) == 1  # the link, and no "payment failed"


def test_with_monetbil_test_mode_on_a_test_success_counts(session, fake_monetbil, client, monkeypatch):
    monkeypatch.setattr(settings, "monetbil_test_mode", True)
    request, provider, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {"status": 7, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment))
    assert the_payment(request.id).status == PaymentStatus.SUCCESS
    with session_scope() as s:
        assert provider_balance(session=s, provider_id=provider.id) == 12750


@pytest.mark.parametrize("older", [False, True])
def test_operator_and_payer_come_from_whichever_field_monetbil_sends(session, fake_monetbil, client, older):
    request, _, payment = _linked_job(session)
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    fields = notification(payment, older=older)
    assert ("msisdn" in fields) is not older and ("mobile_operator_name" in fields) is not older
    client.post("/webhook/monetbil", data=fields)
    after = the_payment(request.id)
    assert after.status == PaymentStatus.SUCCESS
    assert (after.operator, after.payer) == ("CM_MTNMOBILEMONEY", payment.phone)


def test_an_unsigned_or_forged_return_changes_nothing(session, fake_monetbil):
    request, _, payment = _linked_job(session)
    forged = notification(payment, transaction_id="TX-FORGED", secret="guess")
    assert note_return(forged) == "rejected"
    unsigned = {"payment_ref": payment.payment_ref, "transaction_id": "TX-ANON"}
    assert note_return(unsigned) == "rejected"
    after = the_payment(request.id)
    assert (after.transaction_id, after.notifications) == ("", payment.notifications)
    clock.advance(timedelta(minutes=4))
    assert reconcile_pending() == 0 and fake_monetbil.calls_to("checkPayment") == []
