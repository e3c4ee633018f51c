"""Matching benchmark: 100,000 providers, rank the best K for many requests through the production path.

The timed call is core.matching.ranking.best_candidates, exactly what a matching round runs before writing its
offers: the bounded SQL search over the index (cell, quality), the same score in SQL, the parts again in Python.

    python bench/matching.py                                   # a temporary SQLite file
    python bench/matching.py --postgres postgresql://postgres@127.0.0.1:5432/postgres   # a fresh PG database
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import clock, db
from core.catalog import quartiers, service_codes
from core.config import reload_settings

SEED = 7


def main() -> None:
    """Build the providers, rank many requests, print latency percentiles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--postgres", help="server URL; a fresh database is created there and dropped after")
    parser.add_argument("--keep", action="store_true", help="keep the database (to EXPLAIN the queries)")
    args = parser.parse_args()
    url, drop = _database(args.postgres)
    reload_settings(DATABASE_URL=url, DJOBEA_DEMO_DATA="0", LOG_LEVEL="WARNING")
    db.dispose_engine()
    try:
        db.upgrade()
        started = time.perf_counter()
        request_ids = _build(args.providers, args.requests)
        print(f"built {args.providers:,} providers in {time.perf_counter() - started:.1f}s on "
              f"{db.get_engine().dialect.name}")
        for radius in (5.0, 12.0):
            _measure(request_ids, radius)
    finally:
        db.dispose_engine()
        if args.keep:
            print("kept", url)
        elif drop:
            drop()


def _database(server: str | None):
    if not server:
        return f"sqlite:///{tempfile.mkdtemp(prefix='djobea-bench-')}/bench.db", None
    name = f"djobea_bench_{uuid.uuid4().hex[:8]}"
    base = server.rsplit("/", 1)[0]
    admin = sa.create_engine(f"{base}/postgres".replace("postgresql://", "postgresql+psycopg://", 1),
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"{base}/{name}", drop


def _build(count: int, request_count: int) -> list[int]:
    """Insert providers with trades, zones, history and ongoing jobs; return ids of requests to rank."""
    from core.customers.models import Customer
    from core.providers.models import Provider, ProviderService, ProviderZone
    from core.service_requests.models import ServiceRequest

    rnd = random.Random(SEED)
    places, codes, now = quartiers(), service_codes(), clock.now()
    providers, trades, zones = [], [], []
    for i in range(1, count + 1):
        home = rnd.choice(places)
        rated = rnd.randint(0, 120)
        received = rnd.randint(0, 200)
        accepted = rnd.randint(0, received)
        start = rnd.choice((0, 6, 7, 8))
        providers.append({
            "id": i, "name": f"Bench Provider {i}", "phone": f"+23765{i:07d}", "language": rnd.choice(("fr", "en")),
            "quartier": home.name,
            "lat": home.lat + rnd.uniform(-0.008, 0.008), "lon": home.lon + rnd.uniform(-0.008, 0.008),
            "status": "active" if rnd.random() < 0.95 else "suspended", "verified": rnd.random() < 0.9,
            "available": rnd.random() < 0.8, "max_concurrent_jobs": rnd.choice((1, 2, 3)),
            "work_start_hour": start, "work_end_hour": 24 if start == 0 else rnd.choice((18, 19, 20)),
            "work_days": "0123456" if rnd.random() < 0.7 else "012345", "rating_sum": sum(
                rnd.choice((3, 4, 4, 5, 5)) for _ in range(rated)), "rating_count": rated,
            "jobs_completed": rated, "offers_received": received, "offers_accepted": accepted,
            "offers_declined": received - accepted, "offers_expired": 0, "responses": received,
            "response_seconds_total": received * rnd.randint(30, 900),
            "last_offered_at": now - timedelta(minutes=rnd.randint(1, 4000)) if received else None,
            "is_demo": False, "created_at": now, "updated_at": now, "photo_url": "", "bio": "",
        })
        for code in rnd.sample(codes, rnd.choice((1, 1, 2, 3))):
            trades.append({"provider_id": i, "service_code": code})
        for place in {home.name, *(q.name for q in rnd.sample(places, rnd.choice((0, 1, 2))))}:
            zones.append({"provider_id": i, "quartier": place})
    engine = db.get_engine()
    with engine.begin() as conn:
        for table, rows in ((Provider, providers), (ProviderService, trades), (ProviderZone, zones)):
            for chunk in range(0, len(rows), 5000):
                conn.execute(sa.insert(table.__table__), rows[chunk:chunk + 5000])
    with db.session_scope() as session:
        customer = Customer(phone="+237699000000", name="Bench")
        session.add(customer)
        session.flush()
        ongoing = [ServiceRequest(reference=f"BJ-{n:06d}", customer_id=customer.id, service_type=rnd.choice(codes),
                                  quartier=rnd.choice(places).name, status="assigned",
                                  provider_id=rnd.randint(1, count)) for n in range(count // 30)]
        wanted = [ServiceRequest(reference=f"BQ-{n:06d}", customer_id=customer.id, service_type=rnd.choice(codes),
                                 quartier=rnd.choice(places).name, urgency=rnd.choice(("normal", "urgent")))
                  for n in range(request_count)]
        session.add_all(ongoing + wanted)
        session.flush()
        ids = [r.id for r in wanted]
    if engine.dialect.name == "postgresql":  # as autovacuum would have done on a live database
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
    return ids


def _measure(request_ids: list[int], radius: float) -> None:
    from sqlmodel import Session

    from core.matching.candidates import find_candidates
    from core.matching.ranking import best_candidates
    from core.service_requests.models import ServiceRequest

    times, sizes = [], []
    with Session(db.get_engine()) as session:
        requests = [session.get(ServiceRequest, i) for i in request_ids]
        now = clock.now()
        best_candidates(session=session, request=requests[0], radius_km=radius, now=now, limit=3)  # warm-up
        for request in requests:
            started = time.perf_counter()
            best = best_candidates(session=session, request=request, radius_km=radius, now=now, limit=3)
            times.append((time.perf_counter() - started) * 1000)
            assert best, "every request should find someone in a city this full"
        for request in requests[:50]:
            sizes.append(len(find_candidates(session=session, request=request, radius_km=radius, now=now)))
    times.sort()
    p50, p95, p99 = (times[int(len(times) * q) - 1] for q in (0.5, 0.95, 0.99))
    print(f"radius {radius:>4} km: {len(times)} requests, ~{statistics.mean(sizes):,.0f} eligible candidates each; "
          f"ranking p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms (load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
