"""The figures the database keeps for fast ranking stay true, and the bound never leaves out a better provider."""

import math
import random
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import select

from core import clock
from core.catalog import quartiers
from core.db import session_scope
from core.matching import ranking
from core.matching.bounds import ProviderBound, _cells_within
from core.matching.candidates import find_candidates, request_point
from core.matching.scoring import (
    DEFAULT_WEIGHTS,
    WEIGHTS_RULE,
    Candidate,
    distance_km,
    score_parts,
    weights,
)
from core.matching.sweep import advance_due
from core.providers.models import Provider
from core.providers.quality import QUALITY_WEIGHTS
from core.providers.service import bump_counters, record_rating
from core.rules.models import BusinessRule
from core.service_requests.models import RequestStatus, ServiceRequest
from tests.factories import make_customer, make_provider
from tests.matching.conftest import fresh, new_request, provider_says
from tests.matching.reference import cell_of, quality, rank

COUNTERS = ("rating_sum", "rating_count", "offers_accepted", "offers_received", "response_seconds_total", "responses")


def assert_figures_true(provider_id: int) -> Provider:
    provider = fresh(Provider, provider_id)
    assert provider.quality == pytest.approx(quality(**{k: getattr(provider, k) for k in COUNTERS}), abs=1e-12)
    if provider.lat is None or provider.lon is None:
        assert provider.cell is None
    else:
        assert provider.cell == cell_of(provider.lat, provider.lon)
    return provider


def test_stored_quality_is_the_ranking_parts_weighted():
    c = {"rating_sum": 47, "rating_count": 10, "offers_accepted": 6, "offers_received": 8,
         "response_seconds_total": 900, "responses": 6}
    parts = score_parts(_candidate(**c), lat=4.05, lon=9.7, radius_km=5, now=clock.now())
    assert quality(**c) == pytest.approx(sum(w * parts[name] for name, w in QUALITY_WEIGHTS.items()))
    assert QUALITY_WEIGHTS == {name: DEFAULT_WEIGHTS[name] for name in QUALITY_WEIGHTS}  # the tightest bound


def test_quality_and_cell_stay_true_through_offers_answers_jobs_and_ratings(session):
    provider = make_provider(session, rating_sum=40, rating_count=10, lat=4.0834, lon=9.7512)
    assert_figures_true(provider.id)
    request = new_request(session)
    advance_due()  # offered: offers_received + 1
    assert fresh(Provider, provider.id).offers_received == 1
    assert_figures_true(provider.id)
    clock.advance(timedelta(minutes=3))
    provider_says(provider, "OUI")  # accepted: responses, response time, acceptance
    after_yes = assert_figures_true(provider.id)
    assert (after_yes.offers_accepted, after_yes.responses) == (1, 1)
    provider_says(provider, "FIN 15000")
    with session_scope() as s:
        record_rating(session=s, request=s.get(ServiceRequest, request.id), stars=5)
    rated = assert_figures_true(provider.id)
    assert rated.rating_count == 11 and rated.quality > after_yes.quality


def test_quality_and_cell_stay_true_whoever_writes(session):
    provider = make_provider(session, lat=4.05, lon=9.70)
    with session_scope() as s:
        bump_counters(session=s, provider_id=provider.id, offers_received=3, offers_declined=3)
    assert_figures_true(provider.id)
    with session_scope() as s:  # an ORM write, as a page would do
        row = s.get(Provider, provider.id)
        row.rating_sum, row.rating_count, row.lat, row.lon = row.rating_sum + 2, row.rating_count + 1, 4.1, 9.8
    moved = assert_figures_true(provider.id)
    assert moved.cell == cell_of(4.1, 9.8)
    with session_scope() as s:  # a raw UPDATE, as a script would do
        s.execute(sa.update(Provider).where(Provider.id == provider.id).values(lat=None, responses=4,
                                                                             response_seconds_total=4000))
    assert assert_figures_true(provider.id).cell is None


def test_cells_within_the_radius_hold_every_point_within_it():
    rnd = random.Random(5)
    for _ in range(40):
        lat, lon, radius = rnd.uniform(3.9, 4.2), rnd.uniform(9.5, 9.9), rnd.choice((0.5, 3.0, 5.0, 12.0))
        cells = _cells_within(lat, lon, radius)
        for _ in range(200):
            bearing, km = rnd.uniform(0, 2 * math.pi), radius * math.sqrt(rnd.random())
            p_lat = lat + km * math.cos(bearing) / 111.32
            p_lon = lon + km * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
            cell = cell_of(p_lat, p_lon)
            assert cell in cells
            assert cells[cell] <= distance_km(lat, lon, p_lat, p_lon) + 1e-9


