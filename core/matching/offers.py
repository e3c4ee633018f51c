"""Offer rounds: send the best K, expire them at their deadline, then the next K, a wider radius, or expiry."""

from datetime import datetime, timedelta
from typing import Literal, overload

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.config import settings
from core.db import get_existing, is_postgres, stored_id
from core.matching import messages, phrases, preferred
from core.matching.models import Offer, OfferStatus
from core.matching.ranking import best_candidates
from core.messaging.addresses import provider_conversation
from core.messaging.outbox import enqueue, one_line
from core.providers.models import Provider
from core.providers.service import bump_counters
from core.rules.service import rule
from core.service_requests.lifecycle import Transition
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import record_event, transition


@overload
def locked_request(*, session: Session, request_id: int, skip_locked: Literal[False] = False) -> ServiceRequest: ...
@overload
def locked_request(*, session: Session, request_id: int, skip_locked: bool) -> ServiceRequest | None: ...
def locked_request(*, session: Session, request_id: int, skip_locked: bool = False) -> ServiceRequest | None:
    """Return the request, fresh from the database and row-locked on PostgreSQL (None if skip_locked and busy).

    On SQLite every write transaction starts with BEGIN IMMEDIATE, which already serialises them.
    """
    query = select(ServiceRequest).where(ServiceRequest.id == request_id).execution_options(populate_existing=True)
    if is_postgres():
        query = query.with_for_update(skip_locked=skip_locked)
    request = session.exec(query).first()
    if request is None and not skip_locked:
        raise LookupError(f"no request {request_id}")
    return request


def pending_offers(*, session: Session, request_id: int) -> list[Offer]:
    """Return the request's offers still waiting for an answer, oldest first."""
    query = select(Offer).where(Offer.request_id == request_id, Offer.status == OfferStatus.PENDING).order_by(Offer.id)
    return list(session.exec(query))


def deadline_minutes(request: ServiceRequest, *, session: Session) -> int:
    """Return how long a provider has to answer an offer of this request."""
    name = "urgent_offer_deadline_minutes" if request.urgency == "urgent" else "offer_deadline_minutes"
    return int(rule(name, session=session))


def advance(*, session: Session, request: ServiceRequest) -> str:
    """Move a locked request with no pending offer on: next round, a wider radius, or expiry; say which.

    Returns "offered", "widened", "expired", or "waiting" (offers still pending, or nothing to do).
    """
    if request.status not in (RequestStatus.PENDING, RequestStatus.OFFERED) or request.contact_hold:
        return "waiting"  # held: a web customer's number (or their choice of the chat) comes first
    if pending_offers(session=session, request_id=stored_id(request)):
        return "waiting"
    rounds = int(rule("offer_rounds", session=session))
    base = float(rule("match_radius_km", session=session))
    wide = max(base, float(rule("match_wide_radius_km", session=session)))
    if request.status == RequestStatus.PENDING:
        request.offer_round, request.radius_km = 0, base
    widened = (request.radius_km or base) >= wide and wide > base
    if request.preferred_provider_id is not None and preferred.offer_first(session=session, request=request,
                                                                          radius_km=wide):
        return "offered"
    if request.offer_round < rounds and _send_round(session, request):
        return "offered"
    if not widened:  # the radius is widened once: when the rounds are used up, or nobody is left nearby
        _widen(session, request, wide)
        if _send_round(session, request):
            return "widened"
    transition(session=session, request=request, target=RequestStatus.EXPIRED, actor="system",
               detail={"rounds": request.offer_round, "radius_km": request.radius_km})
    return "expired"


def expire_overdue(*, session: Session, request: ServiceRequest, now: datetime) -> int:
    """Mark the request's offers past their deadline as expired; return how many."""
    overdue = [o for o in pending_offers(session=session, request_id=stored_id(request)) if o.expires_at <= now]
    for offer in sorted(overdue, key=lambda o: o.provider_id):  # one lock order for provider rows: no deadlocks
        offer.status = OfferStatus.EXPIRED
        session.add(offer)
        bump_counters(session=session, provider_id=offer.provider_id, offers_expired=1)
    if overdue:
        record_event(session=session, request=request, actor="system", kind="offers_expired",
                     detail={"providers": [o.provider_id for o in overdue], "round": request.offer_round})
    return len(overdue)


