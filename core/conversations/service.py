"""Find or open the conversation of a person on a channel."""

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.config import settings
from core.conversations.models import Conversation
from core.customers.models import Customer
from core.phones import normalize_phone
from core.providers.models import Provider


def default_channel() -> str:
    """Return the channel business-initiated WhatsApp messages go through: Twilio, or the simulator."""
    return "whatsapp" if settings.twilio_enabled else "simulator"


def conversation_for(*, session: Session, channel: str, external_id: str, name: str = "") -> Conversation:
    """Return the conversation for this address on this channel, opening it (and its customer) on first contact.

    A phone number that belongs to a provider opens a provider conversation.
    """
    if channel in ("whatsapp", "simulator"):
        external_id = normalize_phone(external_id)
    query = select(Conversation).where(Conversation.channel == channel, Conversation.external_id == external_id)
    conversation = session.exec(query).first()
    if conversation is not None:
        return conversation
    try:
        with session.begin_nested():
            return _open(session, channel, external_id, name)
    except IntegrityError:
        return session.exec(query).one()  # the same person's first two messages raced: the other one opened it


def _open(session: Session, channel: str, external_id: str, name: str) -> Conversation:
    conversation = Conversation(channel=channel, external_id=external_id)
    provider = None
    if channel != "web":
        provider = session.exec(select(Provider).where(Provider.phone == external_id)).first()
    if provider is not None:
        conversation.role, conversation.provider_id, conversation.language = "provider", provider.id, provider.language
    elif channel != "web":
        customer = session.exec(select(Customer).where(Customer.phone == external_id)).first()
        if customer is None:
            customer = Customer(phone=external_id, name=name.strip()[:120])
            session.add(customer)
            session.flush()
        conversation.customer_id, conversation.language = customer.id, customer.language
    else:
        customer = Customer(name=name.strip()[:120])
        session.add(customer)
        session.flush()
        conversation.customer_id = customer.id
    session.add(conversation)
    session.flush()
    return conversation


def provider_conversation(*, session: Session, provider: Provider) -> Conversation:
    """Return the provider's WhatsApp (or simulator) conversation, where offers and updates go."""
    return conversation_for(session=session, channel=default_channel(), external_id=provider.phone)
