"""Payments test kit: a fake Monetbil switched on through settings, finished jobs, signed notifications."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session, select

from core.config import settings
from core.db import session_scope
from core.messaging.addresses import conversation_for
from core.messaging.models import OutboxMessage
from core.payments import monetbil
from core.payments.models import Payment
from core.payments.routes import router
from core.payments.service import on_request_completed
from core.service_requests import hooks
from core.service_requests.service import create_request, transition
from tests.factories import make_customer, make_provider
from tests.fakes.monetbil_server import FakeMonetbil

SECRET = "monetbil-test-secret"


@pytest.fixture(autouse=True)
def _only_the_payment_hook(monkeypatch):
    """Run only this domain's transition hook: other domains' reactions are their own tests' business."""
    assert on_request_completed in hooks.HOOKS.get("completed", [])
    monkeypatch.setattr(hooks, "HOOKS", {"completed": [on_request_completed]})


@pytest.fixture(params=["minimal", "full"])
def fake_monetbil(request, monkeypatch):
    """A fake Monetbil on loopback, with keys set so the real client path is used; checkPayment in both shapes."""
    with FakeMonetbil(shape=request.param) as fake:
        monkeypatch.setattr(settings, "monetbil_service_key", "svc-key-test")
        monkeypatch.setattr(settings, "monetbil_service_secret", SecretStr(SECRET))
        monkeypatch.setattr(settings, "monetbil_api_base_url", fake.url)
        monkeypatch.setattr(settings, "public_base_url", "https://djobea.example")
        yield fake


@pytest.fixture
def client():
    """The payments routes alone, served in-process."""
    app = FastAPI()
    app.include_router(router)
    with TestClient(app) as test_client:
        yield test_client


def finished_job(session: Session, *, price: int | None = 15000, language: str = "fr", provider=None):
    """Create a request and move it to completed with a provider and a final price; return (request, provider)."""
    customer = make_customer(session, language=language)
    provider = provider or make_provider(session)
    conversation = conversation_for(session=session, channel="simulator", external_id=customer.phone)
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe",
                             conversation_id=conversation.id, language=language)
    transition(session=session, request=request, target="offered", actor="system")
    request.provider_id = provider.id
    transition(session=session, request=request, target="assigned", actor="provider")
    transition(session=session, request=request, target="in_progress", actor="provider")
    request.final_price = price
    transition(session=session, request=request, target="completed", actor="provider")
    session.commit()
    return request, provider


def payments_of(request_id: int) -> list[Payment]:
    """Return the request's payments as stored now, oldest first."""
    with session_scope() as s:
        return list(s.exec(select(Payment).where(Payment.request_id == request_id).order_by(Payment.id)))


def the_payment(request_id: int) -> Payment:
    """Return the request's only payment."""
    found = payments_of(request_id)
    assert len(found) == 1, found
    return found[0]


def fetch(model, ident):
    """Return a row as stored now."""
    with session_scope() as s:
        return s.get(model, ident)


def outbox_to(conversation_id: int) -> list[str]:
    """Return the payment messages queued for a conversation, oldest first."""
    with session_scope() as s:
        rows = s.exec(select(OutboxMessage).where(OutboxMessage.conversation_id == conversation_id,
                                                  OutboxMessage.dedupe_key.like("payment:%"))  # type: ignore
                      .order_by(OutboxMessage.id))
        return [r.body for r in rows]


def notification(payment: Payment, *, transaction_id: str = "TX1", status: str = "success", amount: int | None = None,
                 currency: str = "XAF", secret: str = SECRET, older: bool = False, **extra: str) -> dict[str, str]:
    """Build Monetbil's notification fields for the payment, signed with secret.

    The fields are those monetbil-php's notify.php reads (payer in `msisdn`, operator in `mobile_operator_name`);
    older=True names them `phone` and `operator` instead, as other integrations describe.
    """
    payer, operator = ("phone", "operator") if older else ("msisdn", "mobile_operator_name")
    fields = {"service": "svc-key-test", "transaction_id": transaction_id, "transaction_uuid": "u-" + transaction_id,
              payer: payment.phone.lstrip("+"), "amount": str(payment.amount if amount is None else amount),
              "fee": "0", "status": status, "message": "", "country_name": "Cameroon", "country_iso": "CM",
              "country_code": "237", "mccmnc": "62401", operator: "CM_MTNMOBILEMONEY", "currency": currency,
              "item_ref": "x", "payment_ref": payment.payment_ref, "user": str(payment.customer_id),
              "first_name": "A", "last_name": "B", "email": "", **extra}
    fields["sign"] = monetbil.sign(fields, secret)
    return fields


def balance(provider_id: int) -> int:
    """Return the provider's balance as stored now (own session: the test's must not hold SQLite's write lock)."""
    from core.payments.ledger import provider_balance

    with session_scope() as s:
        return provider_balance(session=s, provider_id=provider_id)
