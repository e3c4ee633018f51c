from bisect import bisect_left
from datetime import timedelta

import pytest

from core import clock
from core.analytics.dashboard import dashboard, exact_median
from core.analytics.filters import BUCKETS, Filters, from_params, period_bounds
from core.analytics.models import WAIT_EDGES
from core.analytics.requests import search_requests
from core.analytics.rollups import rebuild_rollups
from core.analytics.totals import median_from_histogram
from core.payments.models import PaymentStatus
from core.providers.models import ProviderStatus
from tests.analytics.seed import local_date, median, seed


def _in(row, filters: Filters) -> bool:
    created = row["created_at"]
    return ((filters.start is None or created >= filters.start) and (filters.end is None or created < filters.end)
            and (filters.service is None or row["service_type"] == filters.service)
            and (filters.quartier is None or row["quartier"] == filters.quartier))


def ogive_median(waits: list[float]) -> float | None:
    """The grouped median read off the ogive: counts below each bucket edge, joined by straight lines."""
    if not waits:
        return None
    edges = [e * 60.0 for e in WAIT_EDGES]
    below = [sum(w < edge for w in waits) for edge in edges[1:]]  # waits under each bucket's upper edge
    half = len(waits) / 2
    j = bisect_left(below, half)  # the first bucket whose upper edge has half the waits under it
    if j == len(below):
        return edges[-1]  # in the open last bucket the page shows its lower edge
    under = below[j - 1] if j else 0
    return edges[j] + (half - under) / (below[j] - under) * (edges[j + 1] - edges[j])


def test_the_estimated_median_on_a_histogram_worked_by_hand():
    # 4 waits: one under a minute, three between 2 and 3 minutes; the 2nd of 4 is a third into 2-3 min: 140 s
    assert median_from_histogram({"wait_0m": 1, "wait_2m": 3}) == pytest.approx(140.0)
    assert median_from_histogram({"wait_360m": 2}) == 360 * 60.0
    assert median_from_histogram({}) is None


@pytest.mark.parametrize("rolled_up", [False, True], ids=["live", "rollups"])
@pytest.mark.parametrize("params", [
    {"period": "30d"}, {"period": "7d", "service": "plumbing"}, {"period": "all", "quartier": "Akwa"},
    {"period": "90d", "service": "electrical", "quartier": "Makepe"}, {"period": "today"}, {"period": "365d"},
])
def test_dashboard_numbers_match_the_rows(session, params, rolled_up):
    history = seed(session)
    if rolled_up:
        rebuild_rollups(session=session)
        session.commit()
    filters = from_params(params, history.now)
    data = dashboard(session=session, filters=filters, now=history.now)
    k = data.kpis
    scope = [r for r in history.requests if _in(r, Filters(service=filters.service, quartier=filters.quartier))]
    rows = [r for r in history.requests if _in(r, filters)]
    today = local_date(history.now)
    monday = today - timedelta(days=today.weekday())
    assert k.requests_today == sum(local_date(r["created_at"]) == today for r in scope)
    assert k.requests_week == sum(local_date(r["created_at"]) >= monday for r in scope)
    assert k.requests == len(rows)
    for stage in ("offered", "assigned", "completed", "paid"):
        assert getattr(k, stage) == sum(r[f"{stage}_at"] is not None for r in rows), stage
    waits = [(r["assigned_at"] - r["created_at"]).total_seconds() for r in rows if r["assigned_at"]]
    expected_median = median(waits) if exact_median(filters) else ogive_median(waits)
    assert k.median_estimated == (params["period"] in ("90d", "365d", "all"))
    if expected_median is None:
        assert k.median_assign_seconds is None
    else:
        assert k.median_assign_seconds == pytest.approx(expected_median, abs=0.01)
    paid = [p for p in history.payments if p["status"] == PaymentStatus.SUCCESS and _in(p["request"], Filters(
        service=filters.service, quartier=filters.quartier))
            and (filters.start is None or p["paid_at"] >= filters.start)
            and (filters.end is None or p["paid_at"] < filters.end)]
    assert (k.revenue, k.commission, k.payments) == (sum(p["amount"] for p in paid),
                                                     sum(p["commission"] for p in paid), len(paid))
    rated = [x["stars"] for x in history.ratings if _in(x["request"], Filters(service=filters.service,
                                                                                quartier=filters.quartier))
             and (filters.start is None or x["created_at"] >= filters.start)
             and (filters.end is None or x["created_at"] < filters.end)]
    assert k.ratings == len(rated)
    assert k.rating_avg == (pytest.approx(sum(rated) / len(rated)) if rated else None)
    active = [p for p in history.providers if p["status"] == ProviderStatus.ACTIVE
              and (filters.service is None or p["trade"] == filters.service)
              and (filters.quartier is None or p["zone"] == filters.quartier)]
    assert k.active_providers == len(active)

    by_day: dict = {}
    for r in rows:
        key = (local_date(r["created_at"]).isoformat(), r["service_type"])
        by_day[key] = by_day.get(key, 0) + 1
    assert {(d, s): n for d, s, n in data.by_day} == by_day
    expected_buckets = {key: sum(1 for w in waits if w >= low * 60 and (high is None or w < high * 60))
                        for key, low, high in BUCKETS}
    assert dict(data.assign_buckets) == expected_buckets
    by_quartier: dict = {}
    for r in rows:
        by_quartier[r["quartier"]] = by_quartier.get(r["quartier"], 0) + 1
    assert dict(data.by_quartier) == by_quartier
    jobs: dict = {}
    for r in rows:
        if r["completed_at"]:
            jobs[r["provider_id"]] = jobs.get(r["provider_id"], 0) + 1
    assert {row.id: row.jobs for row in data.leaderboard} == jobs
    assert [row.jobs for row in data.leaderboard] == sorted(jobs.values(), reverse=True)


def test_drill_downs_list_exactly_the_rows_behind_a_number(session):
    history = seed(session)
    base = {"period": "30d"}
    data = dashboard(session=session, filters=from_params(base, history.now), now=history.now)
    for day, service, count in data.by_day[:5]:
        listed = search_requests(session=session, filters=from_params(
            {"period": "all", "service": service, "day": day}, history.now), page_size=500)
        assert listed.total == count
    for key, count in data.assign_buckets:
        listed = search_requests(session=session, filters=from_params({**base, "bucket": key}, history.now))
        assert listed.total == count
    for stage in ("offered", "assigned", "completed", "paid"):
        listed = search_requests(session=session, filters=from_params({**base, "stage": stage}, history.now))
        assert listed.total == getattr(data.kpis, stage)


def test_periods_are_whole_douala_days():
    now = clock.now()
    start, end = period_bounds("7d", now)
    assert clock.local(start).hour == 0 and clock.local(end).hour == 0
    assert (end - start) == timedelta(days=7)
    assert start <= now < end
    assert period_bounds("all", now) == (None, None)


def test_an_empty_database_shows_zeros(session):
    data = dashboard(session=session, filters=from_params({}))
    assert data.kpis.requests == 0 and data.kpis.median_assign_seconds is None and data.kpis.rating_avg is None
    assert data.leaderboard == [] and all(n == 0 for _, n in data.assign_buckets)
