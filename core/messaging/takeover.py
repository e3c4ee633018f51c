"""An agent's hands on a conversation: take it over from the engine, reply, give it back, resolve a case."""

from sqlmodel import Session

from core import clock
from core.db import get_existing, stored_id
from core.messaging.conversations import Case, CaseStatus, Conversation, Message
from core.messaging.outbox import enqueue, release_held
from core.rules.models import AuditEntry
from core.texts.errors import UserError


def take_over(*, session: Session, conversation_id: int, actor: str) -> Conversation:
    """Hand the conversation to a human: the engine stays silent until release."""
    conversation = _get(session, conversation_id)
    conversation.human_takeover, conversation.takeover_by = True, actor[:120]
    conversation.updated_at = clock.now()
    session.add(conversation)
    session.add(AuditEntry(actor=actor, action="conversation.takeover", target=f"conversation:{conversation_id}"))
    return conversation


def release(*, session: Session, conversation_id: int, actor: str) -> Conversation:
    """Give the conversation back to the engine; the notices held meanwhile go out now."""
    conversation = _get(session, conversation_id)
    conversation.human_takeover, conversation.takeover_by = False, ""
    release_held(session=session, conversation_id=stored_id(conversation))
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
    signed_by_agent(session=session, message_id=row.message_id, actor=actor)
    conversation.updated_at = clock.now()
    session.add(conversation)
    session.add(AuditEntry(actor=actor, action="conversation.reply", target=f"conversation:{conversation_id}"))
    return get_existing(session, Message, row.message_id)


def signed_by_agent(*, session: Session, message_id: int | None, actor: str) -> None:
    """Record which staff member wrote an agent message (the customer is shown their first name)."""
    message = session.get(Message, message_id) if message_id else None
    if message is not None:
        message.sent_by = actor[:200]
        session.add(message)


def resolve_case(*, session: Session, case_id: int, actor: str) -> Case:
    """Mark a case resolved by actor (a second call changes nothing)."""
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(f"no case {case_id}")
    if case.status != CaseStatus.RESOLVED:
        case.status, case.resolved_at, case.resolved_by = CaseStatus.RESOLVED, clock.now(), actor[:120]
        session.add(case)
        session.add(AuditEntry(actor=actor, action="case.resolve", target=f"case:{case_id}"))
    return case


def _get(session: Session, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise ValueError(f"no conversation {conversation_id}")
    return conversation
