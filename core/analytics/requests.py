"""The admin's view of requests: a filtered, searchable, paginated list, and one request in full."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from core.analytics.filters import Filters, request_conditions
from core.customers.models import Customer
from core.matching.models import Offer
from core.messaging.conversations import Conversation, Message
from core.payments.models import Payment, PaymentStatus
from core.providers.models import Provider
from core.service_requests.models import RequestEvent, RequestMedia, RequestStatus
from core.service_requests.models import ServiceRequest as R
from core.service_requests.service import request_media, timeline


@dataclass(frozen=True)
class RequestRow:
    """One request as the admin's list shows it; paid is "paid", "awaiting", "unpaid" or ""."""

    id: int
    reference: str
    created_at: datetime
    service_type: str
    quartier: str
    status: RequestStatus
    final_price: int | None
    provider: str | None  # the assigned provider's name
    phone: str | None  # the customer's phone, or WhatsApp user id
    paid: str = ""


@dataclass(frozen=True)
class RequestDetail:
    """One request in full: its people, timeline, conversation, offers, attachments and payments."""

    request: R
    customer: Customer | None
    provider: Provider | None
    timeline: list[RequestEvent]
    conversation: Conversation | None
    messages: list[Message]
    offers: list[tuple[Offer, str]]  # each offer with its provider's name
    media: list[RequestMedia]
    payments: list[Payment]


@dataclass
class RequestPage:
    """One page of the request list and the total count behind it."""

    rows: list[RequestRow]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        """Return the number of pages (at least 1)."""
        return max(1, -(-self.total // self.page_size))


def search_conditions(session: Session, filters: Filters, text: str = "") -> list:
    """Return the list's conditions: the filters, plus a reference, customer phone or WhatsApp user id search."""
    where = request_conditions(session, filters)
    text = (text or "").strip()
    if text:
        digits = "".join(c for c in text if c.isdigit())
        options = [R.reference.ilike(f"%{text}%")]
        if len(digits) >= 4:
            phones = select(Customer.id).where(sa.or_(Customer.phone.like(f"%{digits}%"),
                                                      Customer.bsuid.ilike(f"%{text}%")))
            options.append(R.customer_id.in_(phones))
        where.append(sa.or_(*options))
    return where


def search_requests(*, session: Session, filters: Filters, text: str = "", page: int = 1,
                    page_size: int = 25) -> RequestPage:
    """Return the requests matching the filters and search, newest first, one page at a time."""
    where = search_conditions(session, filters, text)
    total = int(session.exec(select(sa.func.count()).select_from(R).where(*where)).one())
    page = max(1, page)
    rows = session.execute(
        sa.select(R.id, R.reference, R.created_at, R.service_type, R.quartier, R.status, R.final_price,
                  Provider.name, sa.func.coalesce(Customer.phone, Customer.bsuid))
        .join(Provider, Provider.id == R.provider_id, isouter=True)
        .join(Customer, Customer.id == R.customer_id, isouter=True)
        .where(*where).order_by(R.created_at.desc(), R.id.desc())
        .offset((page - 1) * page_size).limit(page_size)).all()
    money = payment_states(session=session, requests={row[0]: row[5] for row in rows})
    listed = [RequestRow(id=rid, reference=reference, created_at=created, service_type=service, quartier=quartier,
                         status=status, final_price=price, provider=name, phone=phone, paid=money.get(rid, ""))
              for rid, reference, created, service, quartier, status, price, name, phone in rows]
    return RequestPage(listed, total, page, page_size)


def payment_states(*, session: Session, requests: dict[int, str]) -> dict[int, str]:
    """Return "paid", "awaiting" (a link is out) or "unpaid" (completed, nothing paid) per request id; "" otherwise."""
    statuses: dict[int, set[PaymentStatus]] = {}
    if requests:
        for request_id, payment_status in session.exec(select(Payment.request_id, Payment.status)
                                                       .where(Payment.request_id.in_(list(requests)))):
            statuses.setdefault(request_id, set()).add(payment_status)
    states = {}
    for request_id, status in requests.items():
        seen = statuses.get(request_id, set())
        if seen & {PaymentStatus.SUCCESS, PaymentStatus.REFUNDED}:
            states[request_id] = "paid"
        elif PaymentStatus.PENDING in seen:
            states[request_id] = "awaiting"
        elif status == RequestStatus.COMPLETED:
            states[request_id] = "unpaid"
    return states


def request_detail(*, session: Session, request_id: int) -> RequestDetail | None:
    """Return the request with its customer, provider, timeline, messages, offers, attachments and payments.

    None if there is no such request.
    """
    request = session.get(R, request_id)
    if request is None:
        return None
    offers = session.exec(select(Offer, Provider.name).join(Provider, Provider.id == Offer.provider_id)
                          .where(Offer.request_id == request_id).order_by(Offer.round, Offer.score.desc())).all()
    return RequestDetail(
        request=request,
        customer=session.get(Customer, request.customer_id),
        provider=session.get(Provider, request.provider_id) if request.provider_id else None,
        timeline=timeline(session=session, request_id=request_id),
        conversation=session.get(Conversation, request.conversation_id) if request.conversation_id else None,
        messages=conversation_messages(session=session, conversation_id=request.conversation_id)
        if request.conversation_id else [],
        offers=[(offer, name) for offer, name in offers],
        media=request_media(session=session, request_id=request_id),
        payments=list(session.exec(select(Payment).where(Payment.request_id == request_id)
                                   .order_by(Payment.id))),
    )


def conversation_messages(*, session: Session, conversation_id: int, after_id: int = 0,
                          limit: int = 200) -> list[Message]:
    """Return the conversation's messages after after_id, oldest first (codes are stored masked)."""
    messages = list(session.exec(select(Message).where(Message.conversation_id == conversation_id,
                                                       Message.id > after_id)
                                 .order_by(Message.id.desc()).limit(limit)))
    messages.reverse()
    return messages
