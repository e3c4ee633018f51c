"""What the provider who took a job gets: how to reach and find the customer, what they add later, what to do next."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from core import clock
from core.catalog import map_link
from core.config import settings
from core.customers.models import Customer
from core.db import get_existing, stored_id
from core.matching import messages
from core.matching.job_facts import landmark_of, later_details
from core.matching.models import Offer, OfferStatus
from core.matching.notifications import customer_conversation
from core.messaging.addresses import provider_conversation
from core.messaging.outbox import enqueue
from core.phones import display_phone
from core.providers.models import Provider
from core.rules.service import rule
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import record_event, request_media

_WORKING = (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)


@dataclass(frozen=True)
class JobSheet:
    """What the job message tells the provider about reaching and finding the customer, and the next step."""

    reference: str
    first_name: str  # "" when the customer gave no name
    phone: str | None  # E.164: a number WhatsApp and phones make tappable
    phone_display: str | None
    reach_through_chat: bool  # a web customer without a number: the provider writes, we relay
    quartier: str
    landmark: str
    description: str
    details: list[str]  # what the customer added later
    pin: str | None  # a maps link to the latest location pin
    photos: int
    photos_url: str | None
    urgent: bool
    scheduled_for: datetime | None
    next_step: str | None  # "start", "finish", or None when the job is not under way


def job_sheet(*, session: Session, request: ServiceRequest) -> JobSheet:
    """Return what the job page and the job message show: contact, place, the customer's words, pin, photos, next."""
    customer = session.get(Customer, request.customer_id)
    phone = (customer.phone or customer.contact_phone) if customer is not None else None
    media = request_media(session=session, request_id=stored_id(request))
    pins = [(m.lat, m.lon) for m in media if m.kind == "location" and m.lat is not None and m.lon is not None]
    photos = [m for m in media if m.kind == "image"]
    return JobSheet(
        reference=request.reference,
        first_name=first_name(customer),
        phone=phone,
        phone_display=display_phone(phone) if phone else None,
        reach_through_chat=phone is None,
        quartier=request.quartier,
        landmark=landmark_of(request),
        description=(request.description or "").strip(),
        details=later_details(session=session, request=request),
        pin=map_link(*pins[-1]) if pins else None,
        photos=len(photos),
        photos_url=f"{settings.base_url()}/provider/jobs/{request.id}" if photos else None,
        urgent=request.urgency == "urgent",
        scheduled_for=request.scheduled_for,
        next_step="start" if request.status == RequestStatus.ASSIGNED else (
            "finish" if request.status == RequestStatus.IN_PROGRESS else None),
    )


def job_message(*, session: Session, request: ServiceRequest, provider: Provider) -> str:
    """Return the job message for the provider who took it, in the provider's language."""
    sheet, lang = job_sheet(session=session, request=request), provider.language
    contact = sheet.phone or messages.say("reach_through_chat", lang)
    place = request.quartier + (f" — {sheet.landmark}" if sheet.landmark else "")
    name = sheet.first_name or messages.say("unnamed_customer", lang)
    text = messages.say("job_details", lang, ref=request.reference, name=name, phone=contact,
                        address=place, service=messages.service_name(request, lang),
                        description=sheet.description[:600] or "-", when=messages.when_text(request, lang))
    if sheet.pin:
        text += "\n" + messages.say("job_pin", lang, url=sheet.pin)
    if sheet.photos:
        text += "\n" + messages.say("job_photos", lang, count=sheet.photos, url=sheet.photos_url)
    next_key = "job_next_chat" if sheet.reach_through_chat else "job_next_call"
    return text + "\n" + messages.say(next_key, lang)


def tell_provider_detail(*, session: Session, request: ServiceRequest, kind: str, text: str) -> bool:
    """Pass what the customer adds after assignment (detail, landmark, urgency, a message) to the provider."""
    if kind in ("detail", "landmark"):
        record_event(session=session, request=request, actor="customer", kind="customer_detail",
                     detail={"kind": kind, "text": text[:500]})
    if request.status not in _WORKING or request.provider_id is None:
        return False
    provider = session.get(Provider, request.provider_id)
    if provider is None:
        return False
    body = messages.say(f"later_{kind}", provider.language, ref=request.reference, text=text.strip()[:500])
    enqueue(session=session, conversation=provider_conversation(session=session, provider=provider), body=body,
            kind="update")
    return True


def tell_provider_media(*, session: Session, request: ServiceRequest, photos: int, pin: tuple | None) -> None:
    """Tell the provider of photos or a pin the customer sent after the job was theirs."""
    if request.status not in _WORKING or request.provider_id is None or not (photos or pin):
        return
    provider = get_existing(session, Provider, request.provider_id)
    conversation = provider_conversation(session=session, provider=provider)
    if pin:
        enqueue(session=session, conversation=conversation, kind="update",
                body=f"{request.reference} · " + messages.say("job_pin", provider.language, url=map_link(*pin)))
    if photos:
        enqueue(session=session, conversation=conversation, kind="update",
                body=f"{request.reference} · " + messages.say("job_photos", provider.language, count=photos,
                                                              url=f"{settings.base_url()}/provider/jobs/{request.id}"))


def relay_to_customer(*, session: Session, provider: Provider, text: str) -> str | None:
    """Pass a provider's words to the one customer of theirs reachable only through the chat; the provider's reply."""
    jobs = [r for r in session.exec(select(ServiceRequest).where(ServiceRequest.provider_id == provider.id,
                                                                  ServiceRequest.status.in_(_WORKING)))
            if job_sheet(session=session, request=r).reach_through_chat]
    if len(jobs) != 1 or not text.strip():
        return None
    request = jobs[0]
    conversation = customer_conversation(session=session, request=request)
    if conversation is None:
        return None
    lang = request.language or conversation.language
    enqueue(session=session, conversation=conversation, kind="relay", author="provider",
            body=messages.say("from_provider", lang, ref=request.reference, name=messages.first_name(provider.name),
                              text=text.strip()[:1000]))
    return messages.say("relayed_to_customer", provider.language, ref=request.reference)


def pending_offer_count(*, session: Session, request: ServiceRequest) -> int:
    """Return how many providers are being asked right now."""
    return len(session.exec(select(Offer.id).where(Offer.request_id == request.id,
                                                   Offer.status == OfferStatus.PENDING)).all())


def hasten_offers(*, session: Session, request: ServiceRequest) -> None:
    """The request became urgent: offers waiting for an answer now end at the urgent deadline, if that is sooner."""
    soon = clock.now() + timedelta(minutes=int(rule("urgent_offer_deadline_minutes", session=session)))
    for offer in session.exec(select(Offer).where(Offer.request_id == request.id, Offer.status == OfferStatus.PENDING)):
        if clock.as_utc(offer.expires_at) > soon:
            offer.expires_at = soon
            session.add(offer)
        provider = get_existing(session, Provider, offer.provider_id)
        enqueue(session=session, conversation=provider_conversation(session=session, provider=provider),
                kind="update", body=messages.say("offer_urgent", provider.language, ref=request.reference,
                                                  deadline=clock.format_local(offer.expires_at, "%H:%M")),
                dedupe_key=f"req{request.id}:urgent:offer{offer.id}")


def first_name(customer: Customer | None) -> str:
    """Return the customer's first name, or '' when they gave none."""
    if customer is not None and customer.name.strip():
        return customer.name.split()[0]
    return ""
