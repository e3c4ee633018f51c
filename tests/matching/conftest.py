"""Helpers for matching tests: requests from a customer, provider answers over the simulator, what was sent."""

import pytest
from sqlmodel import select

from core.channels import inbound
from core.db import session_scope
from core.matching.models import Offer
from core.matching.replies import handle_provider_message
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus, OutboxMessage
from core.providers.models import Provider
from core.rules.service import set_rule
from core.service_requests.models import ServiceRequest
from core.service_requests.service import create_request
from tests.factories import make_customer


def new_request(session, *, quartier: str = "Makepe", service_type: str = "plumbing", language: str = "fr",
                **fields) -> ServiceRequest:
    """Create a pending request from a new customer who writes on the simulator, committed."""
    customer = make_customer(session, language=language)
    conversation = conversation_for(session=session, channel="simulator", external_id=customer.phone)
    request = create_request(session=session, customer_id=customer.id, service_type=service_type, quartier=quartier,
                             conversation_id=conversation.id, language=language,
                             description=fields.pop("description", "Le tuyau sous l'évier fuit"), **fields)
    session.commit()
    return request


def provider_says(provider: Provider, body: str) -> Message:
    """Send body from the provider's phone through inbound processing, as WhatsApp would; return the message."""
    with session_scope() as session:
        message = inbound.receive(session=session, channel="simulator", external_id=provider.phone, body=body)
        message_id = message.id
    if not inbound.process_message(message_id):  # the conversation engine is not there: call matching directly
        with session_scope() as session:
            message = session.get(Message, message_id)
            conversation = session.get(Conversation, message.conversation_id)
            handle_provider_message(session=session, provider=session.get(Provider, provider.id),
                                    conversation=conversation, message=message)
            message.status = MessageStatus.PROCESSED
    return message


def sent_to(phone: str, kind: str | None = None) -> list[str]:
    """Return the bodies queued for this phone number, oldest first."""
    with session_scope() as session:
        query = select(OutboxMessage).where(OutboxMessage.to == phone).order_by(OutboxMessage.id)
        return [m.body for m in session.exec(query) if kind is None or m.kind == kind]


def offers_of(request_id: int) -> list[Offer]:
    """Return the request's offers, by id."""
    with session_scope() as session:
        return list(session.exec(select(Offer).where(Offer.request_id == request_id).order_by(Offer.id)))


def fresh(model, id_: int):
    """Return a row as it is now in the database."""
    with session_scope() as session:
        return session.get(model, id_)


def rules(session, **values) -> None:
    """Override business rules for the test."""
    for name, value in values.items():
        set_rule(name, value, session=session, actor="test")
    session.commit()


@pytest.fixture
def customer_phone():
    """Return a function giving the phone of a request's customer."""
    from core.customers.models import Customer

    def phone(request: ServiceRequest) -> str:
        return fresh(Customer, request.customer_id).phone

    return phone
