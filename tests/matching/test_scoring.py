"""Ranking: Bayesian ratings, weights from the rules, fairness, and ratings recorded once."""

from datetime import timedelta

import pytest
from sqlmodel import select

from core import clock
from core.db import session_scope
from core.matching.scoring import DEFAULT_WEIGHTS, Candidate, score_parts, weights
from core.matching.sweep import advance_due
from core.providers.models import Provider, Rating
from core.providers.service import acceptance_rate, bayesian_rating, record_rating
from core.rules.models import BusinessRule
from core.service_requests.models import ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import fresh, new_request, offers_of, provider_says, rules
from tests.matching.reference import rank

MAKEPE = (4.083, 9.748)


def candidate(id_: int, **fields) -> Candidate:
    base = {"lat": MAKEPE[0], "lon": MAKEPE[1], "rating_sum": 0, "rating_count": 0, "offers_received": 10,
            "offers_accepted": 8, "responses": 8, "response_seconds_total": 8 * 120, "last_offered_at": None,
            "max_concurrent_jobs": 2, "active_jobs": 0}
    return Candidate(id=id_, **{**base, **fields})


def test_one_five_star_job_does_not_beat_eighty_at_four_point_seven():
    newcomer = candidate(1, rating_sum=5, rating_count=1)
    veteran = candidate(2, rating_sum=376, rating_count=80)  # 4.7 average
    best = rank([newcomer, veteran], lat=MAKEPE[0], lon=MAKEPE[1], radius_km=5, now=clock.now(),
                weights=DEFAULT_WEIGHTS, limit=2)
    assert [c.id for c, _, _ in best] == [2, 1]
    assert best[0][2]["bayesian_rating"] == pytest.approx(4.62, abs=0.01)
    assert best[1][2]["bayesian_rating"] == pytest.approx(4.09, abs=0.01)


def test_the_newcomer_is_offered_after_the_veteran_through_the_real_path(session):
    rules(session, offer_batch_size=1)
    common = {"offers_received": 10, "offers_accepted": 8}
    newcomer = make_provider(session, rating_sum=5, rating_count=1, jobs_completed=1, **common)
    veteran = make_provider(session, rating_sum=376, rating_count=80, jobs_completed=80, **common)
    request = new_request(session)
    advance_due()
    assert [o.provider_id for o in offers_of(request.id)] == [veteran.id]
    assert newcomer.id not in [o.provider_id for o in offers_of(request.id)]


@pytest.mark.parametrize(("part", "better", "worse"), [
    ("distance", {"lat": 4.084}, {"lat": 4.11}),
    ("acceptance", {"offers_accepted": 9}, {"offers_accepted": 1}),
    ("response", {"response_seconds_total": 8 * 30}, {"response_seconds_total": 8 * 1200}),
    ("workload", {"active_jobs": 0}, {"active_jobs": 1}),
    ("fairness", {"last_offered_at": None}, {"last_offered_at": "recent"}),
])
def test_each_part_prefers_what_it_should(part, better, worse):
    now = clock.now()
    fix = {k: (now - timedelta(minutes=5) if v == "recent" else v) for k, v in worse.items()}
    good, bad = candidate(1, **better), candidate(2, **fix)
    good_parts = score_parts(good, lat=MAKEPE[0], lon=MAKEPE[1], radius_km=5, now=now)
    bad_parts = score_parts(bad, lat=MAKEPE[0], lon=MAKEPE[1], radius_km=5, now=now)
    assert good_parts[part] > bad_parts[part]
    best = rank([bad, good], lat=MAKEPE[0], lon=MAKEPE[1], radius_km=5, now=now, weights=DEFAULT_WEIGHTS, limit=1)
    assert best[0][0].id == 1


def test_admins_can_change_the_weights(session):
    near_poor = candidate(1, rating_sum=30, rating_count=10)  # 3.0, right here
    far_great = candidate(2, lat=4.11, rating_sum=50, rating_count=10)  # 5.0, 3 km away
    args = {"lat": MAKEPE[0], "lon": MAKEPE[1], "radius_km": 5, "now": clock.now(), "limit": 1}
    assert rank([near_poor, far_great], weights=weights(session=session), **args)[0][0].id == 1
    session.add(BusinessRule(key="match_weights", value={"distance": 0.0, "rating": 1.0, "bogus": 5, "fairness": "x"}))
    session.commit()
    chosen = weights(session=session)
    assert chosen["rating"] == 1.0 and chosen["distance"] == 0.0 and "bogus" not in chosen
    assert chosen["fairness"] == DEFAULT_WEIGHTS["fairness"]
    assert rank([near_poor, far_great], weights=chosen, **args)[0][0].id == 2


def test_ratings_are_recorded_once_and_move_the_provider(session):
    provider = make_provider(session)
    request = new_request(session)
    advance_due()
    provider_says(provider, "OUI")
    provider_says(provider, "FIN 12000")
    with session_scope() as s:
        job = s.get(ServiceRequest, request.id)
        with pytest.raises(ValueError):
            record_rating(session=s, request=job, stars=6)
        with pytest.raises(ValueError):
            record_rating(session=s, request=job, stars=0)
    with session_scope() as s:
        first = record_rating(session=s, request=s.get(ServiceRequest, request.id), stars=4, comment="Rapide")
    with session_scope() as s:
        again = record_rating(session=s, request=s.get(ServiceRequest, request.id), stars=1)
    assert again.id == first.id and again.stars == 4
    provider = fresh(Provider, provider.id)
    assert (provider.rating_sum, provider.rating_count) == (4, 1)
    assert bayesian_rating(provider) == pytest.approx((40 + 4) / 11)
    with session_scope() as s:
        assert len(s.exec(select(Rating)).all()) == 1


def test_only_a_completed_job_can_be_rated(session):
    make_provider(session)
    request = new_request(session)
    advance_due()
    with session_scope() as s, pytest.raises(ValueError):
        record_rating(session=s, request=s.get(ServiceRequest, request.id), stars=5)


def test_acceptance_rate_is_smoothed():
    assert acceptance_rate(Provider(name="a", phone="1")) == 0.5
    assert acceptance_rate(Provider(name="a", phone="1", offers_received=1, offers_accepted=1)) == pytest.approx(2 / 3)
    assert acceptance_rate(Provider(name="a", phone="1", offers_received=98, offers_accepted=98)) == pytest.approx(0.99)
