"""What the engine does with a customer's request: collect, create, correct, cancel, tell its status."""

import re
from datetime import datetime, timedelta
from typing import Any, TypeGuard

from sqlmodel import Session, select

from core import clock
from core.catalog import fold
from core.catalog import quartier as find_place
from core.config import settings
from core.conversations import handoff, returning, web_identity
from core.conversations.context import Turn
from core.conversations.templates import service_name, status_words
from core.db import stored_id
from core.messaging.conversations import Case, CaseStatus
from core.messaging.ratelimit import take
from core.money import format_range
from core.nlu.services import owns_symptoms_of
from core.phones import display_phone
from core.providers.models import Provider
from core.service_requests import lifecycle
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import create_request, open_requests_of, transition, update_request

CORRECTABLE = (RequestStatus.PENDING, RequestStatus.OFFERED)
CANCELLABLE = (RequestStatus.PENDING, RequestStatus.OFFERED, RequestStatus.ASSIGNED)
_CORRECTION_START = re.compile(r"^(non|nan|pardon|plutot|en fait|je voulais dire|correction|no|sorry|actually"
                               r"|i mean|i meant|rather|instead)\b")


def collect(turn: Turn) -> None:
    """Take what the message gives (service, quartier, time, words), then create the request or ask what is missing."""
    analysis, ctx = turn.analysis, turn.context
    current = open_request(turn)
    collecting = bool(ctx.slots.get("service_type") or ctx.slots.get("location"))
    if current is not None and not collecting:
        if _is_correction(turn, current):
            correct(turn, current)
            return
        if analysis.service_type in (None, current.service_type) and analysis.location in (None, current.quartier):
            if analysis.urgency == "urgent" and current.urgency != "urgent":
                # the same job told again, now urgent ("la fuite à Makepe hein, vite"): it becomes urgent
                from core.conversations.followups import raise_urgency

                raise_urgency(turn, current)
            elif not handoff.adds_words(turn, current):
                _already_open(turn, current)
            return
        if not analysis.location and analysis.service_type != current.service_type:
            ctx.slots["location"] = current.quartier  # a second job at the same home
    _merge(turn)
    returning.take_same_place(turn)
    returning.take_same_provider(turn)
    service, place = ctx.slots.get("service_type"), ctx.slots.get("location")
    if service and place:
        create_from_slots(turn)
    elif not service:
        ask_service(turn)
    elif not returning.ask_same_place(turn, service):
        ask_location(turn)


def ask_service(turn: Turn) -> None:
    """Ask what to repair; once asked already with the quartier known, as a reminder that keeps the quartier."""
    ctx = turn.context
    place = ctx.slots.get("location")
    if place and f"{ctx.cycle}:service_type" in ctx.asked_log:
        ctx.ask("service_type", "service_again")
        turn.say("ask_service_again", quartier=place)
    else:
        _ask(turn, "service_type", "ask_service")


def ask_location(turn: Turn) -> None:
    """Ask the quartier: after directions given without one, by them; once asked already, as a reminder."""
    ctx = turn.context
    service = service_name(ctx.slots.get("service_type"), turn.language)
    asked = {entry.split(":", 1)[1] for entry in ctx.asked_log if entry.startswith(f"{ctx.cycle}:")}
    landmark = " ".join(str(ctx.slots.get("landmark") or "").split())
    if landmark and "landmark_quartier" not in asked:
        ctx.ask("location", "landmark_quartier")
        turn.say("landmark_quartier", landmark=landmark)
    elif asked & {"location", "landmark_quartier"}:
        urgent = turn.analysis.urgency == "urgent" or ctx.slots.get("urgency") == "urgent"
        if "location_again" in asked and not urgent:
            # More said about the trouble before the quartier: taken down, the quartier asked in other words.
            ctx.ask("location", "location_noted")
            turn.say("ask_location_noted", service=service)
        else:
            ctx.ask("location", "location_again")
            turn.say("ask_location_urgent" if urgent else "ask_location_again", service=service)
    else:
        _ask(turn, "location", "ask_location", service=service)


