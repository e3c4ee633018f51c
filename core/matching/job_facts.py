"""What the provider who holds a job reads about it: who to call and where to go (a read model for the portal)."""

from dataclasses import dataclass

from sqlmodel import Session, select

from core.catalog import map_link
from core.customers.models import Customer
from core.db import stored_id
from core.messaging.conversations import Message
from core.phones import display_phone
from core.service_requests.models import RequestEvent, RequestMedia, ServiceRequest
from core.service_requests.service import request_media


@dataclass(frozen=True)
class JobContact:
    """The customer as the provider sees them: a first name and, when given, a number to call."""

    first_name: str
    phone: str | None  # E.164, proven (WhatsApp) or given on the web chat as the number to call back
    phone_display: str
    channel: str  # whatsapp | web: where the customer wrote from


@dataclass(frozen=True)
class JobPlace:
    """Where the job is: the quartier, what the customer said about the place, and the pin they shared."""

    quartier: str
    details: str  # what the customer added about the place or the job after the request was made, one per line
    landmark: str  # the directions kept on the request: "derrière la pharmacie du rond-point, portail bleu"
    pin_url: str | None  # the location the customer shared
    area_url: str | None  # the quartier (or named spot) on a map, when no pin says better


def job_contact(*, session: Session, request: ServiceRequest) -> JobContact:
    """Return the customer's first name and the number to call for this request."""
    customer = session.get(Customer, request.customer_id)
    name = (customer.name or "").strip() if customer else ""
    phone = (customer.phone or customer.contact_phone) if customer else None
    return JobContact(first_name=name.split()[0] if name else "", phone=phone,
                      phone_display=display_phone(phone) if phone else "", channel=request.channel)


def job_place(*, session: Session, request: ServiceRequest, media: list[RequestMedia] | None = None) -> JobPlace:
    """Return where the job is; media saves a second read when the caller already has the request's media."""
    media = request_media(session=session, request_id=stored_id(request)) if media is None else media
    pins = [(m.lat, m.lon) for m in media if m.kind == "location" and m.lat is not None and m.lon is not None]
    area = (request.lat, request.lon) if request.lat is not None and request.lon is not None else None
    return JobPlace(quartier=request.quartier, details="\n".join(later_details(session=session, request=request)),
                    landmark=landmark_of(request),
                    pin_url=map_link(*pins[-1]) if pins else None,
                    area_url=map_link(*area) if area else None)


def landmark_of(request: ServiceRequest) -> str:
    """Return the directions the customer gave for this request (kept in its address)."""
    return (request.address or "").strip()


def later_details(*, session: Session, request: ServiceRequest) -> list[str]:
    """Return the details the customer added after the request was made, oldest first."""
    rows = session.exec(select(RequestEvent).where(RequestEvent.request_id == request.id,
                                                   RequestEvent.kind == "customer_detail")
                        .order_by(RequestEvent.id)).all()
    return [text for e in rows if (text := str(e.detail.get("text", "")).strip())]


def customer_words_since_assignment(*, session: Session, request: ServiceRequest, limit: int = 20) -> list[Message]:
    """Return what the customer wrote in the request's conversation since the job was assigned, oldest first."""
    if request.conversation_id is None or request.assigned_at is None:
        return []
    rows = session.exec(select(Message).where(Message.conversation_id == request.conversation_id,
                                              Message.direction == "in", Message.created_at >= request.assigned_at)
                        .order_by(Message.id.desc()).limit(limit)).all()
    return list(reversed(rows))
