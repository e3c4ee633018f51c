"""Tell the other parties of each transition, in their language, through the outbox (a lifecycle hook)."""

import sqlalchemy as sa
from sqlmodel import Session, select

from core.customers.models import Customer
from core.db import get_existing
from core.matching import messages
from core.matching.models import Offer
from core.messaging.addresses import customer_conversation_of, provider_conversation
from core.messaging.conversations import Conversation
from core.messaging.outbox import enqueue
from core.money import format_xaf
from core.providers.models import Provider
from core.service_requests.lifecycle import Transition
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from core.service_requests.service import record_event
from core.texts.formats import plural


def on_transition(*, session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict) -> None:
    """Hook: message every party the transition names, except the actor (who gets a direct reply)."""
    parties = {p for p in step.notify if p != actor}
    key = f"req{request.id}:ev{_event_id(session, request)}"
    if "customer" in parties:
        _tell_customer(session, request, step, actor, detail, key)
    if "provider" in parties and request.provider_id is not None:
        _tell_provider(session, request, step, key)
    # "providers" (those with pending offers) are told by the sweep once core.matching.offers withdrew the offers
    if "admin" in parties and step.target == RequestStatus.EXPIRED:
        record_event(session=session, request=request, actor="system", kind="alert",
                     detail={"reason": "expired", "service_type": request.service_type, "quartier": request.quartier,
                             "rounds": request.offer_round})


def tell_offer_closed(*, session: Session, request: ServiceRequest, offer: Offer, late_yes: bool = False) -> None:
    """Tell a provider their offer is over, once per offer: "already taken" only to one who said yes too late."""
    provider = get_existing(session, Provider, offer.provider_id)
    if late_yes and request.provider_id is not None and request.provider_id != provider.id:
        name = "taken"
    else:
        name = "offer_withdrawn" if request.status == RequestStatus.CANCELLED else "offer_closed"
    body = messages.say(name, provider.language, ref=request.reference)
    suffix = ":late-yes" if late_yes else ""
    enqueue(session=session, conversation=provider_conversation(session=session, provider=provider), body=body,
            kind="update",
            dedupe_key=f"req{request.id}:closed:offer{offer.id}:{int(offer.created_at.timestamp())}{suffix}")
    if offer.notice_pending:  # updated after the conversation, the order every path takes: no deadlock
        session.execute(sa.update(Offer).where(Offer.id == offer.id).values(notice_pending=False)
                        .execution_options(synchronize_session=False))
        session.expire(offer, ["notice_pending"])


def tell_customer_stage(*, session: Session, request: ServiceRequest, stage: str) -> None:
    """Tell the customer of a later stage of a job already started (arrived, working), once per stage."""
    conversation = customer_conversation(session=session, request=request)
    provider = session.get(Provider, request.provider_id) if request.provider_id else None
    if conversation is None or provider is None or stage not in ("on_the_way", "arrived", "started"):
        return
    lang = request.language or conversation.language
    body = messages.say(stage, lang, ref=request.reference, name=messages.first_name(provider.name))
    started = int(request.started_at.timestamp()) if request.started_at else 0
    enqueue(session=session, conversation=conversation, body=body, kind="update",
            dedupe_key=f"req{request.id}:stage:{stage}:{started}")


def customer_conversation(*, session: Session, request: ServiceRequest) -> Conversation | None:
    """Return the conversation where the customer of this request is reached, if any."""
    if request.conversation_id is not None:
        conversation = session.get(Conversation, request.conversation_id)
        if conversation is not None:
            return conversation
    customer = session.get(Customer, request.customer_id)
    return customer_conversation_of(session=session, customer=customer) if customer is not None else None


def job_details(*, session: Session, request: ServiceRequest, provider: Provider) -> str:
    """Return what the provider who got the job needs: the customer's name, phone, place, pin, photos, next step."""
    from core.matching.handoff import job_message  # handoff imports this module

    return job_message(session=session, request=request, provider=provider)


def send_job_details(*, session: Session, request: ServiceRequest, provider: Provider) -> None:
    """Send the job's details to the provider's WhatsApp once (they took it elsewhere, e.g. in the portal)."""
    assert request.assigned_at is not None  # the job is theirs
    enqueue(session=session, conversation=provider_conversation(session=session, provider=provider),
            body=job_details(session=session, request=request, provider=provider), kind="update",
            dedupe_key=f"req{request.id}:details:provider{provider.id}:{int(request.assigned_at.timestamp())}")