def _merge(turn: Turn) -> None:
    analysis, slots = turn.analysis, turn.context.slots
    # "c'est pour la clim" then "elle coule le long du mur": a symptom shared by trades keeps the machine named;
    # "need a painter" then "outside of the house, the fence too": the tradesperson asked for keeps the trade.
    # "3 clims à faire entretenir" then "elles sont pleines de poussière": the machine owns its symptoms.
    before = slots.get("service_type")
    kept = (before and analysis.source == "local" and not analysis.is_correction
            and (not analysis.names_trade or (slots.get("service_by_worker") and not analysis.worker_trade)
                 or (analysis.service_type is not None and owns_symptoms_of(before, analysis.service_type))))
    if analysis.service_type and not kept:
        slots["service_type"] = analysis.service_type
        slots["service_by_worker"] = analysis.worker_trade == analysis.service_type
    if analysis.location:
        slots["location"] = analysis.location
    if analysis.urgency != "normal":
        slots["urgency"] = analysis.urgency
    if future(analysis.when):
        slots["when"] = clock.as_utc(analysis.when).isoformat()
    if analysis.landmark:
        slots["landmark"] = analysis.landmark[:300]
    turn.context.add_description(turn.text)


def _client_may_open(turn: Turn) -> bool:
    """True unless this web chat's client address already opened its hourly share of requests (counted here)."""
    client = turn.context.extra.get("client")
    if turn.conversation.channel != "web" or not client:
        return True
    return take(session=turn.session, key=f"web-requests:{client}", limit=settings.web_requests_per_ip_per_hour,
                window_seconds=3600)


def future(when: datetime | None) -> TypeGuard[datetime]:
    """True for a time worth booking for: later than the next quarter of an hour ("ce matin" is not)."""
    return when is not None and clock.as_utc(when) > clock.now() + timedelta(minutes=15)


def _ask(turn: Turn, slot: str, key: str, **values: object) -> None:
    turn.context.ask(slot)
    turn.say(key, **values)


def create_from_slots(turn: Turn) -> ServiceRequest | None:
    """Create the request from the collected slots (or point at the same one already open), and say so.

    None when the web chat's client address opened its share of requests this hour (the slots are kept).
    """
    ctx, conversation, session = turn.context, turn.conversation, turn.session
    assert conversation.customer_id is not None  # a customer's conversation always has its customer
    service, place_name = ctx.slots["service_type"], ctx.slots["location"]
    duplicate = next((r for r in open_requests_of(session=session, customer_id=conversation.customer_id)
                      if r.service_type == service and r.quartier == place_name), None)
    if duplicate is not None:
        ctx.reset_slots()
        conversation.current_request_id = duplicate.id
        _already_open(turn, duplicate)
        return duplicate
    if not _client_may_open(turn):
        turn.say("too_many_requests")
        return None
    when = ctx.when()
    urgency = ctx.slots.get("urgency") or "normal"
    if when is not None and urgency == "normal":
        urgency = "scheduled"
    place = find_place(place_name)
    preferred = ctx.slots.get("preferred_provider_id")
    request = create_request(
        session=session, customer_id=conversation.customer_id, service_type=service, quartier=place_name,
        conversation_id=conversation.id, channel=conversation.channel, description=ctx.slots.get("description", ""),
        urgency=urgency, scheduled_for=when, language=ctx.language, lat=place.lat if place else None,
        lon=place.lon if place else None, is_demo=conversation.is_demo, address=ctx.slots.get("landmark") or "",
        contact_hold=not handoff.reachable(turn), preferred_provider_id=preferred or None,
    )
    conversation.current_request_id = request.id
    ctx.reset_slots()
    turn.say("created_hold" if request.contact_hold or preferred else "created",
             service=service_name(service, turn.language), quartier=place_name,
             when=_when_text(turn, request), price=format_range(request.price_min, request.price_max),
             reference=request.reference)
    if preferred is not None:
        returning.tell_same_provider(turn, preferred)
    handoff.ask_after_creation(turn, request)
    return request


def open_request(turn: Turn) -> ServiceRequest | None:
    """Return the conversation's current request if open, else the customer's newest open one."""
    session, conversation = turn.session, turn.conversation
    if conversation.current_request_id:
        current = own(turn, session.get(ServiceRequest, conversation.current_request_id))
        if current is not None and current.status in lifecycle.OPEN_STATUSES:
            return current
    if conversation.customer_id is None:
        return None
    requests = open_requests_of(session=session, customer_id=conversation.customer_id)
    return requests[0] if requests else None


