"""Returning customers: greeted by name, offered the place they gave before, and the provider who came last time."""

import re

from sqlmodel import select

from core.catalog import fold
from core.conversations.context import Turn
from core.conversations.templates import service_name
from core.customers.models import Customer
from core.providers.models import Provider
from core.service_requests.models import RequestStatus, ServiceRequest

SAME_PLACE = "same_place"  # in the conversation state: {"quartier": ..., "landmark": ...} offered as "still there?"
_YES = re.compile(r"^(oui|ouais|wi|yes|yeah|yep|ok|okay|exact\w*|c est ca|toujours|still|na so|na dat|correct)\b")
# "le même plombier que la dernière fois", "the same person as last time", "di same man wey come last time"
_SAME = re.compile(r"\b(meme|same)\b.{0,40}\b(derniere fois|la fois passee|l autre fois|last time|before|avant"
                   r"|the other time|last tym)\b")


def known_customer(turn: Turn) -> Customer | None:
    """Return the customer if Djobea knows them (a proven number or a WhatsApp chat, and a request before)."""
    conversation = turn.conversation
    customer = turn.session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    if customer is None or not (customer.phone or conversation.channel == "whatsapp"):
        return None
    return customer if _last_request(turn) is not None else None


def greeting_name(turn: Turn) -> str:
    """Return the known customer's first name, or ''."""
    customer = known_customer(turn)
    return (customer.name.split() or [""])[0] if customer is not None and customer.name else ""


def ask_same_place(turn: Turn, service: str) -> bool:
    """Offer the place of the customer's last request ("Toujours à Makepe, derrière la pharmacie ?"); False if none."""
    if known_customer(turn) is None or turn.context.extra.get(SAME_PLACE):
        return False
    last = _last_request(turn)
    if last is None:  # a known customer has one (known_customer checked)
        return False
    name = greeting_name(turn)
    en = turn.language == "en"
    hello = (f"Hello {name} 👋 " if en else f"Bonjour {name} 👋 ") if name else ""
    landmark = f", {last.address}" if last.address else ""
    turn.context.extra[SAME_PLACE] = {"quartier": last.quartier, "landmark": last.address}
    turn.context.ask("location")
    turn.say("ask_same_place", hello=hello, service=service_name(service, turn.language), quartier=last.quartier,
             landmark=landmark)
    return True


def answers_same_place(turn: Turn) -> bool:
    """True when the message is the "oui" to "still in Makepe?"."""
    return bool(turn.context.extra.get(SAME_PLACE) and turn.context.last_question == "location"
                and (_YES.match(fold(turn.text)) or turn.analysis.follow_up == "confirm"))


def take_same_place(turn: Turn) -> None:
    """A "oui" to "still in Makepe?" fills in that quartier and its landmark."""
    offered = turn.context.extra.pop(SAME_PLACE, None)
    slots = turn.context.slots
    if not offered or slots.get("location") or turn.context.last_question != "location":
        return
    if _YES.match(fold(turn.text)) or turn.analysis.follow_up == "confirm":
        slots["location"] = offered["quartier"]
        if offered.get("landmark") and not slots.get("landmark"):
            slots["landmark"] = offered["landmark"]


def take_same_provider(turn: Turn) -> None:
    """"Le même plombier que la dernière fois": remember who came last (for this trade) to offer them first."""
    if not _SAME.search(fold(turn.text)) or turn.context.slots.get("preferred_provider_id"):
        return
    service = turn.context.slots.get("service_type")
    query = (select(ServiceRequest).where(ServiceRequest.customer_id == turn.conversation.customer_id,
                                          ServiceRequest.provider_id.is_not(None),
                                          ServiceRequest.status == RequestStatus.COMPLETED)
             .order_by(ServiceRequest.completed_at.desc()))
    if service:
        query = query.where(ServiceRequest.service_type == service)
    last = turn.session.exec(query).first() if turn.conversation.customer_id else None
    turn.context.slots["preferred_provider_id"] = last.provider_id if last is not None else 0


def tell_same_provider(turn: Turn, provider_id: int) -> None:
    """Tell the customer who is asked first (or that nobody came for this before)."""
    provider = turn.session.get(Provider, provider_id) if provider_id else None
    if provider is None:
        turn.say("same_provider_none")
        return
    turn.say("same_provider_found", name=(provider.name.split() or [provider.name])[0])


def _last_request(turn: Turn) -> ServiceRequest | None:
    if turn.conversation.customer_id is None:
        return None
    return turn.session.exec(select(ServiceRequest).where(ServiceRequest.customer_id == turn.conversation.customer_id)
                             .order_by(ServiceRequest.created_at.desc())).first()
