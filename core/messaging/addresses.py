"""Find or open the conversation of a person on a channel.

On WhatsApp (and the simulator that plays it) a person is reached at an address: an E.164 phone, or the
business-scoped user id (BSUID) of someone who hides their number behind a username. Customers and providers
keep both when known. A conversation is found by the address a message comes from, else through the person's
other identity, and a message that carries both identities links them:

- a customer gets the missing phone or user id, unless another customer already holds it (never merged
  automatically: logged for the team);
- a provider is known by their phone. A user id is theirs only once Twilio has given it together with that phone
  in one signed message (Meta keeps showing the number to a business that messaged it, so offers sent to the
  phone bring that proof); until then a user id writes as a customer. When the link comes, the conversation it
  opened becomes the provider's.
"""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from core.config import settings
from core.customers.models import Customer
from core.logs import log
from core.messaging.conversations import Conversation
from core.phones import InvalidPhone, is_bsuid, normalize_address
from core.providers.models import Provider

ADDRESSED = ("whatsapp", "simulator")  # channels whose external id is a WhatsApp address


def default_channel() -> str:
    """Return the channel business-initiated WhatsApp messages go through: Twilio, or the simulator."""
    return "whatsapp" if settings.twilio_enabled else "simulator"


def conversation_for(*, session: Session, channel: str, external_id: str, name: str = "",
                     alias: str = "") -> Conversation:
    """Return the conversation for this address on this channel, opening it (and its customer) on first contact.

    alias is the person's other WhatsApp identity (phone or user id) when the channel gave both: the two are linked.
    A phone number or user id that belongs to a provider opens a provider conversation.
    """
    if channel in ADDRESSED:
        external_id, alias = normalize_address(external_id), _address(alias)
        alias = "" if alias == external_id else alias
    else:
        alias = ""
    query = select(Conversation).where(Conversation.channel == channel, Conversation.external_id == external_id)
    conversation = session.exec(query).first()
    if conversation is None and channel in ADDRESSED:
        conversation = _same_person(session, channel, external_id, alias)
    if conversation is None:
        try:
            with session.begin_nested():
                conversation = _open(session, channel, external_id, name, alias)
        except IntegrityError:
            conversation = session.exec(query).one()  # the same person's first two messages raced: the other won
    if alias:
        _link(session, conversation, external_id, alias)
    return conversation


def provider_conversation(*, session: Session, provider: Provider) -> Conversation:
    """Return the provider's WhatsApp (or simulator) conversation, where offers and updates go."""
    return conversation_for(session=session, channel=default_channel(), external_id=provider.phone,
                            alias=provider.bsuid or "")


def customer_conversation_of(*, session: Session, customer: Customer) -> Conversation | None:
    """Return the customer's WhatsApp (or simulator) conversation, at their phone or user id; None with neither."""
    address = customer.phone or customer.bsuid
    if not address:
        return None
    alias = customer.bsuid if customer.phone and customer.bsuid else ""
    return conversation_for(session=session, channel=default_channel(), external_id=address, alias=alias)


def _address(raw: str) -> str:
    try:
        return normalize_address(raw) if raw else ""
    except InvalidPhone:
        return ""


def _split(*addresses: str) -> tuple[str | None, str | None]:
    """Return (phone, user id) among the addresses."""
    phone = next((a for a in addresses if a and not is_bsuid(a)), None)
    bsuid = next((a for a in addresses if a and is_bsuid(a)), None)
    return phone, bsuid


def _same_person(session: Session, channel: str, external_id: str, alias: str) -> Conversation | None:
    """Return the conversation this person has at another address of theirs (linked earlier, or given now)."""
    known = {a for a in (external_id, alias) if a}
    for model in (Customer, Provider):
        rows = session.exec(select(model.phone, model.bsuid).where(
            sa.or_(model.phone.in_(known), model.bsuid.in_(known)))).all()
        known |= {a for row in rows for a in row if a}
    others = known - {external_id}
    if not others:
        return None
    return session.exec(select(Conversation).where(Conversation.channel == channel,
                                                   Conversation.external_id.in_(others))
                        .order_by(Conversation.updated_at.desc())).first()


