"""Security fixtures: the fake Twilio of the messaging tests, and a real customer with a request in hand."""

from dataclasses import dataclass

import pytest

from core.config import reload_settings
from core.customers.models import Customer
from core.db import session_scope
from core.messaging.addresses import conversation_for
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest
from core.service_requests.service import create_request
from tests.conversations.helpers import advance
from tests.factories import make_customer, make_provider
from tests.messaging.conftest import twilio  # noqa: F401  (the fixture, shared)
from tests.messaging.helpers import ACCOUNT_SID, AUTH_TOKEN, NUMBER, configure

AWA_PHONE = "+237677001122"


@dataclass
class Victim:
    """A customer who wrote on WhatsApp, with a request a provider has accepted."""

    customer: Customer
    request: ServiceRequest
    provider: Provider


@pytest.fixture
def awa(engine, session) -> Victim:
    """Awa wrote on WhatsApp: her plumbing job at Makepe is assigned to Jean Mbarga."""
    provider = make_provider(session, name="Jean Mbarga", phone="+237677990011")
    customer = make_customer(session, phone=AWA_PHONE, name="Awa")
    with session_scope() as s:
        conversation = conversation_for(session=s, channel="whatsapp", external_id=AWA_PHONE)
        request = create_request(session=s, customer_id=customer.id, service_type="plumbing", quartier="Makepe",
                                 conversation_id=conversation.id, channel="whatsapp")
        request_id = request.id
    advance(request_id, "assigned", provider_id=provider.id)
    with session_scope() as s:
        request = s.get(ServiceRequest, request_id)
    return Victim(customer, request, provider)


@pytest.fixture
def whatsapp_live(monkeypatch):
    """Twilio configured (nothing is sent in these tests), the settings restored afterwards."""
    configure(monkeypatch, TWILIO_ACCOUNT_SID=ACCOUNT_SID, TWILIO_AUTH_TOKEN=AUTH_TOKEN, TWILIO_WHATSAPP_NUMBER=NUMBER,
              PUBLIC_BASE_URL="http://djobea.test")  # http: the test client keeps no Secure cookie
    yield
    monkeypatch.undo()
    reload_settings()
