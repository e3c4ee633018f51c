"""What the provider needs before offers go out: a number to call (web chat) and a landmark to find the door."""

import re

from core.catalog import fold
from core.conversations import phone_codes
from core.conversations.context import Turn
from core.conversations.templates import render
from core.conversations.web_identity import phone_in
from core.customers.models import Customer
from core.matching.handoff import tell_provider_detail
from core.phones import display_phone
from core.providers.models import Provider
from core.service_requests import lifecycle
from core.service_requests.models import ServiceRequest
from core.service_requests.service import update_request

KEY = "handoff"  # in the conversation state: {"request": id, "phone": bool, "landmark": bool} still awaited
NO_PHONE = "no_phone"  # in the conversation state: the web customer chose to be reached through the chat
MAX_LANDMARK = 300
_REFUSES = re.compile(
    r"\b(pas de (numero|telephone|tel)|n ?ai pas de (numero|telephone|tel)|sans (numero|telephone)|prefere pas"
    r"|veux pas (le )?donner|par (le )?chat|dans le chat|ici seulement|no (number|phone)"
    r"|don ?t have (a )?(number|phone)|rather not|not giving|through (the )?chat|in the chat|here only"
    r"|no get (number|phone)|no wan give"
    r"|non merci|no thanks|continue sans|go on without|without (a )?(number|phone))\b")
_BARE_NO = re.compile(r"^(non|nan|no|nope|no be|no o)\W*$")
_OTHER_MEANING = ("status_check", "cancel", "complaint", "join_as_provider", "info")


def reachable(turn: Turn) -> bool:
    """True when the provider will have a number for this customer, or the customer chose the chat."""
    customer = turn.session.get(Customer, turn.conversation.customer_id)
    if turn.conversation.channel != "web" or turn.context.extra.get(NO_PHONE):
        return True
    return bool(customer is not None and (customer.phone or customer.contact_phone))


def ask_after_creation(turn: Turn, request: ServiceRequest) -> None:
    """Ask, in the reply that confirms the request, what the provider still needs: a number (web), a landmark."""
    phone = request.contact_hold
    landmark = not request.address
    if not (phone or landmark):
        return
    turn.context.extra[KEY] = {"request": request.id, "phone": phone, "landmark": landmark}
    key = "ask_phone_landmark" if phone and landmark else "ask_phone" if phone else "ask_landmark"
    turn.say(key)
    if len(turn.keys) >= 2 and turn.keys[-2] in ("created", "created_hold"):  # one message, not two
        question = turn.replies.pop()
        turn.keys.pop()
        turn.replies[-1] = f"{turn.replies[-1]} {question}"


def step(turn: Turn) -> bool:
    """Take a number, a refusal or a landmark the last reply asked for; False when the message is about else."""
    awaited = dict(turn.context.extra.get(KEY) or {})
    phone = phone_in(turn.text)
    request = _held_request(turn, awaited)
    if request is None:
        turn.context.extra.pop(KEY, None)
        return False
    answered = False
    if phone is not None and turn.conversation.channel == "web":
        phone_codes.note_contact(session=turn.session, conversation=turn.conversation, phone=phone)
        _release(turn, request)
        awaited["phone"] = False
        turn.say("contact_search", phone=display_phone(phone), reference=request.reference)
        answered = True
    elif awaited.get("phone") and _refuses(turn):
        turn.context.extra[NO_PHONE] = True
        _release(turn, request)
        awaited["phone"] = False
        turn.say("contact_refused", reference=request.reference)
        answered = True
    if awaited.get("landmark"):
        landmark = turn.analysis.landmark if _only_directions(turn) or answered else None
        awaited["landmark"] = False  # asked once: whatever came back, not asked again
        if landmark:
            add_landmark(turn, request, landmark)
            turn.say("landmark_saved", reference=request.reference, landmark=_clean(landmark))
            answered = True
    if awaited.get("phone") or awaited.get("landmark"):
        turn.context.extra[KEY] = awaited
    else:
        turn.context.extra.pop(KEY, None)
    return answered


def add_landmark(turn: Turn, request: ServiceRequest, landmark: str) -> None:
    """Keep the customer's directions on the request (added to what was there); an assigned provider hears of it."""
    text = _clean(landmark)
    if not text or fold(text) in fold(request.address or ""):
        return
    address = f"{request.address} · {text}" if request.address else text
    update_request(session=turn.session, request=request, actor="customer", address=address[-MAX_LANDMARK:])
    tell_provider_detail(session=turn.session, request=request, kind="landmark", text=text)


def adds_words(turn: Turn, request: ServiceRequest) -> bool:
    """Add a message about the same job that says something new to the request; False when it is a repeat."""
    words = " ".join(turn.text.split())
    if len(fold(words).split()) < 3 or fold(words) in fold(request.description or ""):
        return False
    add_detail(turn, request, words)
    return True


def append_description(turn: Turn, request: ServiceRequest, text: str) -> str:
    """Add the customer's words (spaces folded, 500 characters at most) to the request's description; return them."""
    words = " ".join(text.split())[:500]
    update_request(session=turn.session, request=request, actor="customer",
                   description=f"{request.description}\n{words}".strip()[-4000:])
    return words


def add_detail(turn: Turn, request: ServiceRequest, text: str) -> None:
    """Add the customer's words to the request's description; an assigned provider gets them too."""
    words = append_description(turn, request, text)
    told = tell_provider_detail(session=turn.session, request=request, kind="detail", text=words)
    provider = turn.session.get(Provider, request.provider_id) if told else None
    name = (provider.name.split() or [provider.name])[0] if provider is not None and provider.name else ""
    turn.say("detail_added", reference=request.reference,
             told=render("detail_told", turn.language, turn.context.turns, name=name) if name else "")


def _held_request(turn: Turn, awaited: dict) -> ServiceRequest | None:
    request_id = awaited.get("request")
    if request_id is None:  # nothing asked: a number typed later still releases a request held for one
        request_id = turn.conversation.current_request_id
    request = turn.session.get(ServiceRequest, request_id) if request_id else None
    if request is None or request.customer_id != turn.conversation.customer_id:
        return None
    if request.status not in lifecycle.OPEN_STATUSES:
        return None
    if not awaited and not request.contact_hold:
        return None
    return request


def _release(turn: Turn, request: ServiceRequest) -> None:
    if request.contact_hold:
        update_request(session=turn.session, request=request, actor="customer", contact_hold=False)


def _refuses(turn: Turn) -> bool:
    text = fold(turn.text)
    return bool(_REFUSES.search(text) or _BARE_NO.match(text))


def _only_directions(turn: Turn) -> bool:
    """True when the message, read on its own, says nothing but where (the answer to "a landmark?")."""
    analysis = turn.analysis
    return not (analysis.service_type or analysis.location or analysis.is_correction or analysis.when is not None
                or analysis.urgency != "normal" or analysis.asks_price or analysis.intent in _OTHER_MEANING
                or analysis.follow_up not in (None, "detail"))


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" .,;")[:MAX_LANDMARK]