def own(turn: Turn, request: ServiceRequest | None) -> ServiceRequest | None:
    """Return the request if it belongs to the conversation's customer, else None."""
    return request if request is not None and request.customer_id == turn.conversation.customer_id else None


def _is_correction(turn: Turn, request: ServiceRequest) -> bool:
    analysis = turn.analysis
    if analysis.is_correction:
        return True
    # "sorry, not Deido, I'm at my sister's in Bonapriso, the fridge is there": the same job, another place.
    if (analysis.location and analysis.location != request.quartier and analysis.service_type == request.service_type
            and _CORRECTION_START.match(fold(turn.text))):
        return True
    if not analysis.service_type and ((analysis.location and analysis.location != request.quartier)
                                      or future(analysis.when)):
        return True
    return bool(analysis.service_type and analysis.service_type != request.service_type
                and _CORRECTION_START.match(fold(turn.text)))


def correct(turn: Turn, request: ServiceRequest) -> None:
    """Apply a correction to the open request, or hand it to an agent once a provider is on it."""
    if request.status not in CORRECTABLE:
        open_case(turn, kind="change", request=request, summary=turn.text)
        turn.say("correction_agent", reference=request.reference)
        return
    analysis, changes = turn.analysis, dict[str, Any]()
    if analysis.service_type:
        changes["service_type"] = analysis.service_type
    if analysis.location:
        place = find_place(analysis.location)
        changes.update(quartier=analysis.location, lat=place.lat if place else request.lat,
                       lon=place.lon if place else request.lon)
    if future(analysis.when):
        # "mon frigo fait des étincelles", then "ce soir je serai là": still urgent, now with a time today.
        today = clock.local(clock.as_utc(analysis.when)).date() == clock.local(clock.now()).date()
        keep_urgent = analysis.urgency == "urgent" or (request.urgency == "urgent" and today)
        changes.update(scheduled_for=clock.as_utc(analysis.when), urgency="urgent" if keep_urgent else "scheduled")
    elif analysis.urgency == "urgent":
        changes.update(urgency="urgent", scheduled_for=None)
    made = update_request(session=turn.session, request=request, actor="customer", **changes)
    if not made:
        _already_open(turn, request)
        return
    if request.status == RequestStatus.OFFERED and {"service_type", "quartier"} & set(made):
        # offers went to providers of the old trade or place: search again from the start
        transition(session=turn.session, request=request, target=RequestStatus.PENDING, actor="system",
                   detail={"reason": "customer_correction"})
    turn.conversation.current_request_id = request.id
    # Still waiting for the web customer's number: no search has started, so none "continues".
    turn.say("corrected_hold" if request.contact_hold else "corrected", summary=summary(turn, request),
             price=format_range(request.price_min, request.price_max), reference=request.reference)


def cancel(turn: Turn) -> None:
    """Cancel the open request if the lifecycle lets the customer; otherwise explain and open a case."""
    request = open_request(turn)
    ctx = turn.context
    if request is None:
        if ctx.slots.get("service_type") or ctx.slots.get("location"):
            ctx.reset_slots()
            turn.say("cancel_draft")
        else:
            web_identity.nothing_here(turn, "cancel_nothing")
        return
    if request.status not in CANCELLABLE:
        open_case(turn, kind="cancel", request=request, summary=turn.text)
        turn.say("cancel_in_progress", reference=request.reference)
        return
    transition(session=turn.session, request=request, target=RequestStatus.CANCELLED, actor="customer",
               detail={"reason": turn.text[:200]})
    ctx.reset_slots()
    turn.say("cancelled", reference=request.reference)


def withdraw_moved_away(turn: Turn, place: str) -> bool:
    """Cancel the request just made when the customer corrects its place to a town we do not cover; say so.

    "à Deido", then "ah non, c'est chez mes parents à Édéa": the Deido request was never the job.
    """
    request = open_request(turn)
    if not turn.analysis.is_correction or request is None or request.status not in CORRECTABLE:
        return False
    transition(session=turn.session, request=request, target=RequestStatus.CANCELLED, actor="customer",
               detail={"reason": "place outside Douala", "said": turn.text[:200]})
    turn.context.reset_slots()
    turn.say("outside_area_cancelled", place=place, reference=request.reference)
    return True


