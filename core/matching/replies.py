"""A provider's WhatsApp message: bind it to their own open offer or job, act, and answer in their language.

The channel binds the answer when it can, before the text rules: a tapped offer button (Twilio's ButtonPayload)
names the offer and the answer; a quoted reply (OriginalRepliedMessageSid) names the message it answers, and the
reference in that message of ours binds the words to its offer or job.
"""

from dataclasses import replace
from datetime import timedelta

from sqlmodel import Session, select

from core import clock
from core.db import stored_id
from core.matching import jobs, messages, phrases
from core.matching.handoff import relay_to_customer
from core.matching.models import Offer, OfferStatus
from core.matching.notifications import job_details, tell_offer_closed
from core.messaging.conversations import Conversation, Message
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.money import format_xaf
from core.providers.models import Provider
from core.providers.service import set_availability
from core.service_requests.models import RequestStatus, ServiceRequest

_OFFER_INTENTS = ("accept", "decline")
_WORD = {"accept": ("OUI", "YES"), "decline": ("NON", "NO"), "start": ("EN ROUTE", "ON MY WAY"),
         "complete": ("FIN 15000", "DONE 15000"), "withdraw": ("ANNULER", "CANCEL")}


def handle_provider_message(*, session: Session, provider: Provider, conversation: Conversation,
                            message: Message) -> None:
    """Act on one message from a provider and queue the answer (called by the conversation engine)."""
    said = _understood(session, provider, message)
    body = _answer(session, provider, conversation, said)
    if said.intent == "unknown" and not open_offers(session=session, provider=provider):
        # words for a customer who can only be reached through the chat go to them
        body = relay_to_customer(session=session, provider=provider, text=message.body or "") or body
    if body:
        enqueue(session=session, conversation=conversation, body=body, kind="reply",
                dedupe_key=f"reply:msg{message.id}")


def _understood(session: Session, provider: Provider, message: Message) -> phrases.Said:
    """Return what the message says, bound to an offer or job by the channel when it tells which."""
    reply_to = message.reply_to or {}
    tapped = phrases.read_payload(reply_to.get("button_payload", ""))
    if tapped is not None:
        return tapped
    said = phrases.read(message.body)
    quoted = _quoted_reference(session, provider, reply_to.get("replied_sid", ""))
    return replace(said, reference=quoted) if quoted else said


def _quoted_reference(session: Session, provider: Provider, sid: str) -> str | None:
    """Return the reference in our message to this provider that the reply quotes, if any."""
    if not sid:
        return None
    quoted = session.exec(select(OutboxMessage.body)
                          .join(Conversation, Conversation.id == OutboxMessage.conversation_id)
                          .where(OutboxMessage.provider_sid == sid, Conversation.provider_id == provider.id)).first()
    return phrases.reference_in(quoted) if quoted else None


def open_offers(*, session: Session, provider: Provider) -> list[tuple[Offer, ServiceRequest]]:
    """Return the provider's offers still waiting for their answer, with their requests, oldest first."""
    query = (select(Offer, ServiceRequest).join(ServiceRequest, ServiceRequest.id == Offer.request_id)
             .where(Offer.provider_id == provider.id, Offer.status == OfferStatus.PENDING,
                    ServiceRequest.status == RequestStatus.OFFERED).order_by(Offer.created_at, Offer.id))
    return [(offer, request) for offer, request in session.exec(query)]


def open_jobs(*, session: Session, provider: Provider) -> list[ServiceRequest]:
    """Return the provider's jobs that are assigned or in progress, oldest first."""
    query = (select(ServiceRequest).where(ServiceRequest.provider_id == provider.id,
                                          ServiceRequest.status.in_((RequestStatus.ASSIGNED,
                                                                     RequestStatus.IN_PROGRESS)))
             .order_by(ServiceRequest.assigned_at, ServiceRequest.id))
    return list(session.exec(query))


def _answer(session: Session, provider: Provider, conversation: Conversation, said: phrases.Said) -> str | None:
    lang = provider.language
    if said.intent == "help":
        return messages.say("help", lang)
    if said.intent in ("available", "pause"):
        set_availability(session=session, provider=provider, available=said.intent == "available")
        return messages.say("available_on" if provider.available else "available_off", lang)
    offers = open_offers(session=session, provider=provider)
    jobs_ = open_jobs(session=session, provider=provider)
    intent = said.intent
    if intent == "price":
        awaiting = (conversation.state or {}).get("awaiting_price")
        job = next((r for r in jobs_ if r.id == awaiting), None)
        return _complete(session, provider, conversation, job, said) if job else _unclear(provider, offers, jobs_)
    if intent == "start" and not jobs_ and offers:
        intent = "accept"  # "j'arrive" to an offer means yes
    if intent == "withdraw" and not jobs_ and offers:
        intent = "decline"
    if intent == "unknown":
        return _unclear(provider, offers, jobs_)
    pool: list = offers if intent in _OFFER_INTENTS else jobs_
    if said.reference:
        pool = [item for item in pool if _ref(item) == said.reference]
        if not pool:
            return _not_open(session, provider, said.reference, offers, jobs_)
    if not pool:
        if intent in _OFFER_INTENTS and not offers and _recently_closed(session, provider, intent == "accept"):
            return None  # a late answer to an offer that was just taken or closed: they were told once already
        return _unclear(provider, offers, jobs_)
    if len(pool) > 1:
        return _which(provider, intent, pool)
    return _act(session, provider, conversation, intent, pool[0], said)


