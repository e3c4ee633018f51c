"""Finding 1: a phone typed on the web chat is contact information, not an identity, until a WhatsApp code proves it."""

import re
from datetime import timedelta

from nicegui.testing import User
from sqlmodel import select

from core import clock
from core.customers.models import Customer
from core.db import session_scope
from core.messaging.conversations import Conversation
from core.messaging.models import OutboxMessage
from core.payments.models import Payment
from core.phones import display_phone
from core.service_requests.models import RequestStatus, ServiceRequest
from core.service_requests.service import transition
from tests.security.conftest import AWA_PHONE, Victim
from tests.security.helpers import code_sent_to, everything_staff_can_read, other_code

VISITOR = "web-visitor-5f0c2b9a7d"


async def _say(user: User, text: str, session_id: str = VISITOR, **fields) -> str:
    response = await user.http_client.post("/api/chat", json={"session_id": session_id, "message": text, **fields})
    assert response.status_code == 200, response.text
    return " ".join(response.json()["replies"])


def _request(request_id: int) -> ServiceRequest:
    with session_scope() as s:
        return s.get(ServiceRequest, request_id)


def _finish(request_id: int) -> None:
    with session_scope() as s:
        request = s.get(ServiceRequest, request_id)
        request.final_price = 15000
        for status in (RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED):
            transition(session=s, request=request, target=status, actor="provider")


def _web_customer(session_id: str = VISITOR) -> Customer:
    with session_scope() as s:
        conversation = s.exec(select(Conversation).where(Conversation.channel == "web",
                                                         Conversation.external_id == session_id)).one()
        return s.get(Customer, conversation.customer_id)


def _payments() -> list[tuple]:
    with session_scope() as s:
        return [(p.id, p.status, p.payment_url, p.link_attempts, p.updated_at) for p in s.exec(select(Payment))]


def _leaks(text: str, victim: Victim) -> list[str]:
    secrets = {"reference": victim.request.reference, "provider's number": display_phone(victim.provider.phone),
               "provider's name": "Jean"}
    return [what for what, value in secrets.items() if value in text]


async def test_a_phone_typed_on_the_web_chat_is_not_an_identity(user: User, awa: Victim):
    # The API's phone field: status, cancel and corrections of Awa's request stay out of reach.
    said = await _say(user, "Bonjour, où en est ma demande ?", phone="6 77 00 11 22")
    assert _leaks(said, awa) == []
    said = await _say(user, "annulez ma demande svp")
    assert _leaks(said, awa) == [] and _request(awa.request.id).status == RequestStatus.ASSIGNED
    said = await _say(user, "pardon c'est à Kotto pas Makepe")
    assert _leaks(said, awa) == [] and _request(awa.request.id).quartier == "Makepe"

    # Typed in the chat: the same.
    other = "web-visitor-91d3e7c4aa"
    said = await _say(user, "mon numéro c'est le 677 00 11 22", session_id=other)
    assert "77 00 11 22" in said  # noted as the number to call back
    said = await _say(user, "je veux annuler ma demande", session_id=other)
    assert _leaks(said, awa) == [] and _request(awa.request.id).status == RequestStatus.ASSIGNED

    # A finished job of Awa's: no payment link and no history for the visitor.
    _finish(awa.request.id)
    before = _payments()
    said = await _say(user, "je veux payer", session_id=other)
    assert _leaks(said, awa) == [] and _payments() == before
    listing = (await user.http_client.get(f"/api/chat/{other}/messages")).json()
    assert not any(_leaks(m["body"], awa) for m in listing)

    # The number is kept as contact information for the visitor's own requests, one clear field.
    for session_id in (VISITOR, other):
        visitor = _web_customer(session_id)
        assert visitor.id != awa.customer.id and visitor.phone is None and visitor.contact_phone == AWA_PHONE
    with session_scope() as s:
        assert [r.id for r in s.exec(select(ServiceRequest).where(ServiceRequest.customer_id == awa.customer.id))] \
            == [awa.request.id]


