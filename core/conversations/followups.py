"""Messages about a request already made: sooner, a detail, a yes, the price, "send someone now", cancel twice."""

import re
from datetime import timedelta

from sqlmodel import select

from core import clock
from core.catalog import fold
from core.conversations.actions import open_case, open_request, own, summary
from core.conversations.context import Turn
from core.conversations.handoff import add_detail, add_landmark, append_description
from core.conversations.templates import render, service_name, status_words
from core.customers.models import Customer
from core.matching.handoff import hasten_offers, pending_offer_count, tell_provider_detail
from core.money import format_range, format_xaf
from core.phones import display_phone
from core.providers.models import Provider
from core.service_requests import lifecycle
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import transition, update_request

CONFIRM_CANCEL = "confirm_cancel"  # in the conversation state: the request whose cancellation awaits OUI / NON
HISTORY_DAYS = 90
_YES = re.compile(r"^(oui|ouais|wi|yes|yeah|yep|ok|okay|confirm\w*|annule\w*|cancel\w*|vas y|go ahead|na so)\b")
_NO = re.compile(r"^(non|nan|no|nope|garde\w*|keep|laisse|leave it|no o)\b")
_CONTEST = re.compile(r"\b(pas d ?accord|conteste\w*|contest\w*|dispute|disagree|don ?t agree|do not agree|no agree"
                      r"|i no gree|wrong price|mauvais prix|trop cher|too expensive|too much|e too cost)\b")
_WORKING = (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)
# "mes demandes", "my bookings", "all my request dem", "historique": the list, not the status of one request
# "c'est urgent svp, le placard est déjà mouillé": an urgency said first, then what it does; the clause boundary
_CLAUSE = re.compile(r"\s*(?:[,;:!?]+|\.+|\s-\s)\s*")
# "urgent, j'ai aussi une porte cassée": a second job told after the urgency, not a detail of the first
_ANOTHER = re.compile(r"\b(aussi|egalement|en plus|autre|also|another|as well|second)\b")
RECENT_REQUEST = timedelta(hours=3)
_HISTORY = re.compile(r"\b(mes (demandes|reservations|commandes|travaux)|historique|history|my (requests|bookings|jobs)"
                      r"|(request|booking|job)s? dem|all my (request|booking|job)s?)\b")


def confirm_cancel_step(turn: Turn) -> bool:
    """Answer the OUI / NON to "Annuler DJB-xxx ?"; False when the message is about something else."""
    request_id = turn.context.extra.pop(CONFIRM_CANCEL, None)
    request = own(turn, turn.session.get(ServiceRequest, request_id)) if request_id else None
    if request is None or request.status not in lifecycle.OPEN_STATUSES:
        return False
    text = fold(turn.text)
    if _NO.match(text):
        turn.say("cancel_kept", reference=request.reference)
        return True
    if not (_YES.match(text) or turn.analysis.intent == "cancel"):
        return False
    if request.status == RequestStatus.IN_PROGRESS:  # the work has begun: only the team can stop it
        open_case(turn, kind="cancel", request=request, summary=turn.text)
        turn.say("cancel_in_progress", reference=request.reference)
        return True
    transition(session=turn.session, request=request, target=RequestStatus.CANCELLED, actor="customer",
               detail={"reason": "customer confirmed"})
    turn.say("cancelled", reference=request.reference)
    return True


def ask_cancel(turn: Turn, request: ServiceRequest) -> bool:
    """Ask "Annuler DJB-xxx ? OUI / NON" once when a provider is on the request; False when none is."""
    if request.status not in _WORKING or request.provider_id is None:
        return False
    provider = turn.session.get(Provider, request.provider_id)
    turn.context.extra[CONFIRM_CANCEL] = request.id
    turn.say("cancel_confirm", reference=request.reference, name=_first(provider))
    return True


def contest_step(turn: Turn) -> bool:
    """"Pas d'accord" with the final price of a finished, unpaid job: a case for the team, the payment link held."""
    text = fold(turn.text)
    if not (_CONTEST.search(text) or turn.analysis.follow_up == "price_objection"):
        return False
    request = unpaid_request(turn)
    if request is None or request.completed_at is None or \
            clock.as_utc(request.completed_at) < clock.now() - timedelta(days=7):
        return False
    open_case(turn, kind="price", request=request, summary=turn.text)
    turn.say("price_contested", reference=request.reference,
             price=format_xaf(request.final_price) if request.final_price else "-")
    return True


