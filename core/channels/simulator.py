"""The simulator channel: write as a phone number (or WhatsApp user id) and read what Djobea sends back.

Messages go in through the same inbound store (rate limit included) and engine as WhatsApp, and out through the
outbox, whose dispatcher marks simulator rows sent. Each simulated message keeps the staff member who typed it.
With WhatsApp live, only demo numbers may be simulated: a real number would let staff act as a real person.
"""

import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from core import clock
from core.channels.inbound import process_message
from core.channels.webhook import Inbound, store
from core.config import settings
from core.customers.models import Customer
from core.db import session_scope, stored_id
from core.matching.models import Offer, OfferStatus
from core.messaging.conversations import Conversation, Message
from core.messaging.models import MessageStatus, OutboxMessage
from core.phones import normalize_address
from core.providers.models import Provider
from core.security.sealed import unseal
from core.service_requests.models import RequestStatus, ServiceRequest

CHANNEL = "simulator"
DEMO_RANGE = "+237600"  # +237 600 xx xx xx is not allocated to any operator (see core.demo)
REFUSED = ("WhatsApp est en service : le simulateur n'écrit qu'avec les numéros de démonstration (+237 600 …) "
           "et les comptes de démonstration, jamais au nom d'une vraie personne.")


class SimulatorRefused(ValueError):
    """This number may not be simulated (WhatsApp is live and it is not a demo number)."""


def send_as(phone: str, text: str, *, staff: str, alias: str = "") -> int | None:
    """Receive text from phone (or a user id, alias its other identity), typed by staff, and run the engine on it.

    Returns the message id. Raises SimulatorRefused for a real person's number while WhatsApp is live.
    """
    number = normalize_address(phone)
    if not may_simulate(number):
        raise SimulatorRefused(REFUSED)
    inbound = Inbound(sid=f"sim-{uuid.uuid4().hex}", sender=number, body=text.replace("\x00", ""),
                      alias=normalize_address(alias) if alias else "")
    stored = store(inbound, channel=CHANNEL, sent_by=staff)
    if stored is None:
        return None
    message_id, status = stored
    if status == MessageStatus.RECEIVED:
        process_message(message_id)
    return message_id


def may_simulate(number: str) -> bool:
    """True when staff may write as this E.164 number: any number in a demo, only demo ones with WhatsApp live."""
    if not settings.twilio_enabled:
        return True
    with session_scope() as session:
        return is_demo_number(session=session, number=number)


def is_demo_number(*, session: Session, number: str) -> bool:
    """True for the demo range and for the numbers of demo providers and customers."""
    if number.startswith(DEMO_RANGE):
        return True
    return bool(session.exec(select(Provider.id).where(Provider.phone == number, Provider.is_demo)).first()
                or session.exec(select(Customer.id).where(Customer.phone == number, Customer.is_demo)).first())


@dataclass(frozen=True)
class Bubble:
    """One message as a simulated phone shows it; mine: the phone's owner wrote it."""

    id: int
    mine: bool
    body: str
    status: MessageStatus
    time: str  # Douala time, HH:MM


@dataclass(frozen=True)
class SentOffer:
    """An offer of a simulated customer's request: its round, status and the provider it went to."""

    round: int
    status: OfferStatus
    name: str
    phone: str


@dataclass(frozen=True)
class RequestOffers:
    """A simulated customer's request with the offers it made."""

    reference: str
    status: RequestStatus
    offers: list[SentOffer]


def thread(phone: str, after_id: int = 0, limit: int = 200) -> list[Bubble]:
    """Return the phone's simulator messages newer than after_id, oldest first, ready to show.

    A demo phone shows the codes sent to it, as the person would read them; any other shows them masked.
    """
    external_id = normalize_address(phone)
    with session_scope() as session:
        conversation_id = session.exec(select(Conversation.id).where(
            Conversation.channel == CHANNEL, Conversation.external_id == external_id)).first()
        if conversation_id is None:
            return []
        rows = session.exec(select(Message).where(Message.conversation_id == conversation_id, Message.id > after_id)
                            .order_by(Message.id.desc()).limit(limit)).all()
        opened = _opened_codes(session, external_id, [stored_id(m) for m in rows if m.direction == "out"])
    return [Bubble(id=stored_id(m), mine=m.direction == "in", body=opened.get(stored_id(m), m.body), status=m.status,
                   time=clock.format_local(m.created_at, "%H:%M")) for m in reversed(rows)]


def _opened_codes(session: Session, number: str, message_ids: list[int]) -> dict[int, str]:
    if not message_ids or not is_demo_number(session=session, number=number):
        return {}
    rows = session.exec(select(OutboxMessage.message_id, OutboxMessage.sealed).where(
        OutboxMessage.message_id.in_(message_ids), OutboxMessage.sealed != "")).all()
    return {message_id: text for message_id, sealed in rows if message_id and (text := unseal(sealed)) is not None}


def providers(limit: int = 100) -> dict[str, str]:
    """Return providers' phones with a label for the provider phone's picker: those just sent something first.

    With WhatsApp live, demo providers only.
    """
    with session_scope() as session:
        recent = session.exec(select(Conversation.external_id).where(
            Conversation.channel == CHANNEL, Conversation.role == "provider",
            Conversation.last_outbound_at.is_not(None)).order_by(Conversation.last_outbound_at.desc()).limit(20)).all()
        query = select(Provider.phone, Provider.name, Provider.quartier)
        if settings.twilio_enabled:
            query = query.where(Provider.is_demo)
        rows = list(session.exec(query.order_by(Provider.is_demo.desc(), Provider.id).limit(limit)).all())
        rows += session.exec(query.where(Provider.phone.in_(recent))).all()
    labels = {phone: f"{name} · {quartier}" if quartier else name for phone, name, quartier in rows}
    first = {phone: f"📩 {labels[phone]}" for phone in recent if phone in labels}
    return first | {phone: label for phone, label in labels.items() if phone not in first}


def customers(limit: int = 20) -> list[str]:
    """Return the customer numbers that wrote on the simulator most recently (demo ones only with WhatsApp live)."""
    query = select(Conversation.external_id).where(
        Conversation.channel == CHANNEL, Conversation.role == "customer", Conversation.is_demo.is_(False))
    if settings.twilio_enabled:
        query = query.where(Conversation.external_id.startswith(DEMO_RANGE))
    with session_scope() as session:
        return list(session.exec(query.order_by(Conversation.updated_at.desc()).limit(limit)).all())


def offers_sent(phone: str, limit: int = 5) -> list[RequestOffers]:
    """Return the latest requests of the customer at phone, each with the providers its offers went to."""
    with session_scope() as session:
        conversation_id = session.exec(select(Conversation.id).where(
            Conversation.channel == CHANNEL, Conversation.external_id == normalize_address(phone))).first()
        if conversation_id is None:
            return []
        requests = session.exec(select(ServiceRequest).where(ServiceRequest.conversation_id == conversation_id)
                                .order_by(ServiceRequest.id.desc()).limit(limit)).all()
        found = []
        for request in requests:
            offers = session.exec(select(Offer.round, Offer.status, Provider.name, Provider.phone)
                                  .join(Provider, Provider.id == Offer.provider_id)
                                  .where(Offer.request_id == request.id).order_by(Offer.round, Offer.id)).all()
            found.append(RequestOffers(reference=request.reference, status=request.status,
                                       offers=[SentOffer(round=r, status=s, name=n, phone=p) for r, s, n, p in offers]))
        return found
