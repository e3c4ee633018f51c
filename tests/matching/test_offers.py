"""Offer rounds: the best K get the job offer, deadlines, next rounds, widening, expiry, the searching notice."""

from datetime import timedelta

from sqlmodel import select

from core import clock
from core.customers.models import Customer
from core.matching.models import OfferStatus
from core.matching.sweep import advance_due
from core.money import format_range
from core.providers.models import Provider, ProviderStatus
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, rules, sent_to


def test_pending_request_is_offered_to_the_best_three_with_scores(session):
    providers = [make_provider(session, rating_sum=4 * n, rating_count=n) for n in (1, 2, 3, 4, 5)]
    far = make_provider(session, zones=("Bonaberi",), lat=4.075, lon=9.665)  # ~9 km away, not serving Makepe
    request = new_request(session, description="Le tuyau sous l'évier fuit")

    assert advance_due() == 1

    request = fresh(ServiceRequest, request.id)
    offers = offers_of(request.id)
    assert request.status == RequestStatus.OFFERED and request.offer_round == 1
    assert len(offers) == 3 and far.id not in {o.provider_id for o in offers}
    assert all(o.status == OfferStatus.PENDING and o.score > 0 and "distance" in o.score_parts for o in offers)
    assert all(o.expires_at - o.created_at == timedelta(minutes=10) for o in offers)
    offered = [p for p in providers if p.id in {o.provider_id for o in offers}]
    body = sent_to(offered[0].phone, kind="offer")[0]
    customer = fresh(Customer, request.customer_id)
    assert request.reference in body and "Plomberie" in body and "Makepe" in body and "évier" in body
    assert format_range(5000, 15000) in body and "OUI" in body and "NON" in body
    assert customer.phone not in body and customer.phone[4:] not in body
    assert fresh(Provider, offered[0].id).offers_received == 1
    assert fresh(Provider, offered[0].id).last_offered_at is not None
    assert advance_due() == 0  # nothing more due: no second offer, no second message
    assert len(sent_to(offered[0].phone)) == 1


def test_urgent_requests_get_the_shorter_deadline_and_batch_size_follows_the_rule(session):
    rules(session, offer_batch_size=2)
    for _ in range(4):
        make_provider(session)
    request = new_request(session, urgency="urgent")
    advance_due()
    offers = offers_of(request.id)
    assert len(offers) == 2
    assert offers[0].expires_at - offers[0].created_at == timedelta(minutes=5)
    assert "URGENT" in sent_to(fresh(Provider, offers[0].provider_id).phone)[0]


def test_timeout_starts_the_next_round_with_other_providers(session):
    rules(session, offer_batch_size=2)
    for _ in range(5):
        make_provider(session)
    request = new_request(session)
    advance_due()
    first = {o.provider_id for o in offers_of(request.id)}

    clock.advance(timedelta(minutes=9))
    advance_due()
    assert {o.status for o in offers_of(request.id)} == {"pending"}  # not yet

    clock.advance(timedelta(minutes=2))
    advance_due()
    offers = offers_of(request.id)
    second = {o.provider_id for o in offers if o.round == 2}
    assert len(second) == 2 and not first & second
    assert {o.status for o in offers if o.round == 1} == {"expired"}
    assert all(fresh(Provider, pid).offers_expired == 1 for pid in first)
    assert fresh(ServiceRequest, request.id).offer_round == 2


def test_after_the_rounds_the_radius_widens_once_then_the_request_expires(session, customer_phone):
    rules(session, offer_batch_size=1, offer_rounds=1)
    near = make_provider(session)
    far = make_provider(session, zones=("Bonaberi",), lat=4.075, lon=9.665)  # ~9 km: inside 12, outside 5
    request = new_request(session)
    advance_due()
    assert [o.provider_id for o in offers_of(request.id)] == [near.id]

    clock.advance(timedelta(minutes=11))
    advance_due()
    offers = offers_of(request.id)
    assert [(o.provider_id, o.round) for o in offers if o.status == OfferStatus.PENDING] == [(far.id, 2)]
    assert fresh(ServiceRequest, request.id).radius_km == 12.0

    clock.advance(timedelta(minutes=11))
    advance_due()
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.EXPIRED
    with_kinds = [e.kind for e in events(request.id)]
    assert "widened" in with_kinds and "alert" in with_kinds
    expired = sent_to(customer_phone(request))[-1]
    assert request.reference in expired and "plus tard" in expired and "autre moment" in expired


def test_no_candidate_at_all_widens_at_once_then_expires_honestly(session, customer_phone):
    make_provider(session, services=("electrical",))  # wrong trade
    make_provider(session, available=False)
    make_provider(session, verified=False)
    make_provider(session, status=ProviderStatus.SUSPENDED)
    request = new_request(session, language="en")
    advance_due()
    request = fresh(ServiceRequest, request.id)
    assert request.status == RequestStatus.EXPIRED and offers_of(request.id) == []
    assert [e.kind for e in events(request.id)].count("widened") == 1
    messages = sent_to(customer_phone(request))
    assert len(messages) == 1 and "Sorry" in messages[0] and "try again" in messages[0]


def test_one_honest_searching_update_while_nobody_has_accepted(session, customer_phone):
    make_provider(session)
    request = new_request(session)
    advance_due()
    clock.advance(timedelta(minutes=3))
    advance_due()
    assert sent_to(customer_phone(request)) == []
    clock.advance(timedelta(minutes=2))
    advance_due()
    advance_due()
    notices = sent_to(customer_phone(request))
    assert len(notices) == 1 and "cherche toujours" in notices[0]
    assert fresh(ServiceRequest, request.id).searching_notice_sent


def test_providers_out_of_hours_or_full_are_left_out_but_urgent_reaches_out_of_hours(session):
    hour = clock.local(clock.now()).hour
    closed = make_provider(session, work_start_hour=(hour + 2) % 24, work_end_hour=(hour + 3) % 24)
    busy = make_provider(session, max_concurrent_jobs=1)
    job = new_request(session)
    with session.begin_nested():
        job.status, job.provider_id = "assigned", busy.id  # an ongoing job fills busy's only slot
        session.add(job)
    session.commit()

    normal = new_request(session)
    advance_due()
    assert offers_of(normal.id) == []

    urgent = new_request(session, urgency="urgent")
    advance_due()
    offers = offers_of(urgent.id)
    assert [o.provider_id for o in offers] == [closed.id]
    assert offers[0].score_parts["hours"] == 0.0


def test_restart_mid_round_loses_nothing(session):
    make_provider(session)
    make_provider(session)
    request = new_request(session)
    advance_due()
    from core.db import dispose_engine

    dispose_engine()  # a new process: only the database remembers
    clock.advance(timedelta(minutes=11))
    advance_due()
    assert {o.status for o in offers_of(request.id)} == {"expired"}
    assert fresh(ServiceRequest, request.id).status == RequestStatus.EXPIRED


def events(request_id: int) -> list[RequestEvent]:
    from core.db import session_scope

    with session_scope() as s:
        return list(s.exec(select(RequestEvent).where(RequestEvent.request_id == request_id)
                           .order_by(RequestEvent.id)))
