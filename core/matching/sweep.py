"""The matching sweep (a scheduler job): offer new requests, expire late offers, move on, tell waiting customers.

Deadlines live in the database, so a restart in the middle of a round loses nothing. Each request is handled in
its own short transaction, claimed with SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, so two processes never
advance the same request; SQLite serialises write transactions anyway.
"""

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from core import clock
from core.db import get_existing, session_scope
from core.fleet import stopping
from core.logs import log
from core.matching import messages, offers
from core.matching.models import Offer, OfferStatus
from core.matching.notifications import customer_conversation, tell_offer_closed
from core.messaging.outbox import enqueue
from core.service_requests.models import RequestStatus, ServiceRequest

SEARCHING_NOTICE_AFTER = timedelta(minutes=4)  # one honest "still looking" if nobody said yes by then


def advance_due(limit: int = 100) -> int:
    """Advance every request with matching work due (at most limit); return how many were advanced."""
    now = clock.now()
    with session_scope() as session:
        request_ids = _due(session, now, limit)
        offer_ids = list(session.exec(select(Offer.id).where(Offer.notice_pending.is_(True))
                                      .order_by(Offer.id).limit(limit)))
    advanced = 0
    for request_id in request_ids:
        if stopping.requested():  # SIGTERM: the rest is still due, for the next sweep of any process
            return advanced
        advanced += _advance_with_retry(request_id)
    for offer_id in offer_ids:
        if stopping.requested():
            break
        _tell_closed(offer_id)
    return advanced


def _tell_closed(offer_id: int) -> None:
    """Tell a provider their withdrawn offer is over, in its own transaction (a concurrent copy is harmless)."""
    try:
        with session_scope() as session:
            offer = session.get(Offer, offer_id)
            if offer is not None and offer.notice_pending:
                request = get_existing(session, ServiceRequest, offer.request_id)
                tell_offer_closed(session=session, request=request, offer=offer)
    except (OperationalError, IntegrityError):  # the provider's own reply told them at the same moment
        log.info("closing notice left to the next sweep", offer_id=offer_id)


def _advance_with_retry(request_id: int) -> int:
    """Expire late offers, then move the request on, each in its own short transaction; retry a lost race once."""
    for attempt in (1, 2):
        try:
            with session_scope() as session:
                expired = _expire_one(session, request_id)
            with session_scope() as session:
                return int(_advance_one(session, request_id) or expired)
        except (OperationalError, IntegrityError):  # a deadlock victim or a row created at the same moment
            if attempt == 2:
                log.warning("matching sweep gave up on a request for now", request_id=request_id)
        except Exception:  # one bad request must not hold up the others; it is retried next tick
            log.exception("matching sweep failed for a request", request_id=request_id)
            break
    return 0


def _due(session: Session, now, limit: int) -> list[int]:
    waiting = sa.exists().where(Offer.request_id == ServiceRequest.id, Offer.status == OfferStatus.PENDING)
    late = sa.exists().where(Offer.request_id == ServiceRequest.id, Offer.status == OfferStatus.PENDING,
                             Offer.expires_at <= now)
    notice = sa.and_(ServiceRequest.status == RequestStatus.OFFERED,
                     ServiceRequest.searching_notice_sent.is_(False),
                     ServiceRequest.offered_at <= now - SEARCHING_NOTICE_AFTER)
    query = (select(ServiceRequest.id)
             .where(ServiceRequest.contact_hold.is_(False),
                    sa.or_(
                 sa.and_(ServiceRequest.status.in_((RequestStatus.PENDING, RequestStatus.OFFERED)),
                         ~waiting),
                 sa.and_(ServiceRequest.status == RequestStatus.OFFERED, late),
                 notice))
             .order_by(ServiceRequest.id).limit(limit))
    return list(session.exec(query))


def _expire_one(session: Session, request_id: int) -> bool:
    """Mark the request's late offers expired (alone in its transaction: provider rows are locked in id order)."""
    request = offers.locked_request(session=session, request_id=request_id, skip_locked=True)
    if request is None or request.status != RequestStatus.OFFERED:
        return False
    return offers.expire_overdue(session=session, request=request, now=clock.now()) > 0


def _advance_one(session: Session, request_id: int) -> bool:
    """Do the rest of the request's due work under its lock: next round, widening, expiry, searching notice."""
    request = offers.locked_request(session=session, request_id=request_id, skip_locked=True)
    if request is None:
        return False  # another process is on it right now
    now = clock.now()
    worked = False
    if request.status in (RequestStatus.PENDING, RequestStatus.OFFERED):
        worked = offers.advance(session=session, request=request) != "waiting"
    if (request.status == RequestStatus.OFFERED and not request.searching_notice_sent and request.offered_at
            and request.offered_at <= now - SEARCHING_NOTICE_AFTER):
        _tell_still_searching(session, request)
        worked = True
    return worked


def _tell_still_searching(session: Session, request: ServiceRequest) -> None:
    assert request.offered_at is not None  # only an offered request is still searched for
    request.searching_notice_sent = True
    session.add(request)
    conversation = customer_conversation(session=session, request=request)
    if conversation is None:
        return
    lang = request.language or conversation.language
    asked = session.exec(select(sa.func.count()).select_from(Offer).where(Offer.request_id == request.id)).one()
    body = messages.say("searching" if asked > 1 else "searching_one", lang, ref=request.reference,
                        quartier=request.quartier)
    enqueue(session=session, conversation=conversation, body=body, kind="update",
            dedupe_key=f"req{request.id}:searching:{int(request.offered_at.timestamp())}")
