"""Commission arithmetic, refunds, payouts and provider balances: whole XAF, always adding up."""

import pytest
from sqlmodel import select

from core.db import session_scope
from core.payments.ledger import platform_commission, record_payout, refund, refunded_amount
from core.payments.models import LedgerEntry, Payment, PaymentStatus
from core.payments.service import send_due_links
from core.rules.models import AuditEntry
from core.rules.service import set_rule
from tests.factories import make_provider
from tests.payments.conftest import balance, fetch, finished_job, notification, the_payment


def _paid_job(session, fake, client, *, price: int, provider=None):
    request, provider = finished_job(session, price=price, provider=provider)
    send_due_links()
    payment = the_payment(request.id)
    transaction_id = f"TX{payment.id}"
    fake.transactions[transaction_id] = {"status": 1, "amount": price, "currency": "XAF"}
    client.post("/webhook/monetbil", data=notification(payment, transaction_id=transaction_id))
    payment = the_payment(request.id)
    assert payment.status == PaymentStatus.SUCCESS
    return payment, provider


# Commission is rounded half up to the whole franc (core.money.percent_of); the payout is the rest, so
# commission + payout is always exactly the amount paid.
@pytest.mark.parametrize(("price", "percent", "commission"), [
    (15000, 15, 2250), (3333, 15, 500), (1, 15, 0), (999999, 15, 150000), (10, 15, 2), (7, 15, 1),
    (3333, 20, 667), (5, 10, 1), (4, 10, 0), (12345, 0, 0), (12345, 50, 6173),
])
def test_commission_is_whole_xaf_rounded_half_up(session, price, percent, commission):
    if percent != 15:
        set_rule("commission_percent", percent, session=session, actor="admin@test")
        session.commit()
    request, _ = finished_job(session, price=price)
    payment = the_payment(request.id)
    assert type(payment.commission) is int and type(payment.payout_amount) is int
    assert payment.commission == commission
    assert payment.commission + payment.payout_amount == price


def test_a_float_price_is_refused(session):
    with pytest.raises(ValueError, match="whole XAF"):
        finished_job(session, price=15000.0)


def test_full_and_partial_refunds_adjust_the_provider_ledger(session, fake_monetbil, client):
    payment, provider = _paid_job(session, fake_monetbil, client, price=15000)  # commission 2250, payout 12750
    with session_scope() as s:
        entry = refund(session=s, payment=s.get(Payment, payment.id), reason="fuite revenue", actor="admin@test",
                       amount=5000)
    assert entry.amount == -4250  # 5000 * 12750 / 15000
    assert balance(provider.id) == 8500
    after = fetch(Payment, payment.id)
    assert after.status == PaymentStatus.SUCCESS and refunded_amount(after) == 5000

    with session_scope() as s:
        with pytest.raises(ValueError, match="between 1 and 10000"):
            refund(session=s, payment=s.get(Payment, payment.id), reason="x", actor="a", amount=10001)
        with pytest.raises(ValueError):
            refund(session=s, payment=s.get(Payment, payment.id), reason="x", actor="a", amount=0)
        with pytest.raises(TypeError):
            refund(session=s, payment=s.get(Payment, payment.id), reason="x", actor="a", amount=100.0)
        with pytest.raises(ValueError, match="reason"):
            refund(session=s, payment=s.get(Payment, payment.id), reason=" ", actor="a")
        rest = refund(session=s, payment=s.get(Payment, payment.id), reason="travail refait", actor="admin@test")
    assert rest.amount == -8500
    after = fetch(Payment, payment.id)
    assert after.status == PaymentStatus.REFUNDED and refunded_amount(after) == 15000
    assert balance(provider.id) == 0
    with session_scope() as s:
        assert platform_commission(session=s) == 0
        with pytest.raises(ValueError):
            refund(session=s, payment=s.get(Payment, payment.id), reason="again", actor="a")
        audits = s.exec(select(AuditEntry).where(AuditEntry.action == "payment.refund")).all()
    assert [a.detail["amount"] for a in audits] == [5000, 10000]
    assert {e["reason"] for e in after.notifications if e["kind"] == "refund"} == {"fuite revenue", "travail refait"}


def test_refunds_of_an_awkward_amount_add_up_exactly(session, fake_monetbil, client):
    payment, provider = _paid_job(session, fake_monetbil, client, price=3333)  # commission 500, payout 2833
    parts = []
    with session_scope() as s:
        for amount in (1000, 1, 1111, None):
            parts.append(refund(session=s, payment=s.get(Payment, payment.id), reason="r", actor="a",
                                amount=amount).amount)
    assert sum(parts) == -2833 and all(type(p) is int for p in parts)
    assert balance(provider.id) == 0


def test_a_pending_payment_cannot_be_refunded(session, fake_monetbil):
    request, _ = finished_job(session)
    with session_scope() as s, pytest.raises(ValueError, match="successful"):
        refund(session=s, payment=s.get(Payment, the_payment(request.id).id), reason="r", actor="a")


def test_a_providers_balance_over_many_jobs_and_payouts(session, fake_monetbil, client):
    provider = make_provider(session)
    other = make_provider(session)
    prices = [15000, 3333, 1, 999999, 8000]
    payouts = [_paid_job(session, fake_monetbil, client, price=p, provider=provider)[0].payout_amount
               for p in prices]
    _paid_job(session, fake_monetbil, client, price=10000, provider=other)
    owed = sum(payouts)
    assert owed == sum(p - (p * 15 + 50) // 100 for p in prices)
    assert balance(provider.id) == owed and balance(other.id) == 8500

    with session_scope() as s:
        record_payout(session=s, provider_id=provider.id, amount=100000, reference="MOMO-1", actor="admin@test")
    with session_scope() as s:
        record_payout(session=s, provider_id=provider.id, amount=20000, reference="MOMO-2", actor="admin@test")
    assert balance(provider.id) == owed - 120000
    with session_scope() as s:
        with pytest.raises(ValueError, match="balance"):
            record_payout(session=s, provider_id=provider.id, amount=owed - 120000 + 1, reference="x", actor="a")
        with pytest.raises(ValueError):
            record_payout(session=s, provider_id=provider.id, amount=0, reference="x", actor="a")
        with pytest.raises(ValueError):
            record_payout(session=s, provider_id=provider.id, amount=-5, reference="x", actor="a")
        with pytest.raises(TypeError):
            record_payout(session=s, provider_id=provider.id, amount=10.5, reference="x", actor="a")
    with session_scope() as s:
        record_payout(session=s, provider_id=provider.id, amount=owed - 120000, reference="MOMO-3", actor="admin")
    assert balance(provider.id) == 0 and balance(other.id) == 8500
    with session_scope() as s:
        kinds = [e.kind for e in s.exec(select(LedgerEntry).where(LedgerEntry.provider_id == provider.id))]
        assert kinds.count("earning") == 5 and kinds.count("payout") == 3
        assert platform_commission(session=s) == sum(prices) + 10000 - owed - 8500
