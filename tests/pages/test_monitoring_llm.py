"""The monitoring page's model card: calls per customer message, and a model without a price is never free."""

from nicegui.testing import User

from core.llm.models import LlmCall
from core.llm.records import CallRecord
from core.messaging.addresses import conversation_for
from core.messaging.conversations import Message
from tests.pages.helpers import sign_in_admin, text_of


async def test_model_card_shows_the_call_rate_and_unknown_costs(user: User, session):
    conversation = conversation_for(session=session, channel="simulator", external_id="+237699300410")
    for body in ("bjr mon robinet fuit", "à Makepe", "merci", "ok"):
        session.add(Message(conversation_id=conversation.id, direction="in", channel="simulator", body=body))
    session.add(Message(conversation_id=conversation.id, direction="out", channel="simulator", author="bot",
                        body="C'est noté"))
    session.add(CallRecord("claude", "claude-haiku-5-5", "understand", True, 800, input_tokens=10_000,
                           output_tokens=1_000, conversation_id=conversation.id).row())
    session.add(CallRecord("openai", "gpt-9-imaginary", "reply", True, 900, input_tokens=2_000,
                           output_tokens=100, conversation_id=conversation.id).row())
    session.commit()
    assert [row.cost_microusd for row in session.exec(LlmCall.__table__.select())] == [1_500, None]

    await sign_in_admin(user, session)
    await user.open("/admin/monitoring")
    assert text_of(user, "llm-rate").startswith("Appels de modèle par message client : 0.50 (2 appels / 4 messages)")
    assert text_of(user, "llm-claude-claude-haiku-5-5").endswith("$0.0015")
    unknown = text_of(user, "llm-openai-gpt-9-imaginary")
    assert unknown.endswith("coût inconnu") and "$0" not in unknown
