"""A web visitor proves a phone number with a six-digit code sent on WhatsApp, then joins that number's customer.

The rules are the provider sign-in codes' (core.auth.otp): five minutes to live, one live code at a time, three
codes per number and ten per client address in fifteen minutes; wrong guesses are counted per number across codes
(and per client address), and five of them in fifteen minutes stop every check and send for that number.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from core import clock
from core.auth import throttle
from core.auth.passwords import hash_password, verify_password
from core.customers.models import Customer
from core.db import get_existing, stored_id
from core.logs import log
from core.messaging.addresses import conversation_for, default_channel
from core.messaging.conversations import Conversation, PhoneCode
from core.messaging.outbox import enqueue_code
from core.payments.models import Payment
from core.phones import mask_phone
from core.providers.models import Rating
from core.service_requests.models import ServiceRequest

CODE_TTL = timedelta(minutes=5)
MAX_TRIES = 5  # wrong guesses per number (any of its codes) in the window
MAX_CLIENT_TRIES = 20
MAX_SENDS = 3  # codes per number in the window
MAX_CLIENT_SENDS = 10
WINDOW_SECONDS = 15 * 60
_TEXT = {
    "fr": "Votre code Djobea : {code}\nTapez-le dans le chat du site pour y retrouver vos demandes. Il expire dans "
          "5 minutes. Ne le donnez à personne 🔒 Si vous n'avez rien demandé, ignorez ce message.",
    "en": "Your Djobea code: {code}\nType it in the website chat to see your requests there. It expires in "
          "5 minutes. Do not share it with anyone 🔒 If you did not ask for it, ignore this message.",
}


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of a typed code: the customer now linked, or why not ("invalid" or "cooling")."""

    customer: Customer | None
    outcome: str


def send_code(*, session: Session, conversation: Conversation, phone: str, client: str = "") -> str:
    """Send a code for phone on WhatsApp if a customer has that number; return "sent", "too_many" or "cooling".

    "sent" is also the answer when nobody has the number, so the chat never tells whether it is known.
    """
    if _cooling(session, phone):
        return "cooling"
    phone_key, client_key = throttle.key_for("web-code-send", phone), throttle.key_for("web-code-ip", client or "-")
    if (throttle.recent(session=session, key=phone_key, window_seconds=WINDOW_SECONDS) >= MAX_SENDS
            or throttle.recent(session=session, key=client_key, window_seconds=WINDOW_SECONDS) >= MAX_CLIENT_SENDS):
        return "too_many"
    throttle.record(session=session, key=phone_key, window_seconds=WINDOW_SECONDS)
    throttle.record(session=session, key=client_key, window_seconds=WINDOW_SECONDS)
    owner = session.exec(select(Customer).where(Customer.phone == phone)).first()
    if owner is None or owner.id == conversation.customer_id:
        return "sent"
    _send(session, conversation, owner, phone)
    return "sent"


def _send(session: Session, conversation: Conversation, owner: Customer, phone: str) -> None:
    now = clock.now()
    for old in _live_codes(session, stored_id(conversation)):
        old.expires_at = now  # one live code at a time
        session.add(old)
    code = f"{secrets.randbelow(1_000_000):06d}"
    row = PhoneCode(conversation_id=stored_id(conversation), customer_id=stored_id(owner), phone=phone,
                    code_hash=hash_password(code),
                    expires_at=now + CODE_TTL, created_at=now)
    session.add(row)
    session.flush()
    whatsapp = conversation_for(session=session, channel=default_channel(), external_id=phone)
    text = _TEXT["en" if (owner.language or whatsapp.language) == "en" else "fr"]
    enqueue_code(session=session, conversation=whatsapp, text=text, code=code, dedupe_key=f"phone-code:{row.id}")
    log.info("web chat phone code sent", conversation_id=conversation.id, number=mask_phone(phone))