def _event_id(session: Session, request: ServiceRequest) -> int:
    query = (select(RequestEvent.id).where(RequestEvent.request_id == request.id, RequestEvent.kind == "transition")
             .order_by(RequestEvent.id.desc()).limit(1))
    return session.exec(query).first() or 0


def _tell_customer(session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict,
                   key: str) -> None:
    conversation = customer_conversation(session=session, request=request)
    if conversation is None:
        return
    lang = request.language or conversation.language
    name, values = _customer_text(session, request, step, actor, detail, lang)
    if name is None:
        return
    enqueue(session=session, conversation=conversation, body=messages.say(name, lang, ref=request.reference,
                                                                         **values),
            kind="update", dedupe_key=f"{key}:customer")
    if step.target == RequestStatus.COMPLETED:
        conversation.state = {**(conversation.state or {}), "awaiting_rating": request.id}
        request.rating_requested = True
        session.add_all([conversation, request])


def _customer_text(session: Session, request: ServiceRequest, step: Transition, actor: str, detail: dict,
                   lang: str) -> tuple[str | None, dict]:
    provider = session.get(Provider, request.provider_id) if request.provider_id else None
    who = messages.first_name(provider.name) if provider else ""
    target = step.target
    if target == RequestStatus.ASSIGNED and provider is not None:
        rating = (messages.say("rated", lang, rating=f"{provider.rating:.1f}".replace(".", "," if lang == "fr"
                                                                                      else "."))
                  if provider.rating is not None else messages.say("unrated", lang))
        return "assigned", {"name": who, "rating": rating, "jobs": plural("jobs_done", provider.jobs_completed, lang),
                            "phone": provider.phone,
                            "eta": _eta(session, request, lang)}
    if target == RequestStatus.IN_PROGRESS:
        stage = detail.get("stage") if detail.get("stage") in ("on_the_way", "arrived", "started") else "on_the_way"
        return stage, {"name": who or "-"}
    if target == RequestStatus.COMPLETED:
        return "completed", {"price": format_xaf(request.final_price) if request.final_price else "-"}
    if target == RequestStatus.EXPIRED:
        return "expired", {"service": messages.service_name(request, lang).lower()}
    if target == RequestStatus.CANCELLED:
        return "cancelled_by_team", {}
    if target == RequestStatus.PENDING and step.source == RequestStatus.EXPIRED:
        return "searching_again", {}
    if target == RequestStatus.PENDING:
        return ("provider_cancelled_job" if actor == "provider" else "reassigning"), {}
    return None, {}


def _tell_provider(session: Session, request: ServiceRequest, step: Transition, key: str) -> None:
    provider = get_existing(session, Provider, request.provider_id)
    lang, ref = provider.language, request.reference
    if step.target == RequestStatus.ASSIGNED:
        body = job_details(session=session, request=request, provider=provider)
    elif step.target == RequestStatus.COMPLETED:
        body = messages.say("job_closed_by_team", lang, ref=ref, price=format_xaf(request.final_price)
                            if request.final_price else "-")
    elif step.target == RequestStatus.CANCELLED:
        body = messages.say("job_cancelled", lang, ref=ref)
    elif step.target == RequestStatus.PENDING:
        body = messages.say("job_removed", lang, ref=ref)
    else:
        return
    enqueue(session=session, conversation=provider_conversation(session=session, provider=provider), body=body,
            kind="update", dedupe_key=f"{key}:provider{provider.id}")


def _eta(session: Session, request: ServiceRequest, lang: str) -> str:
    """Return the expected arrival: the planned time, or a rough estimate from the distance."""
    if request.scheduled_for is not None:
        return messages.when_text(request, lang)
    offer = session.exec(select(Offer).where(Offer.request_id == request.id,
                                             Offer.provider_id == request.provider_id)).first()
    km = float((offer.score_parts or {}).get("distance_km", 3.0)) if offer else 3.0
    minutes = max(20, int(round((15 + 4 * km) / 5) * 5))  # Douala traffic: roughly 4 minutes a kilometre
    return messages.say("eta_minutes", lang, minutes=minutes)
