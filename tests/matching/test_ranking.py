"""The SQL ranking used in production agrees with the Python reference ranking, part for part."""

import random
from datetime import timedelta

import pytest

from core import clock
from core.catalog import quartiers
from core.matching.candidates import find_candidates, request_point
from core.matching.ranking import best_candidates
from core.matching.scoring import weights
from core.service_requests.models import ServiceRequest
from tests.factories import make_provider
from tests.matching.conftest import new_request
from tests.matching.reference import rank


def population(session, rnd: random.Random) -> None:
    places = quartiers()
    now = clock.now()
    hour = clock.local(now).hour
    for _ in range(60):
        home = rnd.choice(places)
        pinned = rnd.random() < 0.8
        rated = rnd.randint(0, 40)
        received = rnd.randint(0, 50)
        make_provider(
            session, services=tuple(rnd.sample(("plumbing", "electrical"), rnd.choice((1, 2)))),
            zones=tuple({home.name, *(q.name for q in rnd.sample(places, rnd.choice((0, 1))))}),
            lat=home.lat + rnd.uniform(-0.01, 0.01) if pinned else None,
            lon=home.lon + rnd.uniform(-0.01, 0.01) if pinned else None,
            rating_sum=sum(rnd.choice((3, 4, 5)) for _ in range(rated)), rating_count=rated,
            offers_received=received, offers_accepted=rnd.randint(0, received), responses=received,
            response_seconds_total=received * rnd.randint(20, 1500), max_concurrent_jobs=rnd.choice((1, 2, 3)),
            last_offered_at=now - timedelta(minutes=rnd.randint(1, 3000)) if rnd.random() < 0.7 else None,
            work_start_hour=rnd.choice((0, (hour + 1) % 24)), work_end_hour=24 if rnd.random() < 0.8 else hour,
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_ranking_matches_the_python_reference(session, seed):
    rnd = random.Random(seed)
    population(session, rnd)
    found = 0
    for quartier in ("Makepe", "Akwa", "Bonaberi", "PK12"):
        for urgency in ("normal", "urgent"):
            request = new_request(session, quartier=quartier, urgency=urgency)
            request = session.get(ServiceRequest, request.id)
            for radius in (5.0, 12.0):
                now = clock.now()
                lat, lon = request_point(request)
                reference = rank(find_candidates(session=session, request=request, radius_km=radius, now=now),
                                 lat=lat, lon=lon, radius_km=radius, now=now, weights=weights(session=session),
                                 limit=8)
                production = best_candidates(session=session, request=request, radius_km=radius, now=now, limit=8)
                assert [c.id for c, _, _ in production] == [c.id for c, _, _ in reference], (quartier, urgency)
                assert [s for _, s, _ in production] == pytest.approx([s for _, s, _ in reference], abs=1e-6)
                assert len(production) == min(8, len(reference))
                found += len(production)
    assert found > 40  # the comparison is about real rankings, not empty lists
