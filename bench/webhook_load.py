"""Load on POST /webhook/whatsapp: accepted messages per second, webhook latency, then stored once / answered once.

By default it creates a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust), starts a fake Twilio
on loopback for the replies, and starts the server (main.py, scheduler on, local engine, a test auth token).
With --url it targets a server already running (give it the same --token and --database-url for the checks).

    .venv/bin/python bench/webhook_load.py --senders 64 --messages 6000 --duration 20
"""

import argparse
import asyncio
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import sqlalchemy as sa
from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.twilio_server import FakeTwilio  # noqa: E402

ACCOUNT_SID = "AC" + "b" * 32
TEXTS = ["Bonjour, mon robinet fuit à Makepe", "slt mon tuyau a pété je suis à Bonamoussadi",
         "Good morning, my fridge no di cool, I dey for Akwa", "Le courant a sauté chez moi à Kotto, c'est urgent 😭",
         "Bonsoir, j'ai besoin d'un électricien à Bépanda demain matin", "Ma clim fait du bruit à Bonapriso",
         "mon wc est bouché a logbessou", "Please I need a plumber for Deido, water everywhere 💧"]


def main() -> int:
    """Run the benchmark and print its numbers; exit 1 when a check fails."""
    args = _arguments()
    database_url = args.database_url or _fresh_database()
    server = fake = None
    try:
        if args.url:
            url = args.url.rstrip("/")
        else:
            fake = FakeTwilio(ACCOUNT_SID, args.token).__enter__()
            url, server = _start_server(database_url, args.token, fake.url, args.port)
        posts = _prepare(url, args)
        print(f"posting {len(posts)} messages from {args.numbers} numbers with {args.senders} concurrent senders "
              f"(at most {args.duration:g} s) to {url}", flush=True)
        results, elapsed = asyncio.run(_load(posts, args.senders, args.duration))
        ok = _report(results, elapsed)
        ok &= _check(database_url, [p[2] for p in posts[:len(results)]], results, fake, args.wait)
        return 0 if ok else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if fake is not None:
            fake.__exit__(None, None, None)
        if not args.database_url and not args.keep:
            _drop_database(database_url)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="target a running server instead of starting one")
    parser.add_argument("--database-url", help="database the server uses (default: a fresh PostgreSQL database)")
    parser.add_argument("--token", default="bench-auth-token", help="the server's TWILIO_AUTH_TOKEN")
    parser.add_argument("--senders", type=int, default=64, help="concurrent senders")
    parser.add_argument("--messages", type=int, default=6000, help="messages to post at most")
    parser.add_argument("--numbers", type=int, default=3000, help="distinct customer numbers")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load at most")
    parser.add_argument("--wait", type=float, default=240.0, help="seconds to wait for every answer")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the fresh database")
    args = parser.parse_args()
    if args.url and urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the benchmark only targets loopback")
    return args


def _fresh_database() -> str:
    name = f"djobea_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"postgresql://postgres@127.0.0.1:5432/{name}"


def _drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _start_server(database_url: str, token: str, twilio_url: str, port: int) -> tuple[str, subprocess.Popen]:
    import socket
    import tempfile

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env |= {"DATABASE_URL": database_url, "PORT": str(port), "HOST": "127.0.0.1", "DJOBEA_ENV": "development",
            "DJOBEA_DATA_DIR": tempfile.mkdtemp(prefix="djobea-bench-"), "DJOBEA_DEMO_DATA": "0",
            "DJOBEA_SCHEDULER": "1", "LOG_LEVEL": "WARNING", "TWILIO_AUTH_TOKEN": token,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_WHATSAPP_NUMBER": "+237655000111",
            "TWILIO_API_BASE_URL": twilio_url, "LLM_MODE": "local", "DJOBEA_ADMIN_PASSWORD": "bench-admin-password"}
    log_path = Path(env["DJOBEA_DATA_DIR"]) / "server.log"
    server = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=log_path.open("w"),
                              stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return url, server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start:\n" + log_path.read_text()[-2000:])


def _prepare(url: str, args: argparse.Namespace) -> list[tuple[str, dict[str, str], str]]:
    """Build every signed post before the clock starts, so the load generator spends little CPU."""
    validator = RequestValidator(args.token)
    target = url + "/webhook/whatsapp"
    rng = random.Random(237)
    numbers = [f"+2376{70000000 + n:08d}" for n in range(args.numbers)]
    posts = []
    for n in range(args.messages):
        sid = "SM" + secrets.token_hex(16)
        sender = numbers[n % len(numbers)]
        params = {"MessageSid": sid, "SmsMessageSid": sid, "AccountSid": ACCOUNT_SID, "From": f"whatsapp:{sender}",
                  "To": "whatsapp:+237655000111", "Body": rng.choice(TEXTS), "NumMedia": "0",
                  "ProfileName": f"Client {n % len(numbers)}", "WaId": sender[1:], "ApiVersion": "2010-04-01"}
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Twilio-Signature": validator.compute_signature(target, params)}
        posts.append((target, {"content": urlencode(params), "headers": headers}, sid))
    return posts


