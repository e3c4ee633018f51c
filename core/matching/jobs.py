"""What a provider does with an offer or a job: accept (first one wins), decline, start, finish, withdraw.

Each function locks the request first, so two providers answering at the same moment are handled one after the
other and exactly one of them gets the job. Each returns the name of the reply text for the provider.
"""

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.db import is_postgres, stored_id
from core.matching import offers
from core.matching.models import Offer, OfferStatus
from core.matching.notifications import customer_conversation, tell_customer_stage
from core.messaging.outbox import enqueue
from core.providers.models import Provider
from core.providers.service import active_jobs, bump_counters
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from core.service_requests.service import record_event, transition

MESSAGE_LIMIT = 500  # a provider's message to a customer through the chat
STAGES = ("on_the_way", "arrived", "started")  # what a started job's customer is told, in this order


def accept_offer(*, session: Session, provider: Provider, offer_id: int) -> tuple[str, ServiceRequest]:
    """Give the job to this provider if it is still open; else say it is taken or closed."""
    request, offer = _locked(session, offer_id)
    if offer.status != OfferStatus.PENDING or request.status != RequestStatus.OFFERED:
        taken = request.provider_id is not None and request.provider_id != provider.id
        return ("taken" if taken else "offer_closed"), request
    _lock_provider(session, stored_id(provider))
    if active_jobs(session=session, provider_id=stored_id(provider)) >= provider.max_concurrent_jobs:
        return "at_capacity", request
    _answered(session, offer, OfferStatus.ACCEPTED, offers_accepted=1)
    request.provider_id = provider.id
    transition(session=session, request=request, target=RequestStatus.ASSIGNED, actor="provider",
               actor_id=str(provider.id), detail={"offer_id": offer.id, "round": offer.round})
    return "accepted", request


def decline_offer(*, session: Session, provider: Provider, offer_id: int) -> tuple[str, ServiceRequest]:
    """Record a no; when nobody else is still asked, move the request on at once instead of waiting."""
    request, offer = _locked(session, offer_id)
    if offer.status != OfferStatus.PENDING:
        return "declined_ok", request
    _answered(session, offer, OfferStatus.DECLINED, offers_declined=1)
    record_event(session=session, request=request, actor="provider", actor_id=str(provider.id),
                 kind="offer_declined", detail={"offer_id": offer.id, "round": offer.round})
    if request.status == RequestStatus.OFFERED:
        offers.advance(session=session, request=request)
    return "declined_ok", request


def start_job(*, session: Session, provider: Provider, request_id: int, stage: str) -> tuple[str, ServiceRequest]:
    """Mark the job started (on the way, arrived or working); the customer hears of each new stage once."""
    stage = stage if stage in STAGES else "on_the_way"
    request = offers.locked_request(session=session, request_id=request_id)
    if request.provider_id != provider.id or request.status not in (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS):
        return "offer_closed", request
    if request.status == RequestStatus.ASSIGNED:
        transition(session=session, request=request, target=RequestStatus.IN_PROGRESS, actor="provider",
                   actor_id=str(provider.id), detail={"stage": stage})
    elif stage not in stages_reached(session=session, request_id=stored_id(request)):
        record_event(session=session, request=request, actor="provider", actor_id=str(provider.id), kind="stage",
                     detail={"stage": stage})
        tell_customer_stage(session=session, request=request, stage=stage)
    return "started_ok", request


def stages_reached(*, session: Session, request_id: int) -> list[str]:
    """Return the stages of the job the customer was told of (on the way, arrived, started), in order."""
    details = session.exec(select(RequestEvent.detail).where(
        RequestEvent.request_id == request_id,
        sa.or_(RequestEvent.kind == "stage", sa.and_(RequestEvent.kind == "transition",
                                                      RequestEvent.to_status == RequestStatus.IN_PROGRESS)))
        .order_by(RequestEvent.id))
    reached: list[str] = []
    for detail in details:
        stage = (detail or {}).get("stage")
        stage = stage if stage in STAGES else "on_the_way"  # an older start without a stage told "on the way"
        if stage not in reached:
            reached.append(stage)
    return reached