def follow_up(turn: Turn) -> bool:
    """Answer what the message adds to the open request; False when there is none or it says something new."""
    analysis = turn.analysis
    kind: str | None = analysis.follow_up or ("price_question" if analysis.asks_price else None)
    if analysis.landmark and kind in (None, "detail"):
        kind = "landmark"
    if kind is None and analysis.intent == "new_request" and (_urgency_first(turn) or _more_about_it(turn)):
        return True
    if kind is None or analysis.intent in ("cancel", "status_check", "complaint", "join_as_provider"):
        return False
    request = open_request(turn)
    # "derrière le marché central" after "New Bell": a landmark's own quartier moves no request
    place = None if kind == "landmark" and _landmark_only(turn) else analysis.location
    if request is None or (analysis.service_type not in (None, request.service_type)) or \
            (place not in (None, request.quartier)) or turn.context.slots.get("service_type"):
        return False
    if kind == "urgency":
        raise_urgency(turn, request)
    elif kind == "send_now":
        _send_now(turn, request)
    elif kind == "landmark" and analysis.landmark:
        add_landmark(turn, request, analysis.landmark)
        turn.say("landmark_saved", reference=request.reference, landmark=" ".join(analysis.landmark.split()))
    elif kind == "detail":
        add_detail(turn, request, analysis.detail or turn.text)
    elif kind == "confirm":
        turn.say("confirm_ok", reference=request.reference, status=_status(turn, request))
    else:  # a question or a remark on the price: the range of this service, and how the price is fixed
        turn.say("price_context", reference=request.reference, service=service_name(request.service_type,
                 turn.language), price=format_range(request.price_min, request.price_max))
    turn.conversation.current_request_id = request.id
    return True


def _recent_request(turn: Turn) -> ServiceRequest | None:
    """Return the open request this chat made in the last hours, or None."""
    request = own(turn, turn.session.get(ServiceRequest, turn.conversation.current_request_id)) \
        if turn.conversation.current_request_id else None
    if request is None or request.status not in lifecycle.OPEN_STATUSES or \
            clock.as_utc(request.created_at) < clock.now() - RECENT_REQUEST:
        return None
    return request


def _more_about_it(turn: Turn) -> bool:
    """Keep as a detail of the request just made a trouble told with no trade named and no place.

    "the house wey I rent need new paint" (request made) then "the walls dey dirty": a hint shared by trades (walls,
    water, "dirty") after a request tells more about it; a trade or machine named, "aussi", or a place is a new job.
    """
    analysis = turn.analysis
    if analysis.intent != "new_request" or analysis.names_trade or analysis.source != "local" or \
            analysis.location or analysis.outside_area or _ANOTHER.search(fold(turn.text)):
        return False
    request = _recent_request(turn)
    if request is None or analysis.service_type in (None, request.service_type):
        return False
    add_detail(turn, request, turn.text)
    return True


def _landmark_only(turn: Turn) -> bool:
    """True when the message is directions and nothing else, its place found inside them, and no correction."""
    landmark, text = turn.analysis.landmark, " ".join(turn.text.split())
    return landmark is not None and not turn.analysis.is_correction and len(landmark) >= 0.7 * len(text)


def _urgency_first(turn: Turn) -> bool:
    """Raise the request just made when the message opens with its urgency and goes on about it; False otherwise.

    "c'est urgent svp, le placard est déjà mouillé", "abeg na urgent, my mami dey sick and she need fan", "abeg make e
    come today, the food for freezer go spoil": the rest names a thing (placard, fan, freezer) but tells why it is
    urgent, not a second job. It is kept as a detail; a call to come now is answered as one.
    """
    from core.nlu import analyze  # looked up at each call, so a test can swap the engine

    analysis = turn.analysis
    parts = _CLAUSE.split(turn.text.strip(), maxsplit=1)
    if analysis.urgency != "urgent" or analysis.location or len(parts) < 2 or not parts[1]:
        return False
    head, rest = parts
    opening = analyze(head, now=clock.now())
    if opening.follow_up not in ("urgency", "send_now") or opening.service_type or opening.location or \
            _ANOTHER.search(fold(rest)):
        return False
    request = _recent_request(turn)
    if request is None:
        return False
    append_description(turn, request, rest)
    if opening.follow_up == "send_now":  # "abeg make e come today, the food for freezer go spoil"
        _send_now(turn, request)
    else:
        raise_urgency(turn, request)
    return True