def _open(session: Session, channel: str, external_id: str, name: str, alias: str) -> Conversation:
    conversation = Conversation(channel=channel, external_id=external_id)
    if channel == "web":
        visitor = Customer(name=name.strip()[:120])
        session.add(visitor)
        session.flush()
        conversation.customer_id = visitor.id
        session.add(conversation)
        session.flush()
        return conversation
    provider = _provider_at(session, external_id, alias)
    if provider is not None:
        conversation.role, conversation.provider_id, conversation.language = "provider", provider.id, provider.language
    else:
        customer = _customer_at(session, external_id) or (_customer_at(session, alias) if alias else None)
        if customer is None:
            phone, bsuid = _split(external_id, alias)
            customer = Customer(phone=phone, bsuid=bsuid, name=name.strip()[:120])
            session.add(customer)
            session.flush()
        conversation.customer_id, conversation.language = customer.id, customer.language
    session.add(conversation)
    session.flush()
    return conversation


def _customer_at(session: Session, address: str) -> Customer | None:
    return session.exec(select(Customer).where(sa.or_(Customer.phone == address, Customer.bsuid == address))).first()


def _provider_at(session: Session, *addresses: str) -> Provider | None:
    """Return the provider whose phone, or linked user id, is among the addresses."""
    given = [a for a in addresses if a]
    return session.exec(select(Provider).where(sa.or_(Provider.phone.in_(given),
                                                      Provider.bsuid.in_(given)))).first()


def _link(session: Session, conversation: Conversation, external_id: str, alias: str) -> None:
    """One signed message gave both identities: keep them together on the person behind the conversation."""
    phone, bsuid = _split(external_id, alias)
    if not (phone and bsuid) or conversation.channel not in ADDRESSED:
        return
    if conversation.role == "provider":
        provider = session.get(Provider, conversation.provider_id)
        if provider is not None:
            _link_provider(session, provider, phone, bsuid)
        return
    customer = session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    if customer is not None and customer.phone == phone and customer.bsuid == bsuid:
        return  # linked already: the usual case, no query
    provider = session.exec(select(Provider).where(Provider.phone == phone)).first()
    if provider is not None:
        if _link_provider(session, provider, phone, bsuid):
            # a provider who first wrote from their user id: the conversation it opened is theirs from now on
            conversation.role, conversation.provider_id, conversation.language = "provider", provider.id, \
                provider.language
            conversation.state, conversation.current_request_id = {}, None
            session.add(conversation)
        return
    if customer is None:
        return
    for field, value in (("phone", phone), ("bsuid", bsuid)):
        current = getattr(customer, field)
        if current == value:
            continue
        holder = session.exec(select(Customer.id).where(getattr(Customer, field) == value)).first()
        if current is None and holder is None:
            setattr(customer, field, value)
            session.add(customer)
        else:
            log.warning("one WhatsApp user seems to be two customers: not merged", customer_id=customer.id,
                        other_customer_id=holder, field=field)


def _link_provider(session: Session, provider: Provider, phone: str, bsuid: str) -> bool:
    """Give the provider this user id when it came with their phone; True when it is (now) theirs."""
    if provider.phone != phone:
        return False
    if provider.bsuid == bsuid:
        return True
    holder = session.exec(select(Provider.id).where(Provider.bsuid == bsuid)).first()
    if holder is not None:
        log.warning("a WhatsApp user id already linked to another provider", provider_id=provider.id,
                    other_provider_id=holder)
        return False
    provider.bsuid = bsuid  # a new one replaces the old: WhatsApp gives a new user id with a new number
    session.add(provider)
    session.flush()
    return True
