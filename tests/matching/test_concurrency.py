"""Races: two providers saying OUI at once, two sweeps on the same requests (threads, each with its own session)."""

import threading
from collections import Counter
from datetime import timedelta

from sqlmodel import select

from core import clock
from core.db import session_scope
from core.matching.models import Offer
from core.matching.sweep import advance_due
from core.messaging.models import OutboxMessage
from core.providers.models import Provider
from core.service_requests.models import RequestEvent, RequestStatus, ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, provider_says, sent_to


def run_together(*functions) -> list:
    """Start the functions in threads at the same instant; return their results (or exceptions)."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)

    def run(index, function):
        barrier.wait()
        try:
            results[index] = function()
        except Exception as exc:
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_oui_at_the_same_moment_make_exactly_one_assignment(session):
    for attempt in range(5):  # several rounds of the race, so the loser sometimes waits on the lock
        providers = [make_provider(session) for _ in range(3)]
        request = new_request(session)
        advance_due()
        offered = [p for p in providers if p.id in {o.provider_id for o in offers_of(request.id)}]
        results = run_together(*(lambda p=p: provider_says(p, "OUI") for p in offered))
        assert not [r for r in results if isinstance(r, Exception)], results

        advance_due()  # tells whoever was not told by their own reply
        request = fresh(ServiceRequest, request.id)
        assert request.status == RequestStatus.ASSIGNED
        statuses = Counter(o.status for o in offers_of(request.id))
        assert statuses["accepted"] == 1 and statuses["pending"] == 0
        with session_scope() as s:
            assigned = s.exec(select(RequestEvent).where(RequestEvent.request_id == request.id,
                                                         RequestEvent.to_status == RequestStatus.ASSIGNED)).all()
        assert len(assigned) == 1
        for provider in offered:
            if provider.id == request.provider_id:
                assert "est pour vous" in sent_to(provider.phone)[-1]
            else:
                taken = [b for b in sent_to(provider.phone) if "déjà été prise" in b]
                assert len(taken) == 1, (attempt, sent_to(provider.phone))
        assert sum(fresh(Provider, p.id).offers_accepted for p in offered) == 1
        with session.begin_nested():  # free the winner for the next attempt
            job = session.get(ServiceRequest, request.id)
            session.refresh(job)
            job.status = RequestStatus.COMPLETED
        session.commit()


def test_two_sweeps_on_the_same_requests_never_double_an_offer_or_a_message(session):
    for _ in range(8):
        make_provider(session)
    requests = [new_request(session) for _ in range(12)]

    for step in range(3):  # first offers, then two timeouts with the next rounds
        results = run_together(advance_due, advance_due, advance_due)
        assert not [r for r in results if isinstance(r, Exception)], results
        assert sum(results) >= len(requests), (step, results)  # a request's two steps may go to two sweeps
        clock.advance(timedelta(minutes=11))

    with session_scope() as s:
        offers = s.exec(select(Offer)).all()
        outbox = s.exec(select(OutboxMessage).where(OutboxMessage.kind == "offer")).all()
        received = {p.id: p.offers_received for p in s.exec(select(Provider))}
    assert len(offers) == len(requests) * 8  # 3 + 3 + the last 2 of 8, once each
    assert len(outbox) == len(offers) == len({(m.to, m.body) for m in outbox})
    per_provider = Counter(o.provider_id for o in offers)
    assert per_provider == Counter(received)
    for request in requests:
        rounds = Counter(o.round for o in offers_of(request.id))
        assert rounds == {1: 3, 2: 3, 3: 2}