def status(turn: Turn) -> None:
    """Tell the real state of the customer's open requests (or of the last one)."""
    session, conversation = turn.session, turn.conversation
    assert conversation.customer_id is not None  # a customer's conversation always has its customer
    requests = open_requests_of(session=session, customer_id=conversation.customer_id)
    if not requests and conversation.current_request_id:
        last = own(turn, session.get(ServiceRequest, conversation.current_request_id))
        if last is not None and last.status == RequestStatus.COMPLETED:
            requests = [last]
    if not requests:
        web_identity.nothing_here(turn, "status_none")
        return
    for request in requests[:3]:
        held = request.contact_hold and request.status == RequestStatus.PENDING  # waiting for the customer's number
        turn.say("status_line", reference=request.reference, service=service_name(request.service_type,
                 turn.language), quartier=request.quartier,
                 status=status_words("held" if held else request.status, turn.language),
                 extra=_status_extra(turn, session, request))


def _status_extra(turn: Turn, session: Session, request: ServiceRequest) -> str:
    en = turn.language == "en"
    parts = []
    if request.provider_id and request.status in (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS,
                                                  RequestStatus.COMPLETED):
        provider = session.get(Provider, request.provider_id)
        if provider is not None:
            first = provider.name.split()[0] if provider.name.split() else provider.name
            parts.append(f"{first}, {display_phone(provider.phone)}")
    if request.scheduled_for:
        parts.append(("planned " if en else "prévu le ") + _local_time(request.scheduled_for, en))
    elif request.status in (RequestStatus.PENDING, RequestStatus.OFFERED):
        parts.append(("asked " if en else "demandée le ") + _local_time(request.created_at, en))
    return (" — " + " · ".join(parts)) if parts else ""


_DAYS = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
         "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")}
_MONTHS = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
           "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")}


def _local_time(value: datetime, en: bool) -> str:
    """'Sat 5 Dec at 08:00', 'sam. 5 déc. à 08h00': day and month in words, never '05/12' (May 12 to some)."""
    local, lang = clock.local(value), "en" if en else "fr"
    day = f"{_DAYS[lang][local.weekday()]} {local.day} {_MONTHS[lang][local.month - 1]}"
    return f"{day} at {local:%H:%M}" if en else f"{day} à {local:%Hh%M}"


def _when_text(turn: Turn, request: ServiceRequest) -> str:
    en = turn.language == "en"
    if request.scheduled_for:
        return (", for " if en else ", pour le ") + _local_time(request.scheduled_for, en)
    return " (urgent)" if request.urgency == "urgent" and en else (" en urgence" if request.urgency == "urgent"
                                                                   else "")


def summary(turn: Turn, request: ServiceRequest) -> str:
    """Return 'plomberie à Kotto, pour le 12/03 à 09h00' for the request."""
    joiner = " in " if turn.language == "en" else " à "
    return service_name(request.service_type, turn.language) + joiner + request.quartier + _when_text(turn, request)


def _already_open(turn: Turn, request: ServiceRequest) -> None:
    turn.conversation.current_request_id = request.id
    status = "held" if request.contact_hold and request.status == RequestStatus.PENDING else request.status
    turn.say("already_open", service=service_name(request.service_type, turn.language), quartier=request.quartier,
             reference=request.reference, status=status_words(status, turn.language))


def open_case(turn: Turn, *, kind: str, request: ServiceRequest | None, summary: str) -> Case:
    """Open a case for a human, or add to the conversation's open case of that kind."""
    session = turn.session
    case = session.exec(select(Case).where(Case.conversation_id == turn.conversation.id, Case.kind == kind,
                                           Case.status == CaseStatus.OPEN)).first()
    if case is None:
        case = Case(conversation_id=stored_id(turn.conversation), request_id=request.id if request else None, kind=kind,
                    summary=summary[:2000])
    else:
        case.summary = f"{case.summary}\n{summary}"[-4000:]
        case.request_id = case.request_id or (request.id if request else None)
    session.add(case)
    session.flush()
    return case
