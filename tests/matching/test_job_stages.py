"""A started job's stages: the portal's buttons and the provider's WhatsApp words are one action, told once."""

import pytest
from sqlmodel import select

from core.customers.models import Customer
from core.db import session_scope
from core.matching import jobs
from core.matching.portal import portal_action
from core.matching.sweep import advance_due
from core.messaging.conversations import Conversation, Message
from core.providers.models import Provider
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, provider_says, sent_to


def act(provider_id: int, action: str, item_id: int) -> str:
    """Press the portal's button."""
    with session_scope() as session:
        return portal_action(session=session, provider=session.get(Provider, provider_id), action=action,
                             item_id=item_id)


def _assigned(session) -> tuple[ServiceRequest, Provider]:
    provider = make_provider(session)
    request = new_request(session)
    advance_due()
    provider_says(provider, "OUI")
    assert fresh(ServiceRequest, request.id).status == RequestStatus.ASSIGNED
    return request, provider


def _customer_phone(request: ServiceRequest) -> str:
    return fresh(Customer, request.customer_id).phone


def _stage_events(request_id: int) -> list[dict]:
    with session_scope() as session:
        return [e.detail for e in session.exec(select(RequestEvent).where(
            RequestEvent.request_id == request_id, RequestEvent.kind.in_(("transition", "stage")),
            RequestEvent.to_status.is_(None) | (RequestEvent.to_status == RequestStatus.IN_PROGRESS)))]


@pytest.mark.parametrize("way", ["whatsapp", "portal"])
def test_commencer_in_the_portal_is_j_ai_commence_on_whatsapp(session, way):
    request, provider = _assigned(session)
    if way == "whatsapp":
        provider_says(provider, "j'ai commencé")
    else:
        assert act(provider.id, "start", request.id) == "started_ok"
    assert fresh(ServiceRequest, request.id).status == RequestStatus.IN_PROGRESS
    assert _stage_events(request.id) == [{"stage": "started"}]
    told = sent_to(_customer_phone(request))[-1]
    assert told == f"🔧 {provider.name.split()[0]} a commencé le travail ({request.reference})."


@pytest.mark.parametrize("way", ["whatsapp", "portal"])
def test_en_route_is_its_own_step_and_the_customer_hears_it(session, way):
    request, provider = _assigned(session)
    if way == "whatsapp":
        provider_says(provider, "EN ROUTE")
    else:
        assert act(provider.id, "on_the_way", request.id) == "on_the_way_ok"
    assert _stage_events(request.id) == [{"stage": "on_the_way"}]
    assert sent_to(_customer_phone(request))[-1].startswith(f"🚗 {provider.name.split()[0]} est en route")
    with session_scope() as s:
        assert jobs.stages_reached(session=s, request_id=request.id) == ["on_the_way"]


def test_each_stage_is_told_once_whichever_way_it_is_said_again(session):
    request, provider = _assigned(session)
    act(provider.id, "on_the_way", request.id)
    provider_says(provider, "je suis en route")
    act(provider.id, "start", request.id)
    provider_says(provider, "j'ai commencé")
    act(provider.id, "start", request.id)
    told = sent_to(_customer_phone(request))
    assert sum("est en route" in body for body in told) == 1
    assert sum("a commencé" in body for body in told) == 1
    with session_scope() as s:
        assert jobs.stages_reached(session=s, request_id=request.id) == ["on_the_way", "started"]


def test_a_stage_the_code_does_not_know_is_on_the_way_not_an_error(session):
    request, provider = _assigned(session)
    with session_scope() as s:
        outcome, _ = jobs.start_job(session=s, provider=s.get(Provider, provider.id), request_id=request.id,
                                    stage="working")
    assert outcome == "started_ok"
    assert _stage_events(request.id) == [{"stage": "on_the_way"}]


def test_the_provider_writes_to_the_customer_of_their_own_open_job_only(session):
    request, provider = _assigned(session)
    other = make_provider(session)
    session.commit()
    with session_scope() as s:
        assert jobs.message_customer(session=s, provider=s.get(Provider, other.id), request_id=request.id,
                                     body="bonjour") == "offer_closed"
        assert jobs.message_customer(session=s, provider=s.get(Provider, provider.id), request_id=request.id,
                                     body="   ") == "message_empty"
        assert jobs.message_customer(session=s, provider=s.get(Provider, provider.id), request_id=request.id,
                                     body="J'arrive dans 10 minutes,\n portail bleu ?") == "message_sent"
    told = sent_to(_customer_phone(request))[-1]
    assert told == f"{provider.name.split()[0]} ({request.reference}) : J'arrive dans 10 minutes, portail bleu ?"
    with session_scope() as s:
        conversation = s.get(Conversation, request.conversation_id)
        last = s.exec(select(Message).where(Message.conversation_id == conversation.id)
                      .order_by(Message.id.desc())).first()
        assert last.author == "provider"
    provider_says(provider, "FIN 15000")
    with session_scope() as s:
        assert jobs.message_customer(session=s, provider=s.get(Provider, provider.id), request_id=request.id,
                                     body="merci") == "offer_closed"  # a closed job: no more messages


def test_accepting_in_the_portal_sends_the_details_to_whatsapp_as_oui_does(session):
    provider = make_provider(session)
    request = new_request(session)
    advance_due()
    offer_id = next(o.id for o in offers_of(request.id) if o.provider_id == provider.id)
    assert act(provider.id, "accept", offer_id) == "accepted"
    details = [body for body in sent_to(provider.phone) if request.reference in body and "est pour vous" in body]
    assert len(details) == 1 and _customer_phone(request) in details[0]