def check_code(*, session: Session, conversation: Conversation, code: str, client: str = "") -> CodeCheck:
    """Check a code typed on the web chat; link the chat to the number's customer when right.

    Failures are counted in session, so the caller commits in both cases.
    """
    now = clock.now()
    row = _latest_code(session, stored_id(conversation))
    if row is None:
        return CodeCheck(None, "invalid")
    if _cooling(session, row.phone) or throttle.recent(
            session=session, key=throttle.key_for("web-code-fail-ip", client or "-"),
            window_seconds=WINDOW_SECONDS) >= MAX_CLIENT_TRIES:
        return CodeCheck(None, "cooling")
    if row.used_at is not None or row.expires_at <= now:
        return CodeCheck(None, "invalid")
    digits = "".join(c for c in code if c.isdigit())
    if len(digits) == 6 and verify_password(row.code_hash, digits):
        row.used_at = now
        session.add(row)
        owner = get_existing(session, Customer, row.customer_id)
        link(session=session, conversation=conversation, customer=owner)
        log.info("web chat linked to a customer by a phone code", conversation_id=conversation.id,
                 customer_id=owner.id)
        return CodeCheck(owner, "ok")
    row.attempts += 1
    session.add(row)
    failures = throttle.record(session=session, key=throttle.key_for("web-code-fail", row.phone),
                               window_seconds=WINDOW_SECONDS)
    throttle.record(session=session, key=throttle.key_for("web-code-fail-ip", client or "-"),
                    window_seconds=WINDOW_SECONDS)
    if failures >= MAX_TRIES or row.attempts >= MAX_TRIES:
        row.expires_at = now
        log.warning("web chat phone code tried too often", conversation_id=conversation.id,
                    number=mask_phone(row.phone))
        return CodeCheck(None, "cooling")
    return CodeCheck(None, "invalid")


def expecting_code(*, session: Session, conversation: Conversation) -> bool:
    """True when a code was asked for on this chat in the last day: six digits typed there are a code."""
    row = _latest_code(session, stored_id(conversation))
    return row is not None and row.created_at > clock.now() - timedelta(days=1)


def note_contact(*, session: Session, conversation: Conversation, phone: str) -> None:
    """Keep phone as the number to call the web visitor back on: contact information, never an identity."""
    customer = session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    if customer is None or customer.phone == phone or customer.contact_phone == phone:
        return
    customer.contact_phone = phone
    session.add(customer)


def contact_phone(*, session: Session, conversation: Conversation) -> str | None:
    """Return the number the web visitor gave, unless the chat is already linked to a proven number."""
    customer = session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    if customer is None or customer.phone:
        return None
    return customer.contact_phone


def linked_phone(*, session: Session, conversation: Conversation) -> str | None:
    """Return the proven number of the chat's customer, if any."""
    customer = session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    return customer.phone if customer is not None else None


def link(*, session: Session, conversation: Conversation, customer: Customer) -> None:
    """Make the web chat the customer's: the visitor's own requests (and their payments, ratings) go with it."""
    visitor = session.get(Customer, conversation.customer_id) if conversation.customer_id else None
    if visitor is not None and visitor.id != customer.id:
        requests = list(session.exec(select(ServiceRequest).where(ServiceRequest.conversation_id == conversation.id,
                                                                  ServiceRequest.customer_id == visitor.id)))
        for request in requests:
            request.customer_id = stored_id(customer)
            session.add(request)
        ids = [r.id for r in requests]
        for model in (Payment, Rating):
            for row in session.exec(select(model).where(model.request_id.in_(ids))):
                row.customer_id = customer.id
                session.add(row)
        customer.name = customer.name or visitor.name
        if visitor.contact_phone and visitor.contact_phone != customer.phone:
            customer.contact_phone = visitor.contact_phone
        session.add(customer)
    conversation.customer_id = customer.id
    session.add(conversation)


def _live_codes(session: Session, conversation_id: int) -> list[PhoneCode]:
    return list(session.exec(select(PhoneCode).where(
        PhoneCode.conversation_id == conversation_id, PhoneCode.used_at.is_(None),
        PhoneCode.expires_at > clock.now()).order_by(PhoneCode.id.desc())))


def _latest_code(session: Session, conversation_id: int) -> PhoneCode | None:
    return session.exec(select(PhoneCode).where(PhoneCode.conversation_id == conversation_id)
                        .order_by(PhoneCode.id.desc())).first()


def _cooling(session: Session, phone: str) -> bool:
    return throttle.recent(session=session, key=throttle.key_for("web-code-fail", phone),
                           window_seconds=WINDOW_SECONDS) >= MAX_TRIES
