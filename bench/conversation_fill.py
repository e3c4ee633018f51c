"""Conversation analytics at scale, for bench/analytics.py: fill messages with COPY, time the page's queries."""

import random
import statistics
import time
from datetime import UTC, datetime, timedelta

import psycopg
import sqlalchemy as sa

DAYS = 365
INTENTS = ("new_request", "new_request", "new_request", "other", "other", "status_check", "smalltalk", "info",
           "complaint", "cancel")
QUESTIONS = ("", "", "service_type", "location", "location", "rating")
CHANNELS = ("whatsapp", "whatsapp", "whatsapp", "web", "simulator")


def fill_conversations(url: str, messages: int) -> dict[str, int]:
    """Write customers' conversations in time order until `messages` messages (turns and replies); return counts."""
    rng = random.Random(15)
    now = datetime.now(UTC)
    conversations = max(1, messages // 8)  # four turns and four replies on average
    counts = {"conversations": conversations, "messages": 0, "requests": 0}
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy("COPY customer (phone, name, language, is_demo, created_at) FROM STDIN") as copy:
            for i in range(conversations):
                copy.write_row((f"+2376{80_000_000 + i:08d}", "", "fr", False, now))
        cur.execute("SELECT min(id) FROM customer WHERE phone >= '+237680000000'")
        first_customer = cur.fetchone()[0]
        starts = sorted(now - timedelta(seconds=rng.uniform(0, DAYS * 86400)) for _ in range(conversations))
        plans, written = [], 0
        for started in starts:  # each conversation's turns, then whether and when it became a request
            at, turns = started, []
            for _ in range(rng.randint(1, 7)):
                calls = 1 if rng.random() < 0.12 else 0
                turns.append((at, rng.choice(INTENTS), "en" if rng.random() < 0.3 else "fr", rng.random() > 0.08,
                              calls, rng.randint(50, 400) if calls else 0, rng.choice(QUESTIONS)))
                at += timedelta(seconds=rng.randint(20, 900))
            request_at = turns[-1][0] + timedelta(seconds=5) if rng.random() < 0.35 else None
            plans.append((started, turns, request_at))
            written += 2 * len(turns)
            if written >= messages:
                break
        counts["conversations"] = len(plans)
        with cur.copy("COPY conversation (channel, external_id, role, customer_id, language, state, human_takeover,"
                      " takeover_by, turn_count, is_demo, read_turns, first_turn_at, last_asked, request_at,"
                      " turns_to_request, created_at, updated_at) FROM STDIN") as copy:
            for i, (started, turns, request_at) in enumerate(plans):
                copy.write_row((CHANNELS[i % len(CHANNELS)], f"bench-{i}", "customer", first_customer + i, "fr", "{}",
                                False, "", len(turns), False, len(turns), turns[0][0], turns[-1][6], request_at,
                                len(turns) if request_at else None, started, started))
        cur.execute("SELECT min(id) FROM conversation WHERE external_id LIKE 'bench-%'")
        first_conversation = cur.fetchone()[0]
        requests = []
        columns = ("conversation_id, direction, channel, author, body, status, error_code, media, reply_to, attempts,"
                   " sent_by, created_at, intent, language, understood, model, model_calls, model_cost_microusd,"
                   " model_unpriced, asked")
        with cur.copy(f"COPY message ({columns}) FROM STDIN") as copy:
            for i, (_, turns, request_at) in enumerate(plans):
                channel = CHANNELS[i % len(CHANNELS)]
                for at, intent, language, understood, calls, cost, asked in turns:
                    copy.write_row((first_conversation + i, "in", channel, "customer", "bonjour mon robinet fuit",
                                    "processed", "", "[]", "{}", 0, "", at, intent, language, understood,
                                    "gemini" if calls else "", calls, cost, 0, asked))
                    copy.write_row((first_conversation + i, "out", channel, "bot", "C'est noté", "sent", "", "[]",
                                    "{}", 0, "", at + timedelta(seconds=2), None, None, None, "", 0, 0, 0, ""))
                if request_at is not None:
                    requests.append((first_conversation + i, first_customer + i, channel, request_at))
        counts["messages"] = written
        with cur.copy("COPY servicerequest (reference, customer_id, conversation_id, channel, service_type, quartier,"
                      " address, description, urgency, language, status, price_min, price_max, offer_round,"
                      " searching_notice_sent, rating_requested, is_demo, created_at, updated_at) FROM STDIN") as copy:
            for n, (conversation_id, customer_id, channel, at) in enumerate(requests):
                copy.write_row((f"V{n:09d}", customer_id, conversation_id, channel, "plumbing", "Akwa", "", "",
                                "normal", "fr", "pending", 5000, 15000, 0, False, False, False, at, at))
        counts["requests"] = len(requests)
        conn.commit()
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE")
    return counts


def run_conversation_loads(loads: int) -> None:
    """Time each query of the conversation analytics page, and a drill-down, per scope; print p50/p95 in ms."""
    from sqlmodel import Session

    from core.analytics import conversation_stats as stats
    from core.conversations.turn_record import rebuild_turn_days
    from core.db import get_engine

    started = time.perf_counter()
    with Session(get_engine()) as session:  # a bulk load skips the turns' own counting: recount once
        rebuild_turn_days(session=session)
        session.commit()
        rows = session.exec(sa.select(sa.func.count()).select_from(sa.table("turnday"))).one()[0]
    print(f"daily turn totals recounted ({rows} rows) in {time.perf_counter() - started:.1f} s", flush=True)

    queries = {
        "totals": lambda s, sc: stats.totals(session=s, scope=sc),
        "intents/day": lambda s, sc: stats.by_day(session=s, scope=sc, field="intent"),
        "languages/day": lambda s, sc: stats.by_day(session=s, scope=sc, field="language"),
        "by channel": lambda s, sc: stats.by_channel(session=s, scope=sc),
        "drop-off": lambda s, sc: stats.drop_off(session=s, scope=sc),
        "to request": lambda s, sc: stats.to_request(session=s, scope=sc),
        "drill: dropped at location": lambda s, sc: stats.conversations(session=s, scope=sc, metric="dropped",
                                                                         key="location"),
        "drill: not understood": lambda s, sc: stats.conversations(session=s, scope=sc, metric="not_understood"),
        "whole page": lambda s, sc: stats.overview(session=s, scope=sc),
    }
    engine = get_engine()
    with engine.connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM message").scalar()
    print(f"conversation analytics over {total} messages", flush=True)
    for params in ({"period": "7d"}, {"period": "30d"}, {"period": "30d", "channel": "web"}, {"period": "90d"},
                   {"period": "365d"}, {"period": "all"}):
        scope = stats.scope_from(params)
        for name, query in queries.items():
            timings = []
            for _ in range(loads + 1):
                with Session(engine) as session:
                    started = time.perf_counter()
                    query(session, scope)
                    timings.append((time.perf_counter() - started) * 1000)
            timings = sorted(timings[1:])  # the first warms the connection and caches
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            print(f"{params!s:40s} {name:28s} p50={statistics.median(timings):8.1f} ms p95={p95:8.1f} ms",
                  flush=True)
