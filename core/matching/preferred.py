"""The provider a returning customer asked for again: offered the job alone for a short window, then the round."""

from datetime import timedelta

from sqlmodel import Session, select

from core import clock
from core.db import stored_id
from core.matching import messages
from core.matching.candidates import eligible
from core.matching.models import Offer, OfferStatus
from core.matching.notifications import customer_conversation
from core.messaging.outbox import enqueue
from core.providers.models import Provider
from core.providers.service import bump_counters
from core.rules.service import rule
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import record_event, transition


def offer_first(*, session: Session, request: ServiceRequest, radius_km: float) -> bool:
    """Offer the request to the preferred provider alone, once; False when that is done or they cannot take it.

    When they cannot (paused, busy, no longer offering the trade), or let the window pass or said no, the customer
    is told once, and the caller goes on with the normal round.
    """
    provider_id = request.preferred_provider_id
    if provider_id is None:
        return False
    asked = session.exec(select(Offer).where(Offer.request_id == request.id,
                                             Offer.provider_id == provider_id)).first()
    if asked is not None:
        if asked.status in (OfferStatus.DECLINED, OfferStatus.EXPIRED):
            _tell_customer(session, request)
        return False
    now = clock.now()
    chosen = eligible(request=request, radius_km=max(radius_km, 50.0), now=now, among=Provider.id == provider_id)
    if session.execute(chosen.query).first() is None:
        _tell_customer(session, request)
        return False
    from core.matching.offers import send_offer  # offers imports this module

    if request.status == RequestStatus.PENDING:
        transition(session=session, request=request, target=RequestStatus.OFFERED, actor="system")
    created = max(clock.now(), request.offered_at or now)
    expires = created + timedelta(minutes=int(rule("preferred_provider_minutes", session=session)))
    offer = Offer(request_id=stored_id(request), provider_id=provider_id, round=0, status=OfferStatus.PENDING,
                  score=1.0, score_parts={"preferred": True}, created_at=created, expires_at=expires)
    session.add(offer)
    session.flush()
    bump_counters(session=session, provider_id=provider_id, offers_received=1, last_offered_at=created)
    send_offer(session, request, offer, expires, note="offer_preferred")
    record_event(session=session, request=request, actor="system", kind="offer_round",
                 detail={"round": 0, "preferred": True, "offers": [{"provider_id": provider_id, "score": 1.0}]})
    return True


def _tell_customer(session: Session, request: ServiceRequest) -> None:
    conversation = customer_conversation(session=session, request=request)
    provider = session.get(Provider, request.preferred_provider_id)
    if conversation is None or provider is None:
        return
    lang = request.language or conversation.language
    enqueue(session=session, conversation=conversation, kind="update", dedupe_key=f"req{request.id}:preferred-busy",
            body=messages.say("preferred_busy", lang, ref=request.reference,
                              name=messages.first_name(provider.name)))
