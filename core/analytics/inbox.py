"""The admin's conversation inbox and complaints queue (reads only)."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from core.auth.models import Account
from core.customers.models import Customer
from core.messaging.conversations import Case, CaseStatus, Conversation, Message
from core.messaging.models import MessageStatus
from core.providers.models import Provider


@dataclass(frozen=True)
class InboxRow:
    """One conversation in the inbox: who it is with and its last message."""

    conversation: Conversation
    last: str  # the first 120 characters of the last message
    direction: str  # of the last message: in, out, or "" before any
    who: str  # the provider's name, else the customer's phone or WhatsApp id, else the channel's id
    name: str  # the provider's or the customer's name, "" when none was given
    phone: str  # the customer's phone or WhatsApp id, "" for a web visitor who gave none
    at: datetime  # when the last message was written (the conversation's last change before any)


def inbox(*, session: Session, limit: int = 50, only_takeover: bool = False, text: str = "") -> list[InboxRow]:
    """Return the latest conversations (most recently active first) with their last message."""
    last_id = (select(Message.conversation_id, sa.func.max(Message.id).label("mid"))
               .group_by(Message.conversation_id).subquery())
    query = (sa.select(Conversation, Message.body, Message.direction, sa.func.coalesce(Customer.phone, Customer.bsuid),
                       Provider.name, Customer.name, Message.created_at)
             .join(last_id, last_id.c.conversation_id == Conversation.id, isouter=True)
             .join(Message, Message.id == last_id.c.mid, isouter=True)
             .join(Customer, Customer.id == Conversation.customer_id, isouter=True)
             .join(Provider, Provider.id == Conversation.provider_id, isouter=True))
    if only_takeover:
        query = query.where(Conversation.human_takeover.is_(True))
    if text.strip():
        query = query.where(Conversation.external_id.ilike(f"%{text.strip()}%"))
    rows = session.execute(query.order_by(Conversation.updated_at.desc(), Conversation.id.desc())
                           .limit(limit)).all()
    return [InboxRow(conversation=c, last=(body or "")[:120], direction=direction or "",
                     who=provider_name or phone or c.external_id, name=provider_name or customer_name or "",
                     phone=phone or "", at=at or c.updated_at)
            for c, body, direction, phone, provider_name, customer_name, at in rows]


def newest_message_id(*, session: Session) -> int:
    """Return the id of the newest message (the inbox refreshes when it changes)."""
    return int(session.exec(select(sa.func.coalesce(sa.func.max(Message.id), 0))).one())


def agent_first_names(*, session: Session, emails: set[str]) -> dict[str, str]:
    """Return the first name of each staff member among emails who has a name (none for the others)."""
    if not emails:
        return {}
    rows = session.exec(select(Account.email, Account.name).where(Account.email.in_(emails)))
    return {email: name.strip().split()[0] for email, name in rows if (name or "").strip()}


def cases(*, session: Session, status: CaseStatus = CaseStatus.OPEN, limit: int = 100) -> list[Case]:
    """Return complaints and questions for humans with this status, oldest open first."""
    order = Case.created_at if status == CaseStatus.OPEN else Case.resolved_at.desc()
    return list(session.exec(select(Case).where(Case.status == status).order_by(order).limit(limit)))


def web_chat_messages(*, session: Session, session_id: str, after_id: int = 0, limit: int = 100) -> list[Message]:
    """Return the web chat's messages after after_id, oldest first (none for an unknown session)."""
    conversation_id = session.exec(select(Conversation.id).where(Conversation.channel == "web",
                                                                 Conversation.external_id == session_id)).first()
    if conversation_id is None:
        return []
    return list(session.exec(select(Message).where(Message.conversation_id == conversation_id, Message.id > after_id,
                                                   Message.status != MessageStatus.HELD)  # held in a takeover: not yet
                             .order_by(Message.id).limit(limit)))
