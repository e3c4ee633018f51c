"""Answers that create no request: information, small talk, complaints, ratings, payment links."""

import re

from sqlmodel import select

from core.catalog import fold, quartiers, services
from core.conversations import returning
from core.conversations.actions import open_case, open_request, own
from core.conversations.context import Turn
from core.db import stored_id
from core.logs import log
from core.money import format_range
from core.payments.service import price_disputed, send_payment_link
from core.providers.models import Rating
from core.providers.service import record_rating
from core.service_requests.models import RequestStatus, ServiceRequest

_PRICE = re.compile(r"\b(prix|combien|cout|coute|tarif\w*|price\w*|how much|cost\w*|charge|montant)\b")
_AREAS = re.compile(r"\b(quartiers?|zones?|where|ou etes|ou vous|couvr\w*|cover\w*|areas?|villes?|city)\b")
_PAYMENT = re.compile(r"\b(pai\w*|pay\w*|momo|mobile money|orange money|mtn)\b")
_TRUST = re.compile(r"\b(confiance|fiable\w*|serieu\w*|verifi\w*|trust\w*|reliable|safe|garantie|notes?|rating)\b")
_THANKS = re.compile(r"\b(merci|thanks|thank|thank you|tenkyu|tanks|thx|mrc)\b")


def info(turn: Turn) -> None:
    """Answer a question from the catalogue: prices, quartiers, payment, how it works, trust."""
    text, said = fold(turn.text), len(turn.replies)
    service = turn.analysis.service_type or turn.context.slots.get("service_type")
    if service or _PRICE.search(text):
        prices(turn, service)
    if _AREAS.search(text):
        names = ", ".join(q.name for q in quartiers()[:8])
        turn.say("areas", names=names)
    if _PAYMENT.search(text):
        turn.say("payment_info")
    if _TRUST.search(text):
        turn.say("trust")
    if len(turn.replies) == said:
        turn.say("how")


def prices(turn: Turn, service_code: str | None) -> None:
    """Say the price range of one service, or of all of them."""
    for service in services():
        if service.code == service_code:
            turn.say("price_one", service=service.name(turn.language),
                     price=format_range(service.price_min, service.price_max))
            return
    lines = "\n".join(f"• {s.name(turn.language)} : {format_range(s.price_min, s.price_max)}" for s in services())
    turn.say("price_all", lines=lines)


_EVENING = re.compile(r"^\W*(?:bonsoir|bsr|good evening|evening)\b")


def smalltalk(turn: Turn) -> None:
    """Answer briefly and warmly, steering back to the job; a first greeting introduces Djobea."""
    name = returning.greeting_name(turn)
    if _THANKS.search(fold(turn.text)):
        turn.say("thanks")
    elif name:
        turn.say("intro_known", name=name)
    elif turn.context.turns <= 1:
        # "Bonsoir" is answered "Bonsoir", as people do.
        turn.say("intro_evening" if _EVENING.search(fold(turn.text)) else "intro")
    else:
        turn.say("smalltalk")


def complaint(turn: Turn) -> None:
    """Open a case with the customer's words and the request concerned; a person answers."""
    open_case(turn, kind="complaint", request=_concerned_request(turn), summary=turn.text)
    turn.say("complaint")


def _concerned_request(turn: Turn) -> ServiceRequest | None:
    request = open_request(turn)
    if request is None and turn.conversation.current_request_id:
        request = own(turn, turn.session.get(ServiceRequest, turn.conversation.current_request_id))
    return request


def rating(turn: Turn, stars: int) -> None:
    """Record the customer's rating of the finished job and thank them."""
    request_id = turn.context.awaiting_rating
    request = turn.session.get(ServiceRequest, request_id) if request_id else None
    turn.context.awaiting_rating = None
    if request is None:
        return
    comment = "" if turn.text.strip().isdigit() else turn.text.strip()[:1000]
    try:
        record_rating(session=turn.session, request=request, stars=stars, comment=comment)
    except ValueError:
        log.warning("rating not recorded", request_id=request.id)
    turn.context.rated_request = request.id
    turn.say("rating_thanks", stars=stars)


def rating_comment(turn: Turn) -> None:
    """Attach the message as a comment to the rating just given."""
    request_id, turn.context.rated_request = turn.context.rated_request, None
    stored = turn.session.exec(select(Rating).where(Rating.request_id == request_id)).first()
    if stored is not None:
        stored.comment = (f"{stored.comment} {turn.text.strip()}".strip())[:1000]
        turn.session.add(stored)
    turn.say("comment_thanks")


def payment(turn: Turn) -> None:
    """Send the payment link of the finished, unpaid job, or say there is nothing to pay yet."""
    request = _unpaid_request(turn)
    if request is None:
        turn.say("payment_nothing" if open_request(turn) else "payment_info")
        return
    if price_disputed(session=turn.session, request_id=stored_id(request)):
        turn.say("payment_held", reference=request.reference)
        return
    payment_row = send_payment_link(session=turn.session, request=request)
    if getattr(payment_row, "status", "") in ("success", "refunded"):
        turn.say("payment_done", reference=request.reference)
    elif getattr(payment_row, "payment_url", ""):
        turn.say("payment_link", link=payment_row.payment_url)
    else:
        turn.say("payment_coming")  # the payments sweep sends the link as soon as it has it

def _unpaid_request(turn: Turn) -> ServiceRequest | None:
    query = (select(ServiceRequest)
             .where(ServiceRequest.customer_id == turn.conversation.customer_id,
                    ServiceRequest.status == RequestStatus.COMPLETED, ServiceRequest.paid_at.is_(None))
             .order_by(ServiceRequest.completed_at.desc()))
    return turn.session.exec(query).first()

