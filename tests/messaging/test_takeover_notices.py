"""While a person holds a conversation, the bot's own notices wait; the release sends them after the agent's words."""

from sqlmodel import select

from core.analytics.inbox import web_chat_messages
from core.db import session_scope
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Conversation
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.messaging.takeover import agent_reply, release, take_over


def _shown(session_id: str, after_id: int = 0) -> list:
    with session_scope() as session:
        return [(m.id, m.body) for m in web_chat_messages(session=session, session_id=session_id, after_id=after_id)]


def test_a_notice_during_a_takeover_waits_and_comes_after_the_agent(engine):
    with session_scope() as session:
        conversation_id = conversation_for(session=session, channel="web", external_id="held-1").id
    with session_scope() as session:
        take_over(session=session, conversation_id=conversation_id, actor="awa@djobea.local")
    with session_scope() as session:
        conversation = session.get(Conversation, conversation_id)
        enqueue(session=session, conversation=conversation, body="Je cherche toujours", kind="update")
        agent_reply(session=session, conversation_id=conversation_id, body="Je m'en occupe", actor="awa@djobea.local")
    shown = _shown("held-1")
    assert [body for _, body in shown] == ["Je m'en occupe"]
    with session_scope() as session:
        assert session.exec(select(OutboxMessage.status).order_by(OutboxMessage.id)).first() == "held"
        release(session=session, conversation_id=conversation_id, actor="awa@djobea.local")
    assert [body for _, body in _shown("held-1", after_id=shown[-1][0])] == ["Je cherche toujours"]
    with session_scope() as session:
        assert "held" not in [r.status for r in session.exec(select(OutboxMessage))]


def test_replies_and_other_conversations_are_not_held(engine):
    with session_scope() as session:
        conversation = conversation_for(session=session, channel="web", external_id="held-2")
        enqueue(session=session, conversation=conversation, body="Mise à jour", kind="update")
        conversation.human_takeover = True
        enqueue(session=session, conversation=conversation, body="Réponse", kind="reply")
    with session_scope() as session:
        assert sorted(r.status for r in session.exec(select(OutboxMessage))) == ["pending", "pending"]