def on_transition(*, session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict) -> None:
    """Hook: leaving "offered" withdraws the pending offers; back to "pending" starts a fresh search.

    Their providers are told by the sweep, not here: writing to their conversations while holding this request's
    lock could deadlock with one of them answering at the same moment (their conversation locked, waiting for us).
    """
    if step.source == RequestStatus.OFFERED:
        session.execute(sa.update(Offer).where(Offer.request_id == request.id, Offer.status == OfferStatus.PENDING)
                        .values(status=OfferStatus.WITHDRAWN, notice_pending=True)
                        .execution_options(synchronize_session="fetch"))
    if step.target == RequestStatus.PENDING:
        request.offer_round, request.radius_km, request.provider_id = 0, None, None
        request.searching_notice_sent = False
        session.add(request)


def _widen(session: Session, request: ServiceRequest, wide: float) -> None:
    record_event(session=session, request=request, actor="system", kind="widened",
                 detail={"from_km": request.radius_km, "to_km": wide})
    request.radius_km = wide
    session.add(request)


def _send_round(session: Session, request: ServiceRequest) -> int:
    """Offer the request to the best candidates not asked yet; return how many offers went out."""
    now = clock.now()
    radius = float(request.radius_km or rule("match_radius_km", session=session))
    started = request.offered_at if request.status == RequestStatus.OFFERED else None
    best = best_candidates(session=session, request=request, radius_km=radius, now=now,
                           limit=int(rule("offer_batch_size", session=session)), search_started_at=started)
    if not best:
        return 0
    if request.status == RequestStatus.PENDING:
        transition(session=session, request=request, target=RequestStatus.OFFERED, actor="system")
    request.offer_round += 1
    session.add(request)
    created = max(clock.now(), request.offered_at or now)  # never before the search started (see candidates)
    expires = created + timedelta(minutes=deadline_minutes(request, session=session))
    for candidate, score, parts in sorted(best, key=lambda item: item[0].id):
        offer = session.exec(select(Offer).where(Offer.request_id == request.id,
                                                 Offer.provider_id == candidate.id)).first()
        offer = offer or Offer(request_id=stored_id(request), provider_id=stored_id(candidate))
        offer.round, offer.status = request.offer_round, OfferStatus.PENDING
        offer.score, offer.score_parts = score, parts
        offer.created_at, offer.expires_at, offer.responded_at = created, expires, None
        session.add(offer)
        session.flush()
        bump_counters(session=session, provider_id=candidate.id, offers_received=1, last_offered_at=created)
        send_offer(session, request, offer, expires)
    record_event(session=session, request=request, actor="system", kind="offer_round",
                 detail={"round": request.offer_round, "radius_km": radius,
                         "offers": [{"provider_id": c.id, "score": s} for c, s, _ in best]})
    return len(best)


def send_offer(session: Session, request: ServiceRequest, offer: Offer, expires: datetime, note: str = "") -> None:
    """Queue the offer to its provider, in the provider's language, the customer's words quoted as written."""
    provider = get_existing(session, Provider, offer.provider_id)
    lang = provider.language
    place = f"{request.quartier} ({request.address[:120]})" if request.address else request.quartier
    body = messages.say(
        "offer", lang, ref=request.reference, service=messages.service_name(request, lang), quartier=place,
        when=messages.when_text(request, lang), description=(request.description or "-").strip()[:300],
        price=messages.price_range(request), deadline=clock.format_local(expires, "%H:%M"))
    if note:
        body = f"{messages.say(note, lang)}\n{body}"
    conversation = provider_conversation(session=session, provider=provider)
    # With TWILIO_CONTENT_SID_OFFER (a twilio/quick-reply content: body {{1}}, buttons OUI {{2}} and NON {{3}}) every
    # offer goes as that template, so its buttons bind the answer to this offer whether or not a session is open.
    variables = {"1": one_line(body), "2": phrases.button_payload(request.reference, "accept"),
                 "3": phrases.button_payload(request.reference, "decline")}
    enqueue(session=session, conversation=conversation, body=body, kind="offer",
            content_sid=settings.twilio_content_sid_offer, content_variables=variables,
            dedupe_key=f"req{request.id}:offer{offer.id}:{int(offer.created_at.timestamp())}")
