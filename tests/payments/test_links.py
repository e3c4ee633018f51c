"""Getting the link to the customer when Monetbil is down, fresh links on request, and reconciliation."""

from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.db import session_scope
from core.payments.models import Payment, PaymentStatus
from core.payments.service import note_return, reconcile_pending, send_due_links, send_payment_link
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.payments.conftest import balance, fetch, finished_job, notification, outbox_to, payments_of, the_payment


@pytest.mark.parametrize("failure", ["down", "500", "refuse"])
def test_monetbil_down_is_retried_with_backoff_and_the_customer_told_once(session, fake_monetbil, failure):
    request, _ = finished_job(session)
    fake_monetbil.widget = failure
    assert send_due_links() == 0
    payment = the_payment(request.id)
    assert payment.link_attempts == 1 and payment.payment_url == "" and payment.last_error
    assert send_due_links() == 0 and len(fake_monetbil.calls_to("widget")) == 1  # not due yet: backoff
    clock.advance(timedelta(seconds=6))
    send_due_links()
    assert the_payment(request.id).link_attempts == 2
    assert outbox_to(request.conversation_id) == []  # two failures: too early to bother the customer

    for _ in range(3):  # backoff 10, 20, 40 s
        clock.advance(timedelta(seconds=41))
        send_due_links()
    payment = the_payment(request.id)
    assert payment.link_attempts == 5 and len(fake_monetbil.calls_to("widget")) == 5
    delayed = [m for m in outbox_to(request.conversation_id) if "arrive dans quelques minutes" in m]
    assert len(delayed) == 1 and request.reference in delayed[0]

    fake_monetbil.widget = "ok"
    clock.advance(timedelta(seconds=20))
    assert send_due_links() == 0  # 5th failure: next try after 80 s
    clock.advance(timedelta(seconds=61))
    assert send_due_links() == 1
    payment = the_payment(request.id)
    assert payment.payment_url.endswith(payment.payment_ref) and payment.last_error == ""
    assert payment.payment_url in outbox_to(request.conversation_id)[-1]


def test_completion_commits_even_when_monetbil_is_down(session, fake_monetbil):
    fake_monetbil.widget = "down"
    request, _ = finished_job(session)
    assert fetch(ServiceRequest, request.id).status == RequestStatus.COMPLETED
    assert the_payment(request.id).status == PaymentStatus.PENDING


def test_completion_without_a_final_price_makes_no_payment(session, fake_monetbil):
    request, _ = finished_job(session, price=None)
    assert payments_of(request.id) == []


def test_send_payment_link_reuses_the_pending_payment_with_a_fresh_link(session, fake_monetbil):
    request, _ = finished_job(session)
    send_due_links()
    first = the_payment(request.id)
    with session_scope() as s:
        again = send_payment_link(session=s, request=s.get(ServiceRequest, request.id))
    assert again.id == first.id and again.payment_url == ""
    assert send_due_links() == 1
    links = [m for m in outbox_to(request.conversation_id) if "Montant à payer" in m]
    assert len(links) == 2 and len(payments_of(request.id)) == 1


def test_after_a_failure_a_new_payment_is_opened_and_never_two_successes(session, fake_monetbil, client):
    request, provider = finished_job(session)
    send_due_links()
    failed = the_payment(request.id)
    fake_monetbil.transactions["TX1"] = {"status": 0, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(failed, status="failed"))
    with session_scope() as s:
        fresh = send_payment_link(session=s, request=s.get(ServiceRequest, request.id))
    assert fresh.id != failed.id and fresh.payment_ref != failed.payment_ref and fresh.status == PaymentStatus.PENDING
    send_due_links()
    fresh = fetch(Payment, fresh.id)
    assert fresh.payment_url.endswith(fresh.payment_ref)

    fake_monetbil.transactions["TX2"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(fresh, transaction_id="TX2"))
    assert fetch(Payment, fresh.id).status == PaymentStatus.SUCCESS
    # The customer also pays the old link after all: confirmed, but it must not make a second success.
    fake_monetbil.transactions["TX3"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(failed, transaction_id="TX3"))
    old = fetch(Payment, failed.id)
    assert old.status == PaymentStatus.FAILED and "already paid" in old.last_error
    assert balance(provider.id) == 12750
    with session_scope() as s:
        paid = send_payment_link(session=s, request=s.get(ServiceRequest, request.id))
    assert paid.id == fresh.id and len(payments_of(request.id)) == 2


def test_reconciliation_confirms_when_checkpayment_was_down_at_notification(session, fake_monetbil, client):
    request, provider = finished_job(session)
    send_due_links()
    payment = the_payment(request.id)
    fake_monetbil.check = "down"
    assert client.post("/webhook/monetbil", data=notification(payment)).text == "received"
    payment = the_payment(request.id)
    assert payment.status == PaymentStatus.PENDING and payment.transaction_id == "TX1"
    assert "checkPayment" in payment.last_error

    fake_monetbil.check = "ok"
    fake_monetbil.transactions["TX1"] = {"status": 1, "amount": 15000, "currency": "XAF"}
    assert reconcile_pending() == 0  # too early: the notification may still be on its way
    clock.advance(timedelta(minutes=4))
    assert reconcile_pending() == 1
    assert the_payment(request.id).status == PaymentStatus.SUCCESS
    assert balance(provider.id) == 12750
    assert reconcile_pending() == 0


def test_reconciliation_of_a_lost_notification_from_the_return_page(session, fake_monetbil):
    request, _ = finished_job(session)
    send_due_links()
    payment = the_payment(request.id)
    # Monetbil sent the customer back with signed fields (monetbil-php's return.php checks them like notify.php);
    # the notification itself never came.
    assert note_return(notification(payment, transaction_id="TX9")) == "received"
    fake_monetbil.transactions["TX9"] = {"status": 1, "amount": 15000, "currency": "XAF",
                                         "payment_ref": payment.payment_ref}
    clock.advance(timedelta(minutes=4))
    assert reconcile_pending() == 1
    assert the_payment(request.id).status == PaymentStatus.SUCCESS
    assert any("Paiement reçu" in m for m in outbox_to(request.conversation_id))


@pytest.mark.parametrize("fake_monetbil", ["full"], indirect=True)  # only the fuller answer names a payment_ref
def test_reconciliation_ignores_a_transaction_of_another_payment(session, fake_monetbil):
    request, provider = finished_job(session)
    send_due_links()
    payment = the_payment(request.id)
    note_return(notification(payment, transaction_id="TX-OTHER"))
    fake_monetbil.transactions["TX-OTHER"] = {"status": 1, "amount": 15000, "currency": "XAF",
                                              "payment_ref": "DJP-SOMEONEELSE"}
    clock.advance(timedelta(minutes=4))
    reconcile_pending()
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and "another payment" in after.last_error and balance(provider.id) == 0


def test_an_unused_link_without_transaction_is_renewed_after_a_day(session, fake_monetbil):
    request, _ = finished_job(session)
    send_due_links()
    clock.advance(timedelta(hours=2))
    assert reconcile_pending() == 0
    clock.advance(timedelta(hours=23))
    assert reconcile_pending() == 1
    assert the_payment(request.id).payment_url == ""
    assert send_due_links() == 1
    assert len([m for m in outbox_to(request.conversation_id) if "Montant à payer" in m]) == 2


def test_jobs_have_nothing_to_do_on_an_empty_database(engine):
    assert send_due_links() == 0
    assert reconcile_pending() == 0
    with session_scope() as s:
        assert s.exec(select(Payment)).all() == []
