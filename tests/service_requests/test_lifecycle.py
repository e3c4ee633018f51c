"""The request lifecycle: allowed steps only, and each step tells the other parties (never the actor)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.customers.models import Customer
from core.db import session_scope
from core.matching import admin
from core.matching.models import OfferStatus
from core.matching.sweep import advance_due
from core.service_requests.lifecycle import TRANSITIONS, InvalidTransition, allowed_targets
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from core.service_requests.service import transition
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, provider_says, rules, sent_to


def events_of(request_id: int) -> list[RequestEvent]:
    with session_scope() as s:
        return list(s.exec(select(RequestEvent).where(RequestEvent.request_id == request_id)))


@pytest.mark.parametrize(("status", "target", "actor"), [
    ("completed", "offered", "system"), ("pending", "completed", "provider"), ("assigned", "completed", "customer"),
    ("in_progress", "cancelled", "customer"), ("in_progress", "pending", "provider"), ("cancelled", "pending", "admin"),
    ("offered", "assigned", "customer"),
])
def test_an_invalid_transition_raises_and_changes_nothing(session, status, target, actor):
    request = new_request(session)
    with session.begin_nested():
        request.status = status  # the starting point of the case, set directly on purpose
    session.commit()
    before = len(events_of(request.id))
    with session_scope() as s, pytest.raises(InvalidTransition):
        transition(session=s, request=s.get(ServiceRequest, request.id), target=target, actor=actor)
    assert fresh(ServiceRequest, request.id).status == status
    assert len(events_of(request.id)) == before
    assert sent_to(fresh(Customer, request.customer_id).phone) == []


def test_the_table_covers_reassignment_withdrawal_and_retry():
    assert "pending" in allowed_targets("assigned", "admin")
    assert "pending" in allowed_targets("assigned", "provider")
    assert "pending" in allowed_targets("in_progress", "admin")
    assert "pending" in allowed_targets("expired", "admin")
    assert "completed" in allowed_targets("assigned", "provider")
    assert allowed_targets("completed", "admin") == [] and allowed_targets("cancelled", "admin") == []
    assert all(t.actors for t in TRANSITIONS)


def test_customer_cancels_during_offers_and_the_providers_are_told(session):
    providers = [make_provider(session) for _ in range(2)]
    request = new_request(session)
    advance_due()
    with session_scope() as s:
        transition(session=s, request=s.get(ServiceRequest, request.id), target="cancelled", actor="customer")
    assert {o.status for o in offers_of(request.id)} == {"withdrawn"}
    advance_due()
    for provider in providers:
        assert "annulée" in sent_to(provider.phone)[-1]
    assert sent_to(fresh(Customer, request.customer_id).phone) == []  # the engine answers the customer itself
    provider_says(providers[0], "OUI")
    assert fresh(ServiceRequest, request.id).status == RequestStatus.CANCELLED


def test_admin_reassigns_and_the_search_starts_again_without_the_first_provider(session):
    rules(session, offer_batch_size=1)
    first, second = make_provider(session), make_provider(session)
    request = new_request(session)
    advance_due()
    holder = first if offers_of(request.id)[0].provider_id == first.id else second
    other = second if holder is first else first
    provider_says(holder, "OUI")
    provider_says(holder, "en route")

    with session_scope() as s:
        admin.reassign(session=s, request=s.get(ServiceRequest, request.id), admin="admin@djobea", reason="no show")
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.PENDING and request.provider_id is None and request.offer_round == 0
    assert "Ne vous déplacez pas" in sent_to(holder.phone)[-1]
    assert "autre artisan" in sent_to(fresh(Customer, request.customer_id).phone)[-1]
    advance_due()
    assert [o.provider_id for o in offers_of(request.id) if o.status == OfferStatus.PENDING] == [other.id]


def test_admin_hands_a_request_to_a_chosen_provider_and_cancels_it(session):
    chosen = make_provider(session, name="Aline Ngo")
    request = new_request(session)
    with session_scope() as s:
        admin.assign_to(session=s, request=s.get(ServiceRequest, request.id), provider=chosen, admin="admin")
    customer = fresh(Customer, request.customer_id)
    assert fresh(ServiceRequest, request.id).status == RequestStatus.ASSIGNED
    assert customer.phone in sent_to(chosen.phone)[-1]
    assert "Aline" in sent_to(customer.phone)[-1]
    with session_scope() as s:
        admin.cancel(session=s, request=s.get(ServiceRequest, request.id), admin="admin")
    assert "annulée" in sent_to(chosen.phone)[-1] and "annulée" in sent_to(customer.phone)[-1]


def test_expired_request_retried_by_admin_asks_the_lapsed_providers_again(session):
    rules(session, offer_rounds=1)
    provider = make_provider(session)
    request = new_request(session)
    advance_due()
    clock.advance(timedelta(minutes=11))
    advance_due()
    assert fresh(ServiceRequest, request.id).status == RequestStatus.EXPIRED
    assert "alert" in [e.kind for e in events_of(request.id)]

    with session_scope() as s:
        admin.retry(session=s, request=s.get(ServiceRequest, request.id), admin="admin")
    assert "reparti" in sent_to(fresh(Customer, request.customer_id).phone)[-1]
    advance_due()
    offers = offers_of(request.id)
    assert [(o.provider_id, o.status, o.round) for o in offers] == [(provider.id, "pending", 1)]
    assert len(sent_to(provider.phone, kind="offer")) == 2
    assert fresh(ServiceRequest, request.id).status == RequestStatus.OFFERED


def test_retried_transition_never_sends_twice(session):
    provider = make_provider(session)
    request = new_request(session)
    advance_due()
    provider_says(provider, "OUI")
    phone = fresh(Customer, request.customer_id).phone
    count = len(sent_to(phone))
    with session_scope() as s, pytest.raises(InvalidTransition):
        transition(session=s, request=s.get(ServiceRequest, request.id), target="assigned", actor="provider")
    assert len(sent_to(phone)) == count
