"""Dashboard query time on 1,000,000 requests and conversation analytics on 1,000,000 messages (PostgreSQL).

    .venv/bin/python bench/analytics.py [--requests 1000000] [--messages 1000000] [--part all|dashboard|conversations]
        [--loads 10] [--url postgresql://postgres@127.0.0.1:5432]

Creates a database of its own, fills it with COPY, builds the daily totals the way production does (the first
run of the scheduler's sweep rebuilds them; timed), changes a few requests the way a minute of traffic does and
leaves them unswept, then prints p50/p95 of one dashboard load (every query it runs) for several filters, and
drops the database at the end. Target: p95 < 500 ms for every period.

Conversation analytics: customers' conversations on the three channels over a year, half of their messages
customer turns (intent, language, understood, model use, the question left open), one in three conversations
turned into a request; prints p50/p95 of each query of the page and of a drill-down, per period and channel.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DAYS = 365
QUARTIER_COUNT = 20
PROVIDERS = 800


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--part", choices=("all", "dashboard", "conversations"), default="all")
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--keep", help="reuse (or create and keep) the database of this name, to study the plans")
    args = parser.parse_args()
    name = args.keep or f"djobea_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(f"{args.url}/postgres", autocommit=True)
    exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
    if not exists:
        admin.execute(f'CREATE DATABASE "{name}"')
    os.environ.update({"DATABASE_URL": f"{args.url}/{name}", "DJOBEA_ENV": "test", "LOG_LEVEL": "WARNING"})
    try:
        from core import db
        from core.config import reload_settings

        reload_settings()
        db.dispose_engine()
        db.upgrade()
        if exists:  # a kept database may predate the daily totals' tables
            from sqlmodel import SQLModel

            import core.models  # noqa: F401

            SQLModel.metadata.create_all(db.get_engine())
            with db.get_engine().begin() as conn:
                for table in ("servicerequest", "payment"):
                    conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS ix_{table}_updated_at ON {table} (updated_at)"))
        else:
            started = time.perf_counter()
            counts = fill(f"{args.url}/{name}", args.requests if args.part != "conversations" else 0)
            print(f"filled {counts} in {time.perf_counter() - started:.1f} s", flush=True)
            if args.part != "dashboard":
                from bench.conversation_fill import fill_conversations

                started = time.perf_counter()
                counts = fill_conversations(f"{args.url}/{name}", args.messages)
                print(f"filled {counts} in {time.perf_counter() - started:.1f} s", flush=True)
        if args.part != "conversations":
            build_rollups()
            run_loads(args.loads)
        if args.part != "dashboard":
            from bench.conversation_fill import run_conversation_loads

            run_conversation_loads(args.loads)
        db.dispose_engine()
    finally:
        if not args.keep:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return 0


def fill(url: str, total: int) -> dict[str, int]:
    """Write providers, customers, requests, payments and ratings with COPY; return the row counts."""
    from core.catalog import quartiers, services

    rng = random.Random(2024)
    zones = [q.name for q in quartiers()][:QUARTIER_COUNT]
    catalogue = services()
    now = datetime.now(UTC)
    counts = {"requests": 0, "payments": 0, "ratings": 0}
    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            with cur.copy("COPY provider (name, phone, language, quartier, photo_url, bio, status, verified, available,"
                          " max_concurrent_jobs, work_start_hour, work_end_hour, work_days, rating_sum, rating_count,"
                          " jobs_completed, offers_received, offers_accepted, offers_declined, offers_expired,"
                          " response_seconds_total, responses, is_demo, created_at, updated_at) FROM STDIN") as copy:
                for i in range(PROVIDERS):
                    copy.write_row((f"Artisan {i}", f"+2376{i:08d}", "fr", zones[i % len(zones)], "", "",
                                    "suspended" if i % 40 == 0 else "active", True, True, 2, 7, 19, "0123456",
                                    rng.randint(0, 400), rng.randint(0, 90), 0, 0, 0, 0, 0, 0, 0, False, now, now))
        conn.commit()
    return _fill_rest(url, rng, zones, catalogue, now, total, counts)


def _fill_rest(url, rng, zones, catalogue, now, total, counts) -> dict[str, int]:
    customers = max(1, total // 5)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM provider ORDER BY id")
        provider_ids = [r[0] for r in cur.fetchall()]
        with cur.copy("COPY providerservice (provider_id, service_code) FROM STDIN") as copy:
            for i, pid in enumerate(provider_ids):
                copy.write_row((pid, catalogue[i % len(catalogue)].code))
        with cur.copy("COPY providerzone (provider_id, quartier) FROM STDIN") as copy:
            for i, pid in enumerate(provider_ids):
                for z in {zones[i % len(zones)], zones[(i + 1) % len(zones)]}:
                    copy.write_row((pid, z))
        with cur.copy("COPY customer (phone, name, language, is_demo, created_at) FROM STDIN") as copy:
            for i in range(customers):
                copy.write_row((f"+2376{50_000_000 + i:08d}", "", "fr", False, now))
        cur.execute("SELECT min(id) FROM customer")
        first_customer = cur.fetchone()[0]
        columns = ("reference, customer_id, channel, service_type, quartier, address, description, urgency, language, "
                   "status, price_min, price_max, final_price, provider_id, offer_round, searching_notice_sent, "
                   "rating_requested, is_demo, created_at, updated_at, offered_at, assigned_at, started_at, "
                   "completed_at, paid_at, closed_at")
        with cur.copy(f"COPY servicerequest ({columns}) FROM STDIN") as copy:
            for i in range(total):
                created = now - timedelta(seconds=DAYS * 86400 * (1 - (i + rng.random()) / total))
                copy.write_row(_request(rng, i, created, first_customer + i % customers, zones, catalogue,
                                        provider_ids, now))
        conn.commit()
        counts["requests"] = total
        cur.execute("""INSERT INTO payment (payment_ref, request_id, customer_id, provider_id, amount, currency,
                         commission, payout_amount, status, payment_url, transaction_id, operator, phone,
                         link_attempts, last_error, notifications, is_demo, created_at, updated_at, paid_at)
                       SELECT 'P' || id, id, customer_id, provider_id, final_price, 'XAF', final_price * 15 / 100,
                              final_price - final_price * 15 / 100, 'success', '', '', 'CM_MTNMOBILEMONEY', '', 0, '',
                              '[]', false, paid_at, paid_at, paid_at
                       FROM servicerequest WHERE paid_at IS NOT NULL ORDER BY paid_at""")
        counts["payments"] = cur.rowcount
        cur.execute("""INSERT INTO rating (request_id, provider_id, customer_id, stars, comment, created_at)
                       SELECT id, provider_id, customer_id, 1 + id % 5, '', completed_at + interval '2 hours'
                       FROM servicerequest WHERE completed_at IS NOT NULL AND id % 3 = 0 ORDER BY completed_at""")
        counts["ratings"] = cur.rowcount
        conn.commit()
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE")
    return counts


def _request(rng, i, created, customer_id, zones, catalogue, provider_ids, now) -> tuple:
    """One request created at `created` (rows come in time order, as they do in production)."""
    service = catalogue[rng.randrange(len(catalogue))]
    fate = rng.random()
    offered = created + timedelta(seconds=rng.randint(5, 60)) if fate > 0.05 else None
    assigned = created + timedelta(seconds=rng.randint(60, 3600)) if fate > 0.18 else None
    started = assigned + timedelta(minutes=20) if assigned and fate > 0.3 else None
    completed = assigned + timedelta(hours=2) if assigned and fate > 0.3 and assigned + timedelta(hours=2) < now \
        else None
    paid = completed + timedelta(minutes=30) if completed and fate > 0.4 else None
    closed = created + timedelta(minutes=40) if fate <= 0.18 else None
    status = ("completed" if completed else "in_progress" if started else "assigned" if assigned
              else "expired" if closed and offered else "cancelled" if closed else "pending")
    price = rng.randrange(service.price_min, service.price_max + 1, 500) if completed else None
    provider = provider_ids[rng.randrange(len(provider_ids))] if assigned else None
    return (f"B{i:09d}", customer_id, "whatsapp", service.code, zones[rng.randrange(len(zones))], "", "", "normal",
            "fr", status, service.price_min, service.price_max, price, provider, 1, False, False, False, created,
            created, offered, assigned, started, completed, paid, closed)


def build_rollups() -> None:
    """Run the sweep as the scheduler does: the first run rebuilds everything, later runs the changed days."""
    from core.analytics import rollups
    from core.db import get_engine

    with get_engine().begin() as conn:
        conn.execute(sa.text("DELETE FROM rollupstate"))  # time a full rebuild even on a kept database
    started = time.perf_counter()
    rollups.sweep()
    print(f"rollups rebuilt (first sweep) in {time.perf_counter() - started:.1f} s", flush=True)
    touch_recent(50)
    started = time.perf_counter()
    days = rollups.sweep()
    print(f"sweep after 50 changes: {days} days recomputed in {(time.perf_counter() - started) * 1000:.0f} ms")
    touch_recent(50)  # left for the dashboard: changed since the last sweep, so these days are read live


def touch_recent(count: int) -> None:
    """Change count requests as a minute of traffic does: most from today or yesterday, a few up to 30 days old."""
    from core import clock
    from core.db import get_engine

    rng = random.Random()
    now = clock.now()
    with get_engine().begin() as conn:
        for i in range(count):
            age = timedelta(days=rng.uniform(0, 30) if i % 10 == 0 else rng.uniform(0, 2))
            conn.execute(sa.text("UPDATE servicerequest SET updated_at = :now, offered_at = COALESCE(offered_at, :now)"
                                 " WHERE id = (SELECT id FROM servicerequest WHERE created_at <= :at"
                                 " ORDER BY created_at DESC LIMIT 1)"), {"now": now, "at": now - age})


def run_loads(loads: int) -> None:
    """Time whole dashboard loads for a few filter choices; print p50/p95 in ms."""
    from sqlmodel import Session

    from core.analytics.dashboard import dashboard
    from core.analytics.filters import from_params
    from core.analytics.totals import plan
    from core.db import get_engine

    cases = [{"period": "30d"}, {"period": "7d"}, {"period": "30d", "service": "plumbing", "quartier": "Akwa"},
             {"period": "90d"}, {"period": "365d"}, {"period": "all"}]
    engine = get_engine()
    for params in cases:
        timings = []
        for _ in range(loads + 1):
            with Session(engine) as session:
                started = time.perf_counter()
                data = dashboard(session=session, filters=from_params(params))
                timings.append((time.perf_counter() - started) * 1000)
        timings = timings[1:]  # the first load warms the connection and caches
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        with Session(engine) as session:
            split = plan(session=session, filters=from_params(params))
        print(f"{params!s:60s} requests={data.kpis.requests:>8} changed days={len(split.skip):>2} "
              f"p50={statistics.median(timings):7.1f} ms p95={p95:7.1f} ms", flush=True)
    with engine.connect() as conn:
        size = conn.execute(sa.text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
    print(f"database size: {size}")


if __name__ == "__main__":
    sys.exit(main())