def wants_history(turn: Turn) -> bool:
    """True when the customer asks for their requests as a list ("mes demandes", "all my request dem")."""
    analysis = turn.analysis
    return analysis.intent in ("status_check", "other") and (analysis.asks_history or bool(_HISTORY.search(
        fold(turn.text))))


def history(turn: Turn) -> bool:
    """List the customer's open requests and those of the last three months, newest first; False if none."""
    since = clock.now() - timedelta(days=HISTORY_DAYS)
    requests = list(turn.session.exec(
        select(ServiceRequest).where(ServiceRequest.customer_id == turn.conversation.customer_id)
        .order_by(ServiceRequest.created_at.desc()).limit(8)))
    shown = [r for r in requests if r.status in lifecycle.OPEN_STATUSES or clock.as_utc(r.created_at) >= since][:5]
    if not shown:
        return False
    lines = [_render(turn, "history_title")]
    for request in shown:
        when = clock.format_local(request.created_at, "%d/%m")
        lines.append(f"• {request.reference} · {summary(turn, request)} · {when} : {_status(turn, request)}")
    turn.replies.append("\n".join(lines))
    turn.keys.append("history")
    return True


def unpaid_request(turn: Turn) -> ServiceRequest | None:
    """Return the customer's newest finished job not paid yet."""
    query = (select(ServiceRequest)
             .where(ServiceRequest.customer_id == turn.conversation.customer_id,
                    ServiceRequest.status == RequestStatus.COMPLETED, ServiceRequest.paid_at.is_(None))
             .order_by(ServiceRequest.completed_at.desc()))
    return turn.session.exec(query).first()


def relay_to_provider(turn: Turn) -> bool:
    """A message for the provider of a customer they can only reach through this chat goes to them."""
    request = open_request(turn)
    if request is None or request.status not in _WORKING or request.provider_id is None:
        return False
    customer = turn.session.get(Customer, request.customer_id)
    if customer is None or customer.phone or customer.contact_phone:
        return False
    if not tell_provider_detail(session=turn.session, request=request, kind="message", text=turn.text):
        return False
    turn.say("relayed", name=_first(turn.session.get(Provider, request.provider_id)))
    return True


def raise_urgency(turn: Turn, request: ServiceRequest) -> None:
    """Make the open request urgent (offers hastened, the provider told) and say so."""
    if request.urgency != "urgent":
        update_request(session=turn.session, request=request, actor="customer", urgency="urgent", scheduled_for=None)
        hasten_offers(session=turn.session, request=request)
        tell_provider_detail(session=turn.session, request=request, kind="urgent", text=turn.text)
    turn.say("urgency_raised", reference=request.reference, next=_next(turn, request))


def _send_now(turn: Turn, request: ServiceRequest) -> None:
    if request.status in _WORKING and request.provider_id:
        provider = turn.session.get(Provider, request.provider_id)
        if provider is not None:
            key = "send_now_assigned" if _reachable_by_phone(turn, request) else "send_now_reach"
            turn.say(key, name=_first(provider), reference=request.reference, phone=display_phone(provider.phone))
            return
    if request.urgency != "urgent":
        update_request(session=turn.session, request=request, actor="customer", urgency="urgent", scheduled_for=None)
        hasten_offers(session=turn.session, request=request)
    if request.contact_hold:
        turn.say("urgency_raised", reference=request.reference, next=_render(turn, "next_hold"))
        return
    turn.say("send_now_searching", reference=request.reference,
             count=pending_offer_count(session=turn.session, request=request), next=_render(turn, "next_offers"))


def _next(turn: Turn, request: ServiceRequest) -> str:
    if request.contact_hold:
        return _render(turn, "next_hold")
    if request.status in _WORKING and request.provider_id:
        return _render(turn, "next_provider", name=_first(turn.session.get(Provider, request.provider_id)))
    return _render(turn, "next_offers")


def _status(turn: Turn, request: ServiceRequest) -> str:
    if request.contact_hold and request.status == RequestStatus.PENDING:
        return status_words("held", turn.language)
    return status_words(request.status, turn.language)


def _reachable_by_phone(turn: Turn, request: ServiceRequest) -> bool:
    customer = turn.session.get(Customer, request.customer_id)
    return bool(customer is not None and (customer.phone or customer.contact_phone))


def _first(provider: Provider | None) -> str:
    return (provider.name.split() or [provider.name])[0] if provider is not None and provider.name else "-"


def _render(turn: Turn, key: str, **values: object) -> str:
    return render(key, turn.language, turn.context.turns, **values)
