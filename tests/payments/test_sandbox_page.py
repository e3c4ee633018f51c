"""Without Monetbil keys the sandbox page plays Monetbil: same signed notification, same handler, checkPayment."""

from urllib.parse import urlencode

from nicegui.testing import User
from sqlmodel import select

from core.db import session_scope
from core.payments import monetbil, sandbox
from core.payments.models import LedgerEntry, PaymentStatus
from core.payments.service import send_due_links
from core.service_requests.models import ServiceRequest
from tests.payments.conftest import balance, fetch, finished_job, notification, outbox_to, the_payment

SETTLE = 50  # tries 0.1 s apart: a busy machine takes longer than should_see's default 0.3 s


def _sandbox_job():
    with session_scope() as s:
        request, provider = finished_job(s, price=12500)
    assert send_due_links() == 1
    return request, provider, the_payment(request.id)


async def test_paying_on_the_sandbox_page_confirms_the_payment(user: User):
    request, provider, payment = _sandbox_job()
    assert payment.payment_url.endswith(f"/pay/sandbox/{payment.payment_ref}")
    assert payment.payment_url in outbox_to(request.conversation_id)[0]

    await user.open(f"/pay/sandbox/{payment.payment_ref}")
    await user.should_see("12\u202f500 FCFA")
    await user.should_see(f"Pour : Plomberie ({request.reference})")
    user.find(marker="pay").click()
    await user.should_see("Paiement reçu", retries=SETTLE)  # the whole notification path runs on a thread first

    after = the_payment(request.id)
    assert after.status == PaymentStatus.SUCCESS and after.transaction_id.startswith("SBX")
    assert [e["kind"] for e in after.notifications] == ["link", "sandbox_transaction", "notification", "check"]
    assert fetch(ServiceRequest, request.id).paid_at is not None
    assert balance(provider.id) == 12500 - 1875
    assert "Paiement reçu" in outbox_to(request.conversation_id)[-1]

    await user.open(f"/pay/sandbox/{payment.payment_ref}")  # paying twice is not offered
    await user.should_see("Paiement reçu")
    await user.should_not_see(marker="pay")


async def test_failing_on_the_sandbox_page_tells_the_customer(user: User):
    request, provider, payment = _sandbox_job()
    await user.open(f"/pay/sandbox/{payment.payment_ref}")
    user.find(marker="fail").click()
    await user.should_see("n'est pas passé", retries=SETTLE)
    assert the_payment(request.id).status == PaymentStatus.FAILED
    assert balance(provider.id) == 0
    assert "envoie le lien" in outbox_to(request.conversation_id)[-1]


async def test_an_unknown_sandbox_link_says_so(user: User):
    await user.open("/pay/sandbox/DJP-NOPE")
    await user.should_see("n'existe pas")


async def test_the_return_page_thanks_the_customer(user: User):
    await user.open("/pay/done")
    await user.should_see("Vous recevrez votre reçu sur WhatsApp")


async def test_the_return_page_keeps_only_a_signed_transaction_id(user: User):
    request, _, payment = _sandbox_job()
    # Anyone can open the return URL: without Monetbil's sign (monetbil-php's return.php checks it) nothing changes.
    await user.open(f"/pay/done?payment_ref={payment.payment_ref}&transaction_id=SBX{payment.id}-ANON")
    await user.should_see("Vous recevrez votre reçu sur WhatsApp")
    forged = notification(payment, transaction_id=f"SBX{payment.id}-FORGED", secret="guess")
    await user.open(f"/pay/done?{urlencode(forged)}")
    assert the_payment(request.id).transaction_id == ""
    signed = notification(payment, transaction_id=f"SBX{payment.id}-REAL", secret=sandbox.sandbox_secret())
    for _ in range(2):  # a reload keeps nothing more
        await user.open(f"/pay/done?{urlencode(signed)}")
        await user.should_see("Vous recevrez votre reçu sur WhatsApp")
    kept = the_payment(request.id)
    assert kept.transaction_id == f"SBX{payment.id}-REAL" and kept.status == PaymentStatus.PENDING
    assert [e["kind"] for e in kept.notifications] == ["link", "return"]


async def test_the_webhook_accepts_sandbox_signed_notifications_and_checks_with_the_sandbox(user: User):
    request, _, payment = _sandbox_job()
    forged = notification(payment, transaction_id=f"SBX{payment.id}-FORGED", secret=sandbox.sandbox_secret())
    answer = await user.http_client.post("/webhook/monetbil", data=forged)
    assert (answer.status_code, answer.text) == (200, "received")
    after = the_payment(request.id)
    assert after.status == PaymentStatus.PENDING and "does not confirm" in after.last_error  # the sandbox never saw it
    wrong = notification(payment, secret="guess")
    assert (await user.http_client.post("/webhook/monetbil", data=wrong)).status_code == 403
    with session_scope() as s:
        assert s.exec(select(LedgerEntry)).all() == []
    assert monetbil.notification_secret() == sandbox.sandbox_secret()
