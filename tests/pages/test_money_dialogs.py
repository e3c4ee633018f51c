"""Money moves only after a dialog that says what will happen and asks amount, reference or reason; all audited."""

from nicegui.testing import User
from sqlmodel import Session, select

from core.money import format_xaf
from core.payments.ledger import refunded_amount
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.rules.models import AuditEntry
from core.service_requests.service import create_request
from tests.factories import make_customer, make_provider
from tests.pages.helpers import eventually, sign_in_admin, text_of


def _read(session, query, many=False):
    with Session(session.get_bind()) as reader:
        result = reader.exec(query)
        return result.all() if many else result.first()


def _paid_job(session, *, amount=10000, operator="CM_MTNMOBILEMONEY"):
    provider, customer = make_provider(session, phone="+237677001199"), make_customer(session)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe")
    payment = Payment(payment_ref="PAY-T1", request_id=request.id, customer_id=customer.id, provider_id=provider.id,
                      amount=amount, commission=amount * 15 // 100, payout_amount=amount - amount * 15 // 100,
                      status=PaymentStatus.SUCCESS, operator=operator)
    session.add(payment)
    session.flush()
    session.add(LedgerEntry(provider_id=provider.id, payment_id=payment.id, kind="earning",
                            amount=payment.payout_amount))
    session.commit()
    return provider, payment


async def test_a_payout_asks_the_amount_within_the_balance_and_the_transfer_reference(user: User, session):
    provider, _ = _paid_job(session)
    await sign_in_admin(user, session)
    await user.open("/admin/payments")
    assert text_of(user, f"balance-{provider.id}") == format_xaf(8500)
    user.find(marker=f"payout-{provider.id}").click()
    assert "ne peut pas être annulé" in text_of(user, f"payout-{provider.id}-consequences")
    user.find(marker=f"payout-{provider.id}-amount").clear().type("9000")
    user.find(marker=f"payout-{provider.id}-reference").type("MP240101.1234.A56789")
    user.find(marker=f"payout-{provider.id}-confirm").click()
    await user.should_see(f"Impossible de verser {format_xaf(9000)} : le solde est de {format_xaf(8500)}.", retries=100)
    user.find(marker=f"payout-{provider.id}-amount").clear().type("5000")
    user.find(marker=f"payout-{provider.id}-reference").clear()
    user.find(marker=f"payout-{provider.id}-confirm").click()
    await user.should_see("Indiquez « Référence du transfert ».", retries=100)
    assert _read(session, select(LedgerEntry).where(LedgerEntry.kind == "payout")) is None
    user.find(marker=f"payout-{provider.id}-reference").type("MP240101.1234.A56789")
    user.find(marker=f"payout-{provider.id}-confirm").click()
    payout = await eventually(lambda: _read(session, select(LedgerEntry).where(LedgerEntry.kind == "payout")))
    assert payout.amount == -5000 and payout.reference == "MP240101.1234.A56789"
    audit = _read(session, select(AuditEntry).where(AuditEntry.action == "payout.record"))
    assert audit.actor == "admin@djobea.cm" and audit.detail == {"amount": 5000, "reference": "MP240101.1234.A56789"}


async def test_a_refund_asks_amount_and_reason_and_names_the_operator(user: User, session):
    _, payment = _paid_job(session)
    await sign_in_admin(user, session)
    await user.open("/admin/payments")
    await user.should_see("MTN Mobile Money")
    await user.should_not_see("CM_MTNMOBILEMONEY")
    assert text_of(user, f"payment-{payment.id}") == f"{format_xaf(10000)} · payé"
    user.find(marker=f"refund-{payment.id}").click()
    user.find(marker=f"refund-{payment.id}-amount").clear().type("4000")
    user.find(marker=f"refund-{payment.id}-confirm").click()  # no reason: refused, nothing changes
    await user.should_see("Indiquez le motif du remboursement.", retries=100)
    assert refunded_amount(_read(session, select(Payment))) == 0
    user.find(marker=f"refund-{payment.id}-reason").type("Fuite revenue le lendemain")
    user.find(marker=f"refund-{payment.id}-confirm").click()
    await eventually(lambda: refunded_amount(_read(session, select(Payment))) == 4000)
    audit = _read(session, select(AuditEntry).where(AuditEntry.action == "payment.refund"))
    assert audit.detail["reason"] == "Fuite revenue le lendemain" and audit.detail["amount"] == 4000


async def test_the_refund_error_reads_in_english_on_an_english_page(user: User, session):
    _, payment = _paid_job(session)
    await sign_in_admin(user, session)
    await user.open("/admin/payments")
    user.find(marker="lang-en").click()
    await user.should_see("Provider balances", retries=100)
    user.find(marker=f"refund-{payment.id}").click()
    user.find(marker=f"refund-{payment.id}-amount").clear().type("20000")
    user.find(marker=f"refund-{payment.id}-reason").type("Wrong amount charged")
    user.find(marker=f"refund-{payment.id}-confirm").click()
    await user.should_see(f"The refund must be between 1 and {format_xaf(10000)}.", retries=100)


async def test_operators_see_money_but_cannot_move_it(user: User, session):
    provider, payment = _paid_job(session)
    await sign_in_admin(user, session, role="operator")
    await user.open("/admin/payments")
    await user.should_see(marker=f"balance-{provider.id}")
    await user.should_not_see(marker=f"payout-{provider.id}")
    await user.should_not_see(marker=f"refund-{payment.id}")