def complete_job(*, session: Session, provider: Provider, request_id: int, price: int) -> tuple[str, ServiceRequest]:
    """Close the job at the final price (straight from assigned too: the start is implied)."""
    request = offers.locked_request(session=session, request_id=request_id)
    if request.provider_id != provider.id or request.status not in (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS):
        return "offer_closed", request
    request.final_price = price
    finish(session=session, request=request, actor="provider", actor_id=str(provider.id), detail={"price": price})
    return "completed_ok", request


def finish(*, session: Session, request: ServiceRequest, actor: str, actor_id: str, detail: dict) -> None:
    """Move the request to completed and count the job for its provider: the one way a job is counted."""
    transition(session=session, request=request, target=RequestStatus.COMPLETED, actor=actor, actor_id=actor_id,
               detail=detail)
    if request.provider_id is not None:
        bump_counters(session=session, provider_id=request.provider_id, jobs_completed=1)


def withdraw_from_job(*, session: Session, provider: Provider, request_id: int) -> tuple[str, ServiceRequest]:
    """Hand an accepted job back before starting it; the search starts again without this provider."""
    request = offers.locked_request(session=session, request_id=request_id)
    if request.provider_id != provider.id or request.status != RequestStatus.ASSIGNED:
        return "withdraw_late" if request.status == RequestStatus.IN_PROGRESS else "offer_closed", request
    transition(session=session, request=request, target=RequestStatus.PENDING, actor="provider",
               actor_id=str(provider.id), detail={"reason": "provider withdrew"})
    return "withdrawn_ok", request


def _locked(session: Session, offer_id: int) -> tuple[ServiceRequest, Offer]:
    request_id = session.exec(select(Offer.request_id).where(Offer.id == offer_id)).one()
    request = offers.locked_request(session=session, request_id=request_id)
    offer = session.exec(select(Offer).where(Offer.id == offer_id)
                         .execution_options(populate_existing=True)).one()  # re-read under the request's lock
    return request, offer


def _lock_provider(session: Session, provider_id: int) -> None:
    """Serialise one provider's acceptances, so two at once cannot exceed max_concurrent_jobs."""
    if is_postgres():
        session.exec(select(Provider.id).where(Provider.id == provider_id).with_for_update()).one()


def _answered(session: Session, offer: Offer, status: OfferStatus, **counters: int) -> None:
    now = clock.now()
    offer.status, offer.responded_at = status, now
    session.add(offer)
    seconds = max(0, int((now - offer.created_at).total_seconds()))
    bump_counters(session=session, provider_id=offer.provider_id, responses=1, response_seconds_total=seconds,
                  offers_accepted=int(status == "accepted"), offers_declined=int(status == "declined"))


def message_customer(*, session: Session, provider: Provider, request_id: int, body: str) -> str:
    """Pass the provider's words to the customer of their open job, in the customer's chat; return the outcome."""
    text = " ".join((body or "").split())[:MESSAGE_LIMIT]
    if not text:
        return "message_empty"
    request = session.get(ServiceRequest, request_id)
    if request is None or request.provider_id != provider.id or request.status not in (RequestStatus.ASSIGNED,
                                                                                        RequestStatus.IN_PROGRESS):
        return "offer_closed"
    conversation = customer_conversation(session=session, request=request)
    if conversation is None:
        return "offer_closed"
    name = (provider.name or "").strip().split(" ")[0]
    enqueue(session=session, conversation=conversation, body=f"{name} ({request.reference}) : {text}",
            kind="reply", author="provider")
    record_event(session=session, request=request, actor="provider", actor_id=str(provider.id),
                 kind="provider_message", detail={"length": len(text)})
    return "message_sent"
