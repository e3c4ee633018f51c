"""CSV export of requests and conversations, streamed row by row (never the whole table in memory)."""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from core import clock
from core.analytics.filters import Filters, request_conditions
from core.customers.models import Customer
from core.messaging.conversations import Conversation, Message
from core.providers.models import Provider
from core.service_requests.models import ServiceRequest as R

REQUEST_COLUMNS = ("reference", "created_at", "service_type", "quartier", "urgency", "status", "customer_phone",
                   "provider", "price_min", "price_max", "final_price", "assigned_at", "completed_at", "paid_at")
MESSAGE_COLUMNS = ("conversation_id", "channel", "role", "external_id", "message_id", "at", "direction", "author",
                   "status", "body")
_BATCH = 1000


def _safe(value: object) -> str:
    """Return the cell as text; a leading = + - @ (or tab, return) is quoted so a spreadsheet never runs it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return clock.format_local(value, "%Y-%m-%d %H:%M:%S")
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not text.lstrip("+-").isdigit() else text


def _lines(header: Iterable[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")  # spreadsheets then read the accents right
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def requests_csv(*, session: Session, filters: Filters) -> Iterator[str]:
    """Yield the CSV of the requests matching filters, oldest first, times in Douala time."""
    query = (sa.select(R.reference, R.created_at, R.service_type, R.quartier, R.urgency, R.status,
                       sa.func.coalesce(Customer.phone, Customer.bsuid),
                       Provider.name, R.price_min, R.price_max, R.final_price, R.assigned_at, R.completed_at, R.paid_at)
             .join(Customer, Customer.id == R.customer_id, isouter=True)
             .join(Provider, Provider.id == R.provider_id, isouter=True)
             .where(*request_conditions(session, filters)).order_by(R.created_at, R.id)
             .execution_options(yield_per=_BATCH))
    yield from _lines(REQUEST_COLUMNS, session.execute(query))


def conversations_csv(*, session: Session, filters: Filters) -> Iterator[str]:
    """Yield the CSV of every message of conversations active in the period (codes are stored masked)."""
    where = []
    if filters.start is not None:
        where.append(Message.created_at >= filters.start)
    if filters.end is not None:
        where.append(Message.created_at < filters.end)
    query = (sa.select(Conversation.id, Conversation.channel, Conversation.role, Conversation.external_id, Message.id,
                       Message.created_at, Message.direction, Message.author, Message.status, Message.body)
             .join(Message, Message.conversation_id == Conversation.id).where(*where)
             .order_by(Conversation.id, Message.id).execution_options(yield_per=_BATCH))
    yield from _lines(MESSAGE_COLUMNS, session.execute(query))
