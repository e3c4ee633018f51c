from datetime import timedelta

from nicegui.testing import User
from sqlmodel import select

from core.channels import simulator
from core.db import session_scope
from core.matching.models import OfferStatus
from core.messaging.addresses import provider_conversation
from core.messaging.conversations import Conversation, Message
from core.messaging.dispatcher import dispatch_due
from core.messaging.models import OutboxMessage
from core.messaging.outbox import enqueue
from core.phones import display_phone
from tests.factories import make_provider
from tests.messaging.helpers import fetch
from tests.pages.helpers import sign_in_admin


async def test_the_simulator_is_for_admins_only(user: User, session):
    response = await user.http_client.get("/simulator", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


async def test_a_customer_types_and_sees_the_bot_answer(user: User, echo, session):
    await sign_in_admin(user, session, role="operator")
    await user.open("/simulator")
    await user.should_see("Simulateur WhatsApp")
    user.find(marker="customer-phone-input").type("Mon robinet fuit à Makepe 💧")
    user.find(marker="customer-phone-send").click()
    # the answer comes from a turn run in the background, shown at the page's next refresh
    await user.should_see("echo: Mon robinet fuit à Makepe 💧", retries=100)
    [conversation] = fetch(select(Conversation).where(Conversation.channel == "simulator"))
    assert conversation.role == "customer"
    [outbox] = fetch(select(OutboxMessage))
    assert (outbox.channel, outbox.status) == ("simulator", "pending")
    assert dispatch_due() == 1  # the same outbox path: the dispatcher delivers simulator rows locally


async def test_a_provider_phone_shows_offers_and_answers_them(user: User, echo, session):
    provider = make_provider(session, name="Jean Mbarga")
    with session_scope() as s:
        conversation = provider_conversation(session=s, provider=provider)
        enqueue(session=s, conversation=conversation, body="Nouvelle mission : fuite à Makepe. Répondez OUI",
                kind="offer")
    await sign_in_admin(user, session)
    await user.open("/simulator")
    await user.should_see("Nouvelle mission : fuite à Makepe")
    user.find(marker="provider-phone-input").type("OUI")
    user.find(marker="provider-phone-send").click()
    await user.should_see("echo: OUI", retries=100)
    [answer] = fetch(select(Message).where(Message.direction == "in"))
    assert (answer.author, answer.channel) == ("provider", "simulator")


def test_messages_go_through_the_inbound_store(engine, echo):
    first = simulator.send_as("699 11 22 33", "Bonjour", staff="admin@djobea.cm")
    assert first is not None
    bubbles = simulator.thread("+237699112233")
    assert [(b.mine, b.body) for b in bubbles] == [(True, "Bonjour"), (False, "echo: Bonjour")]
    assert simulator.thread("+237699112233", after_id=bubbles[-1].id) == []


def _two_customers(session) -> None:
    from core.messaging.addresses import conversation_for

    conversation_for(session=session, channel="simulator", external_id="+237600778899")
    session.commit()
    later = conversation_for(session=session, channel="simulator", external_id="+237600111222")
    later.updated_at = later.updated_at + timedelta(minutes=5)  # the newest: what the page would pick first
    session.add(later)
    session.commit()


async def _choose_customer(user: User, number: str) -> None:
    user.find(marker="customer-number").click()
    user.find(number).click()
    await user.should_see(display_phone(number), retries=100)


async def test_the_chosen_customer_number_survives_a_reload(user: User, session):
    _two_customers(session)
    await sign_in_admin(user, session)
    await user.open("/simulator")
    await user.should_see(display_phone("+237600111222"))
    await _choose_customer(user, "+237600778899")
    await user.open("/simulator")
    assert user.find(marker="customer-number").elements.pop().value == "+237600778899"


async def test_the_customer_side_shows_which_providers_received_each_offer(user: User, session):
    from core.matching.models import Offer
    from core.messaging.addresses import conversation_for

    _two_customers(session)
    from core.service_requests.service import create_request

    jean, awa = make_provider(session, name="Jean Mbarga"), make_provider(session, name="Awa Ndiaye")
    conversation = conversation_for(session=session, channel="simulator", external_id="+237600778899")
    request = create_request(session=session, customer_id=conversation.customer_id, service_type="plumbing",
                             quartier="Makepe", conversation_id=conversation.id)
    session.add(Offer(request_id=request.id, provider_id=jean.id, score=0.8, score_parts={}))
    session.add(Offer(request_id=request.id, provider_id=awa.id, score=0.7, score_parts={},
                      status=OfferStatus.DECLINED))
    session.commit()
    await sign_in_admin(user, session)
    await user.open("/simulator")
    await _choose_customer(user, "+237600778899")
    await user.should_see("Tour 1 · Jean Mbarga", retries=100)
    await user.should_see("Awa Ndiaye")
    await user.should_see("refusée")