def _act(session: Session, provider: Provider, conversation: Conversation, intent: str, item, said) -> str | None:
    lang = provider.language
    if intent == "accept":
        offer, _ = item
        outcome, request = jobs.accept_offer(session=session, provider=provider, offer_id=offer.id)
        if outcome == "accepted":
            return job_details(session=session, request=request, provider=provider)
        if outcome == "at_capacity":
            return messages.say("at_capacity", lang, count=provider.max_concurrent_jobs)
        tell_offer_closed(session=session, request=request, offer=offer, late_yes=True)  # a yes too late
        return None
    if intent == "decline":
        outcome, request = jobs.decline_offer(session=session, provider=provider, offer_id=item[0].id)
        return messages.say(outcome, lang, ref=request.reference)
    if intent == "start":
        outcome, request = jobs.start_job(session=session, provider=provider, request_id=item.id, stage=said.stage)
        return messages.say(outcome, lang, ref=request.reference)
    if intent == "withdraw":
        outcome, request = jobs.withdraw_from_job(session=session, provider=provider, request_id=item.id)
        return messages.say(outcome, lang, ref=request.reference)
    return _complete(session, provider, conversation, item, said)


def _complete(session: Session, provider: Provider, conversation: Conversation, request: ServiceRequest,
              said: phrases.Said) -> str:
    lang = provider.language
    if said.price is None:
        if said.price_given:
            return messages.say("bad_price", lang)
        conversation.state = {**(conversation.state or {}), "awaiting_price": request.id}
        session.add(conversation)
        return messages.say("ask_price", lang, ref=request.reference)
    outcome, request = jobs.complete_job(session=session, provider=provider, request_id=stored_id(request),
                                         price=said.price)
    conversation.state = {k: v for k, v in (conversation.state or {}).items() if k != "awaiting_price"}
    session.add(conversation)
    return messages.say(outcome, lang, ref=request.reference, price=format_xaf(said.price))


def _recently_closed(session: Session, provider: Provider, late_yes: bool) -> bool:
    """If the provider's latest offer closed within the last hour, tell them (once per offer) and say so."""
    latest = session.exec(select(Offer, ServiceRequest).join(ServiceRequest, ServiceRequest.id == Offer.request_id)
                          .where(Offer.provider_id == provider.id)
                          .order_by(Offer.created_at.desc()).limit(1)).first()
    if latest is None or latest[0].created_at < clock.now() - timedelta(hours=1):
        return False
    offer, request = latest
    if offer.status not in (OfferStatus.WITHDRAWN, OfferStatus.EXPIRED):
        return False
    tell_offer_closed(session=session, request=request, offer=offer, late_yes=late_yes)
    return True


def _ref(item) -> str:
    return item[1].reference if isinstance(item, tuple) else item.reference


def _which(provider: Provider, intent: str, pool: list) -> str:
    lang = provider.language
    listed = []
    for item in pool:
        request = item[1] if isinstance(item, tuple) else item
        listed.append(f"{request.reference} ({messages.service_name(request, lang)}, {request.quartier})")
    if intent in _OFFER_INTENTS:
        what = "offers" if lang == "en" else "offres"
    else:
        what = "jobs" if lang == "en" else "travaux"
    word = _WORD[intent][1 if lang == "en" else 0]
    return messages.say("which", lang, what=what, refs=", ".join(listed), word=word, example=_ref(pool[0]))


def _unclear(provider: Provider, offers: list, jobs_: list) -> str:
    lang = provider.language
    if offers:
        return messages.say("unclear", lang, hint=messages.say("hint_offer", lang, ref=_ref(offers[0])))
    if jobs_:
        return messages.say("unclear", lang, hint=messages.say("hint_job", lang, ref=_ref(jobs_[0])))
    status = messages.say("status_available" if provider.available else "status_paused", lang)
    return messages.say("nothing_open", lang, status=status)


def _not_open(session: Session, provider: Provider, reference: str, offers: list, jobs_: list) -> str | None:
    """A reference that is not among the open items this intent applies to: closed, another kind, or not theirs."""
    if any(_ref(item) == reference for item in (*offers, *jobs_)):
        return _unclear(provider, [o for o in offers if _ref(o) == reference],
                        [j for j in jobs_ if _ref(j) == reference])
    request = session.exec(select(ServiceRequest).where(ServiceRequest.reference == reference)).first()
    offer = session.exec(select(Offer).where(Offer.request_id == request.id, Offer.provider_id == provider.id)
                         ).first() if request else None
    if request is None or (offer is None and request.provider_id != provider.id):
        return messages.say("not_yours", provider.language, ref=reference)
    taken = request.provider_id is not None and request.provider_id != provider.id
    return messages.say("taken" if taken else "offer_closed", provider.language, ref=reference)
