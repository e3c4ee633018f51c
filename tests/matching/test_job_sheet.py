"""The job sheet: what the provider's job page and job message show about reaching and finding the customer."""

from core.customers.models import Customer
from core.matching.handoff import job_sheet, tell_provider_detail
from core.service_requests.service import create_request
from tests.factories import make_provider


def _request(session, customer: Customer, **fields):
    request = create_request(session=session, customer_id=customer.id, service_type="plumbing", quartier="Makepe",
                             description="Le robinet fuit", **fields)
    session.commit()
    return request


def test_a_web_customer_without_a_number_is_reached_through_the_chat(session):
    customer = Customer(name="", contact_phone=None)
    session.add(customer)
    session.commit()
    request = _request(session, customer, channel="web", address="derrière la pharmacie")
    sheet = job_sheet(session=session, request=request)
    assert sheet.phone is None and sheet.reach_through_chat is True
    assert (sheet.first_name, sheet.quartier, sheet.landmark) == ("", "Makepe", "derrière la pharmacie")
    assert sheet.next_step is None  # not theirs yet: pending


def test_the_first_name_the_number_and_later_details_are_on_the_sheet(session):
    customer = Customer(name="Aline Nkotto Ebe", contact_phone="+237699123456")
    session.add(customer)
    session.commit()
    request = _request(session, customer, channel="web")
    request.provider_id, request.status = make_provider(session).id, "assigned"
    assert tell_provider_detail(session=session, request=request, kind="detail", text="sous l'évier") is True
    session.commit()
    sheet = job_sheet(session=session, request=request)
    assert (sheet.first_name, sheet.phone, sheet.phone_display) == ("Aline", "+237699123456",
                                                                             "+237 6 99 12 34 56")
    assert sheet.details == ["sous l'évier"] and sheet.next_step == "start"
    assert sheet.reach_through_chat is False
