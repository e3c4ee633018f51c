"""On the web chat, a phone number is a number to call back; a WhatsApp code proves it before anything is shown.

A visitor who asks about "ma demande" with none in this chat is offered a code on WhatsApp; the six digits typed
back join the chat to that number's customer (core.conversations.phone_codes). Until then the visitor sees and
changes only what was asked in this chat.
"""

import re

from sqlmodel import Session

from core.catalog import fold
from core.conversations import phone_codes
from core.conversations.context import Turn
from core.messaging.conversations import Conversation, Message
from core.messaging.outbox import CODE_MASK
from core.phones import InvalidPhone, display_phone, is_cameroon_mobile, normalize_phone

KEY = "web_link"  # in the conversation state: {"stage": "ask_phone" | "offered"}
_PHONE = re.compile(r"(?<![\d+])(?:\+|00)?(?:237[\s.-]?)?6(?:[\s.-]?\d){8}(?!\d)")
_CODE = re.compile(r"^(?:(?:le |mon |my |the |votre |your |voici |here is )?code(?: est| is)?\s*:?\s*)?"
                   r"(\d{3})[\s.-]?(\d{3})[\s.!]*$")
_YES = re.compile(r"^(oui|ouais|wi|ok|okay|d ?accord|dac|vas y|allez y|allez|go|yes|yeah|yep|yup|sure|please|svp|stp"
                  r"|envoi\w*|envoy\w*|send\w*)\b")
_NO = re.compile(r"^(non|nan|no|nope|pas besoin|laisse|leave it|not now)\b")
_ASKS_CODE = re.compile(r"\b(code|codes|otp)\b")
_SAYS_MORE = ("status_check", "cancel", "complaint", "new_request", "join_as_provider", "info")


def typed_code(*, session: Session, conversation: Conversation, message: Message) -> str | None:
    """Return the six digits of a code typed on a web chat that asked for one; the stored message keeps them masked."""
    if conversation.channel != "web":
        return None
    found = _CODE.match(fold(message.body or ""))
    if found is None or not phone_codes.expecting_code(session=session, conversation=conversation):
        return None
    message.body = CODE_MASK
    session.add(message)
    return found.group(1) + found.group(2)


def check(turn: Turn, code: str) -> bool:
    """Answer a typed code; True when it was right and the chat now belongs to the number's customer."""
    result = phone_codes.check_code(session=turn.session, conversation=turn.conversation, code=code,
                                    client=str(turn.context.extra.get("client") or ""))
    _remember(turn, None)
    if result.outcome == "ok":
        turn.say("link_done")
        return True
    turn.say("link_wait" if result.outcome == "cooling" else "link_wrong")
    return False


def step(turn: Turn) -> bool:
    """Answer a web message about giving or proving a number; False when it is about something else."""
    if turn.conversation.channel != "web":
        return False
    text, session, conversation = fold(turn.text), turn.session, turn.conversation
    stage = (turn.context.extra.get(KEY) or {}).get("stage")
    code = _CODE.match(text)
    phone = phone_in(turn.text)
    if phone is not None:
        phone_codes.note_contact(session=session, conversation=conversation, phone=phone)
        if stage in ("ask_phone", "offered") or _ASKS_CODE.search(text):
            _send(turn, phone)
            return True
        if _only_a_number(turn):
            turn.say("contact_saved", phone=display_phone(phone))
            return True
        return False
    if (stage == "offered" and _YES.match(text)) or (_ASKS_CODE.search(text) and not code):
        number = phone_codes.contact_phone(session=session, conversation=conversation)
        if number:
            _send(turn, number)
        elif linked := phone_codes.linked_phone(session=session, conversation=conversation):
            turn.say("link_already", phone=display_phone(linked))
        else:
            _remember(turn, "ask_phone")
            turn.say("link_which_phone")
        return True
    if stage and _NO.match(text):
        _remember(turn, None)
        turn.say("link_declined")
        return True
    if stage and stage != "ask_phone":
        _remember(turn, None)  # the visitor moved on
    return False


def nothing_here(turn: Turn, key: str) -> None:
    """Say key (status_none, cancel_nothing); on a web chat not linked to a number, offer to find the requests."""
    session, conversation = turn.session, turn.conversation
    if conversation.channel != "web" or phone_codes.linked_phone(session=session, conversation=conversation):
        turn.say(key)
        return
    turn.say(f"{key}_web")
    number = phone_codes.contact_phone(session=session, conversation=conversation)
    if number:
        _remember(turn, "offered")
        turn.say("link_offer", phone=display_phone(number))
    else:
        _remember(turn, "ask_phone")
        turn.say("link_ask_phone")


def phone_in(text: str) -> str | None:
    """Return the Cameroonian mobile number written in text (E.164), if there is one."""
    found = _PHONE.search(text or "")
    if found is None:
        return None
    try:
        number = normalize_phone(found.group(0))
    except InvalidPhone:
        return None
    return number if is_cameroon_mobile(number) else None


def _send(turn: Turn, phone: str) -> None:
    session, conversation = turn.session, turn.conversation
    if phone_codes.linked_phone(session=session, conversation=conversation) == phone:
        turn.say("link_already", phone=display_phone(phone))
        return
    outcome = phone_codes.send_code(session=session, conversation=conversation, phone=phone,
                                    client=str(turn.context.extra.get("client") or ""))
    _remember(turn, None)
    turn.say({"sent": "link_sent", "too_many": "link_too_many"}.get(outcome, "link_wait"),
             phone=display_phone(phone))


def _only_a_number(turn: Turn) -> bool:
    analysis = turn.analysis
    return not (analysis.service_type or analysis.location or analysis.intent in _SAYS_MORE)


def _remember(turn: Turn, stage: str | None) -> None:
    if stage is None:
        turn.context.extra.pop(KEY, None)
    else:
        turn.context.extra[KEY] = {"stage": stage}