def crowd(session, rnd: random.Random, count: int) -> None:
    """Providers packed around a few quartiers, some without a pin, some busy, some serving far quartiers."""
    places = [q for q in quartiers() if q.name in ("Makepe", "Akwa", "Bonaberi", "Kotto", "Logpom", "PK12")]
    now = clock.now()
    hour = clock.local(now).hour
    customer = make_customer(session)
    for _ in range(count):
        home = rnd.choice(places)
        pinned = rnd.random() < 0.9
        rated, received = rnd.randint(0, 60), rnd.randint(0, 60)
        provider = make_provider(
            session, services=tuple(rnd.sample(("plumbing", "electrical"), rnd.choice((1, 2)))),
            zones=tuple({home.name, *(q.name for q in rnd.sample(places, rnd.choice((0, 1, 2))))}),
            lat=home.lat + rnd.uniform(-0.012, 0.012) if pinned else None,
            lon=home.lon + rnd.uniform(-0.012, 0.012) if pinned else None,
            rating_sum=sum(rnd.choice((3, 4, 5, 5)) for _ in range(rated)), rating_count=rated,
            offers_received=received, offers_accepted=rnd.randint(0, received), responses=received,
            response_seconds_total=received * rnd.randint(20, 1500), max_concurrent_jobs=rnd.choice((1, 2, 3)),
            last_offered_at=now - timedelta(minutes=rnd.randint(1, 3000)) if rnd.random() < 0.7 else None,
            work_start_hour=rnd.choice((0, (hour + 1) % 24)), work_end_hour=24 if rnd.random() < 0.8 else hour)
        if rnd.random() < 0.15:  # already on a job
            session.add(ServiceRequest(reference=f"BX-{provider.id}", customer_id=customer.id,
                                       service_type="plumbing", quartier=home.name, status=RequestStatus.ASSIGNED,
                                       provider_id=provider.id))
    session.commit()


@pytest.mark.parametrize("seed, weights_rule", [
    (1, None), (2, None), (3, {"distance": 0.1, "rating": 0.5, "fairness": 0.0}), (4, {"distance": 0.6}),
])
def test_bounded_ranking_matches_the_reference_and_reads_few_providers(session, monkeypatch, seed, weights_rule):
    rnd = random.Random(seed)
    crowd(session, rnd, 260)
    if weights_rule:
        session.add(BusinessRule(key=WEIGHTS_RULE, value=weights_rule))
        session.commit()
    searches = []
    bounded = ranking._bounded
    monkeypatch.setattr(ranking, "_bounded", lambda *a: searches.append(bounded(*a)) or searches[-1])
    for quartier in ("Makepe", "Akwa", "Bonaberi", "Logpom"):
        for urgency in ("normal", "urgent"):
            request = session.get(ServiceRequest, new_request(session, quartier=quartier, urgency=urgency).id)
            for radius in (3.0, 8.0):
                now = clock.now()
                lat, lon = request_point(request)
                used = weights(session=session)
                everyone = find_candidates(session=session, request=request, radius_km=radius, now=now)
                for limit in (1, 3, 6):
                    reference = rank(everyone, lat=lat, lon=lon, radius_km=radius, now=now, weights=used, limit=limit)
                    found = ranking.best_candidates(session=session, request=request, radius_km=radius, now=now,
                                                    limit=limit)
                    assert [c.id for c, _, _ in found] == [c.id for c, _, _ in reference], (quartier, radius, limit)
                    assert [s for _, s, _ in found] == pytest.approx([s for _, s, _ in reference], abs=1e-6)
    exact = [rows for rows in searches if rows is not None]
    if weights_rule is None:
        assert len(exact) >= len(searches) * 0.8  # most searches end on the bound, not by ranking everyone


def test_the_bound_is_above_every_eligible_score(session):
    rnd = random.Random(9)
    crowd(session, rnd, 120)
    request = session.get(ServiceRequest, new_request(session, quartier="Kotto", urgency="urgent").id)
    now, used, radius = clock.now(), weights(session=session), 6.0
    point = request_point(request)
    bound = ProviderBound(point, radius, used)
    stored = {p.id: p for p in session.exec(select(Provider))}
    for c in find_candidates(session=session, request=request, radius_km=radius, now=now):
        provider = stored[c.id]
        if provider.cell is None or distance_km(*point, c.lat, c.lon) > radius:
            continue
        parts = score_parts(c, lat=point[0], lon=point[1], radius_km=radius, now=now)
        score = sum(w * parts[name] for name, w in used.items())
        near = bound.cells[provider.cell]
        ceiling = (bound.ratio * provider.quality + bound.rest
                   + bound.distance_weight * max(0.0, 1 - near / radius))
        assert score <= ceiling + 1e-9


def _candidate(**counters) -> Candidate:
    return Candidate(id=1, lat=4.05, lon=9.7, last_offered_at=None, max_concurrent_jobs=2, active_jobs=0, **counters)
