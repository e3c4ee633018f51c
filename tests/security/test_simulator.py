"""Finding 5: the simulator cannot act as real people, and says who typed each simulated message."""

import pytest
from nicegui.testing import User
from sqlmodel import select

from core.channels import simulator
from core.db import session_scope
from core.messaging.conversations import Conversation, Message
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.pages.helpers import sign_in_admin
from tests.security.conftest import AWA_PHONE, Victim

STAFF = "operator@djobea.cm"


def _simulated() -> list[Message]:
    with session_scope() as s:
        return list(s.exec(select(Message).where(Message.channel == "simulator", Message.direction == "in")
                           .order_by(Message.id)))


def test_the_simulator_cannot_act_as_real_people(awa: Victim, session, whatsapp_live):
    with pytest.raises(simulator.SimulatorRefused):
        simulator.send_as(AWA_PHONE, "annulez ma demande", staff=STAFF)
    with pytest.raises(simulator.SimulatorRefused):
        simulator.send_as(awa.provider.phone, "OUI", staff=STAFF)
    with session_scope() as s:
        assert s.get(ServiceRequest, awa.request.id).status == RequestStatus.ASSIGNED
    assert _simulated() == []

    demo = make_provider(session, phone="+237600000007", is_demo=True)
    assert simulator.send_as(demo.phone, "OUI", staff=STAFF) is not None
    assert simulator.send_as("+237 600 55 44 33", "Bonjour, fuite à Makepe", staff=STAFF) is not None
    assert [(m.sent_by, m.body) for m in _simulated()] == [(STAFF, "OUI"), (STAFF, "Bonjour, fuite à Makepe")]


def test_without_whatsapp_every_number_may_be_simulated_and_is_still_signed(engine):
    assert simulator.send_as("699 11 22 33", "Bonjour", staff=STAFF) is not None
    assert [m.sent_by for m in _simulated()] == [STAFF]


async def test_admins_see_who_typed_a_simulated_message(user: User, session):
    simulator.send_as("+237600554433", "Bonjour, fuite à Makepe", staff=STAFF)
    with session_scope() as s:
        conversation = s.exec(select(Conversation).where(Conversation.channel == "simulator")).one()
    await sign_in_admin(user, session)
    await user.open(f"/admin/conversations/{conversation.id}")
    await user.should_see("Bonjour, fuite à Makepe")
    await user.should_see(STAFF)


async def test_the_simulator_page_refuses_a_real_number_when_whatsapp_is_live(user: User, awa: Victim, session,
                                                                               whatsapp_live):
    await sign_in_admin(user, session, role="operator")
    await user.open("/simulator")
    picker = user.find(marker="customer-number").elements.pop()
    picker.set_value(AWA_PHONE)
    await user.should_see("démonstration")
    user.find(marker="customer-phone-input").type("annulez ma demande")
    user.find(marker="customer-phone-send").click()
    await user.should_see("démonstration")
    assert "annulez ma demande" not in [m.body for m in _simulated()]