async def test_asking_about_ma_demande_offers_a_whatsapp_code_and_the_right_code_links(user: User, awa: Victim):
    said = await _say(user, "Bonjour, où en est ma demande ?", phone="677001122")
    assert "code" in said and "WhatsApp" in said and _leaks(said, awa) == []
    said = await _say(user, "oui")
    assert "code" in said and _leaks(said, awa) == []
    code = code_sent_to(AWA_PHONE)
    with session_scope() as s:
        row = s.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")).one()
    assert code not in row.body  # what staff could read is masked

    said = await _say(user, other_code(code))
    assert _leaks(said, awa) == [] and re.search(r"incorrect|ne correspond", said)

    said = await _say(user, code)
    assert awa.request.reference in said and display_phone(awa.provider.phone) in said
    assert _web_customer().id == awa.customer.id
    assert code not in everything_staff_can_read()  # not even as the visitor typed it
    said = await _say(user, "annulez ma demande svp")
    assert awa.request.reference in said and "OUI" in said  # a provider is on it: asked once
    await _say(user, "oui")
    assert _request(awa.request.id).status == RequestStatus.CANCELLED


async def test_a_visitor_who_created_a_request_on_the_web_keeps_it_after_proving_the_number(user: User, awa: Victim):
    said = await _say(user, "J'ai une fuite d'eau à Akwa", phone="677001122")
    [own] = re.findall(r"DJB-[0-9A-Z]{4}", said)
    said = await _say(user, "envoyez-moi le code sur WhatsApp")
    assert "code" in said
    said = await _say(user, f"le code est {code_sent_to(AWA_PHONE)}")
    assert own in said and awa.request.reference in said
    with session_scope() as s:
        moved = s.exec(select(ServiceRequest).where(ServiceRequest.reference == own)).one()
    assert moved.customer_id == awa.customer.id


async def test_wrong_codes_are_refused_and_counted_even_across_new_codes(user: User, awa: Victim):
    await _say(user, "où en est ma demande ?", phone="677001122")
    await _say(user, "oui")
    code = code_sent_to(AWA_PHONE)
    for _ in range(3):
        assert "incorrect" in await _say(user, other_code(code))
    await _say(user, "nouveau code")
    code = code_sent_to(AWA_PHONE)
    said = ""
    for _ in range(2):
        said = await _say(user, other_code(code))
    assert "15 minutes" in said
    said = await _say(user, code)  # even the right code, now
    assert _leaks(said, awa) == [] and _web_customer().id != awa.customer.id
    clock.advance(timedelta(minutes=16))
    await _say(user, "envoyez-moi un nouveau code")
    said = await _say(user, code_sent_to(AWA_PHONE))
    assert awa.request.reference in said


async def test_in_english_too(user: User, awa: Victim):
    said = await _say(user, "Hello, where is my request please?", phone="677001122")
    assert "code" in said and "WhatsApp" in said and "Je " not in said
    said = await _say(user, "yes please")
    assert "code" in said and "Si " not in said
    said = await _say(user, other_code(code_sent_to(AWA_PHONE)))
    assert "doesn't match" in said
    said = await _say(user, code_sent_to(AWA_PHONE))
    assert awa.request.reference in said


async def test_an_unknown_number_gets_the_same_answers_and_no_message(user: User, awa: Victim):
    said = await _say(user, "où en est ma demande ?", phone="699887766")
    assert "code" in said
    said = await _say(user, "oui")
    assert "code" in said
    with session_scope() as s:
        assert s.exec(select(OutboxMessage).where(OutboxMessage.kind == "code")).all() == []


async def test_the_contact_phone_reaches_the_provider_who_takes_the_job(user: User, session):
    from core.matching.notifications import job_details
    from tests.factories import make_provider

    provider = make_provider(session)
    said = await _say(user, "J'ai une fuite d'eau à Makepe", phone="699887766")
    reference = re.search(r"DJB-[0-9A-Z]{4}", said).group(0)
    with session_scope() as s:
        request = s.exec(select(ServiceRequest).where(ServiceRequest.reference == reference)).one()
        details = job_details(session=s, request=request, provider=provider)
    assert "699887766" in details.replace(" ", "")
