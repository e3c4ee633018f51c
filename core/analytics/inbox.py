"""The admin's conversation inbox, complaints queue, and the agent's actions on a conversation."""

import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.conversations.models import Case, Conversation, Message
from core.customers.models import Customer
from core.messaging.outbox import enqueue
from core.providers.models import Provider
from core.rules.models import AuditEntry
from core.texts.errors import UserError


def inbox(*, session: Session, limit: int = 50, only_takeover: bool = False, text: str = "") -> list[dict]:
    """Return the latest conversations (most recently active first) with their last message, its time and who."""
    last_id = (select(Message.conversation_id, sa.func.max(Message.id).label("mid"))
               .group_by(Message.conversation_id).subquery())
    query = (select(Conversation, Message.body, Message.direction, sa.func.coalesce(Customer.phone, Customer.bsuid),
                    Provider.name, Customer.name, Message.created_at)
             .join(last_id, last_id.c.conversation_id == Conversation.id, isouter=True)
             .join(Message, Message.id == last_id.c.mid, isouter=True)
             .join(Customer, Customer.id == Conversation.customer_id, isouter=True)
             .join(Provider, Provider.id == Conversation.provider_id, isouter=True))
    if only_takeover:
        query = query.where(Conversation.human_takeover.is_(True))  # type: ignore[attr-defined]
    if text.strip():
        query = query.where(Conversation.external_id.ilike(f"%{text.strip()}%"))  # type: ignore[attr-defined]
    rows = session.exec(query.order_by(Conversation.updated_at.desc(), Conversation.id.desc())  # type: ignore
                        .limit(limit)).all()
    return [{"conversation": c, "last": (body or "")[:120], "direction": direction or "",
             "who": provider_name or phone or c.external_id, "name": provider_name or customer_name or "",
             "phone": phone or "", "at": at or c.updated_at}
            for c, body, direction, phone, provider_name, customer_name, at in rows]


def newest_message_id(*, session: Session) -> int:
    """Return the id of the newest message (the inbox refreshes when it changes)."""
    return int(session.exec(select(sa.func.coalesce(sa.func.max(Message.id), 0))).one())


def take_over(*, session: Session, conversation_id: int, actor: str) -> Conversation:
    """Hand the conversation to a human: the engine stays silent until release."""
    conversation = _get(session, conversation_id)
    conversation.human_takeover, conversation.takeover_by = True, actor[:120]
    conversation.updated_at = clock.now()
    session.add(conversation)
    session.add(AuditEntry(actor=actor, action="conversation.takeover", target=f"conversation:{conversation_id}"))
    return conversation


def release(*, session: Session, conversation_id: int, actor: str) -> Conversation:
    """Give the conversation back to the engine."""
    conversation = _get(session, conversation_id)
    conversation.human_takeover, conversation.takeover_by = False, ""
    conversation.updated_at = clock.now()
    session.add(conversation)
    session.add(AuditEntry(actor=actor, action="conversation.release", target=f"conversation:{conversation_id}"))
    return conversation


def agent_reply(*, session: Session, conversation_id: int, body: str, actor: str) -> Message:
    """Send body to the conversation's person through the outbox, as an agent."""
    text = (body or "").strip()
    if not text:
        raise UserError("error.empty_message", "the message is empty")
    if len(text) > 1500:
        raise UserError("error.message_too_long", "the message is too long (1500 characters at most)")
    conversation = _get(session, conversation_id)
    row = enqueue(session=session, conversation=conversation, body=text, kind="reply", author="agent")
    assert row is not None  # no dedupe key: always queued
    conversation.updated_at = clock.now()
    session.add(conversation)
    session.add(AuditEntry(actor=actor, action="conversation.reply", target=f"conversation:{conversation_id}"))
    return session.get(Message, row.message_id)  # type: ignore[return-value]


def cases(*, session: Session, status: str = "open", limit: int = 100) -> list[Case]:
    """Return complaints and questions for humans with this status, oldest open first."""
    order = Case.created_at if status == "open" else Case.resolved_at.desc()  # type: ignore[union-attr]
    return list(session.exec(select(Case).where(Case.status == status).order_by(order).limit(limit)))


def resolve_case(*, session: Session, case_id: int, actor: str) -> Case:
    """Mark a case resolved by actor (a second call changes nothing)."""
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(f"no case {case_id}")
    if case.status != "resolved":
        case.status, case.resolved_at, case.resolved_by = "resolved", clock.now(), actor[:120]
        session.add(case)
        session.add(AuditEntry(actor=actor, action="case.resolve", target=f"case:{case_id}"))
    return case


def _get(session: Session, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise ValueError(f"no conversation {conversation_id}")
    return conversation


def web_chat_messages(*, session: Session, session_id: str, after_id: int = 0, limit: int = 100) -> list[Message]:
    """Return the web chat's messages after after_id, oldest first (none for an unknown session)."""
    conversation_id = session.exec(select(Conversation.id).where(Conversation.channel == "web",
                                                                 Conversation.external_id == session_id)).first()
    if conversation_id is None:
        return []
    return list(session.exec(select(Message).where(Message.conversation_id == conversation_id, Message.id > after_id)
                             .order_by(Message.id).limit(limit)))  # type: ignore[arg-type]