async def _load(posts: list, senders: int, duration: float) -> tuple[list[tuple[int, float]], float]:
    results: list[tuple[int, float]] = []
    queue = iter(posts)
    started = time.perf_counter()
    deadline = started + duration
    limits = httpx.Limits(max_connections=senders, max_keepalive_connections=senders)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def sender() -> None:
            for target, request, _ in queue:
                if time.perf_counter() > deadline:
                    return
                begin = time.perf_counter()
                try:
                    status = (await client.post(target, **request)).status_code
                except httpx.HTTPError:
                    status = 0
                results.append((status, (time.perf_counter() - begin) * 1000))

        await asyncio.gather(*(sender() for _ in range(senders)))
    return results, time.perf_counter() - started


def _report(results: list[tuple[int, float]], elapsed: float) -> bool:
    accepted = [ms for status, ms in results if status == 200]
    quantiles = statistics.quantiles(accepted, n=100) if len(accepted) > 1 else [0.0] * 99
    print(f"posted {len(results)} in {elapsed:.1f} s; accepted {len(accepted)} "
          f"({len(accepted) / elapsed:.0f} msg/s); other statuses: {len(results) - len(accepted)}")
    print(f"webhook latency (client side) p50 {quantiles[49]:.1f} ms, p95 {quantiles[94]:.1f} ms, "
          f"p99 {quantiles[98]:.1f} ms, max {max(accepted, default=0):.1f} ms", flush=True)
    return len(accepted) == len(results)


def _check(database_url: str, sids: list[str], results: list, fake: FakeTwilio | None, wait: float) -> bool:
    """Wait until every message is processed and its replies sent; check each was stored and answered once."""
    url = "postgresql+psycopg://" + database_url.split("://", 1)[1] if database_url.startswith("postgres") \
        else database_url
    engine = sa.create_engine(url)
    accepted = {sid for sid, (status, _) in zip(sids, results, strict=True) if status == 200}
    started, state = time.monotonic(), {}
    with engine.connect() as conn:
        while time.monotonic() - started < wait:
            state = dict(conn.execute(sa.text(
                "SELECT 'stored', count(*) FROM message WHERE direction = 'in' "
                "UNION ALL SELECT 'distinct_sids', count(DISTINCT provider_message_id) FROM message "
                "WHERE direction = 'in' "
                "UNION ALL SELECT 'waiting', count(*) FROM message WHERE direction = 'in' "
                "AND status IN ('received', 'media') "
                "UNION ALL SELECT 'failed', count(*) FROM message WHERE direction = 'in' AND status = 'failed' "
                "UNION ALL SELECT 'answered', count(DISTINCT m.id) FROM message m JOIN outboxmessage o "
                "ON o.dedupe_key = 'reply:' || m.id || '\\:0' WHERE m.direction = 'in' "
                "UNION ALL SELECT 'outbox', count(*) FROM outboxmessage "
                "UNION ALL SELECT 'unsent', count(*) FROM outboxmessage WHERE status IN ('pending', 'sending') "
                "UNION ALL SELECT 'sent', count(*) FROM outboxmessage WHERE status = 'sent'")).all())
            conn.rollback()
            if state["waiting"] == 0 and state["unsent"] == 0:
                break
            time.sleep(1)
        hits = conn.execute(sa.text(
            "SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), "
            "percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) FROM webhookhit WHERE route = 'whatsapp'")
        ).one() if engine.dialect.name == "postgresql" else None
    drained = time.monotonic() - started
    print(f"after the load: {state} (drained in {drained:.0f} s)")
    if hits and hits[0]:
        print(f"server-side handler time (WebhookHit, {hits[0]} recorded): p50 {hits[1]:.1f} ms, p99 {hits[2]:.1f} ms")
    checks = {
        "every accepted message stored once": state.get("stored") == state.get("distinct_sids") == len(accepted),
        "every message processed": state.get("waiting") == 0 and state.get("failed") == 0,
        "every message answered once": state.get("answered") == len(accepted),
        "every reply sent once": fake is None or (state.get("unsent") == 0 and len(fake.sent) == state.get("sent")
                                                  and len({s["sid"] for s in fake.sent}) == len(fake.sent)),
    }
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    engine.dispose()
    return all(checks.values())


if __name__ == "__main__":
    sys.exit(main())
