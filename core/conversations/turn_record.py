"""What the engine made of a customer's turn, written on the inbound message for conversation analytics."""


import sqlalchemy as sa
from sqlmodel import Session, select

from core import clock
from core.conversations.context import Turn
from core.db import local_day, rows_changed
from core.llm.models import LlmCall
from core.messaging.conversations import Conversation, Message, TurnDay
from core.service_requests.models import ServiceRequest
from core.upsert import dialect_of, upsert

NOT_UNDERSTOOD = "not_understood"


def last_model_call(*, session: Session, conversation_id: int) -> int:
    """Return the id of the conversation's latest model call (0 without any): calls after it belong to the turn."""
    return int(session.exec(select(sa.func.coalesce(sa.func.max(LlmCall.id), 0))
                            .where(LlmCall.conversation_id == conversation_id)).one())


def keep(turn: Turn, *, calls_after: int) -> None:
    """Write the turn's intent, language, understood flag, model use and the question left open on its message."""
    message, context = turn.message, turn.context
    message.intent = turn.analysis.intent
    message.language = turn.analysis.language
    message.understood = NOT_UNDERSTOOD not in turn.keys
    message.model = "" if turn.analysis.source == "local" else turn.analysis.source[:20]
    calls, known, unpriced = turn.session.exec(
        select(sa.func.count(LlmCall.id), sa.func.coalesce(sa.func.sum(LlmCall.cost_microusd), 0),
               sa.func.count(LlmCall.id) - sa.func.count(LlmCall.cost_microusd))
        .where(LlmCall.conversation_id == turn.conversation.id, LlmCall.id > calls_after)).one()
    message.model_calls, message.model_unpriced = int(calls), int(unpriced)
    message.model_cost_microusd = int(known or 0)  # coalesced in SQL: never None
    if context.awaiting_rating is not None:
        message.asked = "rating"
    else:
        message.asked = (context.last_question or "")[:20]
    turn.session.add(message)
    _follow(turn.session, turn.conversation, message)
    _count(turn.session, message)


def _follow(session: Session, conversation: Conversation, message: Message) -> None:
    """Move the conversation's own totals on by this turn: turns read, question left open, first request."""
    conversation.read_turns = (conversation.read_turns or 0) + 1
    conversation.first_turn_at = conversation.first_turn_at or message.created_at
    conversation.last_asked = message.asked
    if conversation.request_at is None:
        first = session.exec(select(sa.func.min(ServiceRequest.created_at))
                             .where(ServiceRequest.conversation_id == conversation.id)).one()
        if first is not None:
            session.flush()  # this turn's message counts when the request came out of it
            conversation.request_at = first
            conversation.turns_to_request = int(session.exec(
                select(sa.func.count(Message.id)).where(Message.conversation_id == conversation.id,
                                                        Message.intent.is_not(None),
                                                        Message.created_at <= first)).one())
    session.add(conversation)


COUNTERS = ("turns", "not_understood", "with_model", "model_calls", "model_cost_microusd", "model_unpriced")


def _count(session: Session, message: Message) -> None:
    """Add the turn to its day's totals, in the turn's transaction (one upsert: concurrent turns add up)."""
    session.flush()  # the message has its stored time
    values = {"day": clock.local(message.created_at).date(), "channel": message.channel, "intent": message.intent,
              "language": message.language or "", "turns": 1, "not_understood": int(message.understood is False),
              "with_model": int(message.model_calls > 0), "model_calls": message.model_calls,
              "model_cost_microusd": message.model_cost_microusd, "model_unpriced": message.model_unpriced}
    session.execute(upsert(dialect_of(session), TurnDay, values, keys=["day", "channel", "intent", "language"],
                           add=COUNTERS))


def rebuild_turn_days(*, session: Session) -> int:
    """Recount every day's totals from the turns stored (after a bulk load); return the rows written."""
    day = local_day(session, Message.created_at)
    language = sa.func.coalesce(Message.language, sa.literal_column("''"))
    groups = (sa.select(day.label("day"), Message.channel, Message.intent, language,
                        sa.func.count(), sa.func.sum(sa.case((Message.understood.is_(False), 1), else_=0)),
                        sa.func.sum(sa.case((Message.model_calls > 0, 1), else_=0)), sa.func.sum(Message.model_calls),
                        sa.func.sum(Message.model_cost_microusd), sa.func.sum(Message.model_unpriced))
              .where(Message.intent.is_not(None))
              .group_by(day, Message.channel, Message.intent, language))
    session.execute(sa.delete(TurnDay))
    result = session.execute(sa.insert(TurnDay).from_select(
        ["day", "channel", "intent", "language", *COUNTERS], groups))
    return rows_changed(result)
