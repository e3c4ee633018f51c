"""Load on POST /webhook/whatsapp: accepted messages per second, webhook latency, then stored once / answered once.

By default it creates a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust), starts a fake Twilio
on loopback for the replies (in a process of its own), the server (main.py, local engine, a test auth token) and
--workers `djobea worker` processes (the server then only stores and answers; --workers 0 processes in the server
as the one-process default does). With --url it targets a server already running (give it the same --token and
--database-url for the checks). The load generator speaks HTTP/1.1 on raw keep-alive connections (--client httpx
for the old client) and reports its own CPU next to the server's, so a saturated client is seen, not guessed.

    .venv/bin/python bench/webhook_load.py --senders 64 --messages 6000 --duration 20

--restart runs the fleet instead: --webs web processes behind nginx (deploy/nginx.conf's upstream and webhook rules)
and --workers workers, each restarted in turn (SIGTERM, exit, start, ready) while the load runs; posts that fail
are sent again up to --retries times, as Twilio does with its connection-override retries, and the same checks
say whether anything was lost or done twice.

    .venv/bin/python bench/webhook_load.py --restart --webs 2 --workers 2 --rate 300 --duration 30
"""

import argparse
import asyncio
import multiprocessing
import os
import random
import resource
import secrets
import signal
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
sys.path.insert(0, str(ROOT / "bench"))

from tests.fakes.twilio_server import FakeTwilio  # noqa: E402
from tests.processes import answers_ok  # noqa: E402

ACCOUNT_SID = "AC" + "b" * 32
TEXTS = ["Bonjour, mon robinet fuit à Makepe", "slt mon tuyau a pété je suis à Bonamoussadi",
         "Good morning, my fridge no di cool, I dey for Akwa", "Le courant a sauté chez moi à Kotto, c'est urgent 😭",
         "Bonsoir, j'ai besoin d'un électricien à Bépanda demain matin", "Ma clim fait du bruit à Bonapriso",
         "mon wc est bouché a logbessou", "Please I need a plumber for Deido, water everywhere 💧"]

def main() -> int:
    """Run the benchmark and print its numbers; exit 1 when a check fails."""
    args = _arguments()
    database_url = args.database_url or _fresh_database()
    processes: list[subprocess.Popen] = []
    fake = None
    rolling = None
    try:
        if args.url:
            url = args.url.rstrip("/")
        elif args.restart:
            fake = _FakeTwilioProcess(args.token)
            url, processes, rolling = _start_fleet(database_url, args, fake.url)
        else:
            fake = _FakeTwilioProcess(args.token)
            url, processes = _start_server(database_url, args.token, fake.url, args.port, args.workers,
                                           args.worker_nice)
        posts = _prepare(url, args)
        pace = f"at {args.rate:g}/s" if args.rate else "as fast as answered"
        print(f"load average {_load_average()}; posting {len(posts)} messages ({pace}) from {args.numbers} numbers "
              f"with {args.senders} concurrent senders (at most {args.duration:g} s) to {url} "
              f"({args.workers} workers, client {args.client})", flush=True)
        cpu_before = [_cpu_seconds(p.pid) for p in processes]
        fleet_before = [m.cpu_now() for m in rolling.fleet] if rolling is not None else []
        own_before, database_before = _own_cpu(), _postgres_cpu()
        if rolling is not None:
            rolling.start()
        if args.client == "raw":
            results, elapsed = _run_loop(_load_raw(posts, args.senders, args.duration, args.rate, args.retries))
        else:
            results, elapsed = _run_loop(_load_httpx(posts, args.senders, args.duration))
        own, database = _own_cpu() - own_before, _postgres_cpu() - database_before
        ok = _report(results, elapsed)
        if rolling is not None:
            ok &= _restart_report(rolling)
            used = [f"{m.name} {m.cpu_now() - before:.1f}" for m, before in zip(rolling.fleet, fleet_before,
                                                                                 strict=True)]
        else:
            used = [f"{_cpu_seconds(p.pid) - before:.1f}" for p, before in zip(processes, cpu_before, strict=True)
                    if p.poll() is None]
        print(f"CPU seconds during the load ({elapsed:.1f} s wall): load generator {own:.1f}, server and workers "
              f"{', '.join(used) or 'n/a'}, PostgreSQL (all its processes on this machine) {database:.1f}; "
              f"load average {_load_average()}", flush=True)
        ok &= _check(database_url, results, fake, args.wait,
                     stop=(lambda: _stop_fleet(rolling)) if rolling is not None else None)
        if processes and rolling is None and all(p.poll() is None for p in processes):
            _cpu_per_message(processes, cpu_before, results, args.workers)
        return 0 if ok else 1
    finally:
        if rolling is not None:
            for member in reversed(rolling.fleet):
                if member.process is not None and member.process.poll() is None:
                    member.stop(timeout=30)
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a starved worker must not leave the server and database behind
                process.kill()
                process.wait()
        if fake is not None:
            fake.stop()
        if not args.database_url and not args.keep:
            _drop_database(database_url)


def _run_loop(work):
    """Run the load on uvloop when it is installed (it comes with uvicorn[standard]), else on asyncio's loop."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(work)
    return uvloop.run(work)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="target a running server instead of starting one")
    parser.add_argument("--database-url", help="database the server uses (default: a fresh PostgreSQL database)")
    parser.add_argument("--token", default="bench-auth-token", help="the server's TWILIO_AUTH_TOKEN")
    parser.add_argument("--senders", type=int, default=64, help="concurrent senders")
    parser.add_argument("--messages", type=int, default=6000, help="messages to post at most")
    parser.add_argument("--numbers", type=int, default=3000, help="distinct customer numbers")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load at most")
    parser.add_argument("--wait", type=float, default=900.0, help="seconds to wait for every answer")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="`djobea worker` processes (0: process in the server)")
    parser.add_argument("--worker-nice", type=int, default=19, help="the workers' CPU niceness (0-19)")
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw", help="load generator's HTTP client")
    parser.add_argument("--rate", type=float, default=0, help="post at this many messages/s (default: as fast as "
                        "the senders get answers); raw client only")
    parser.add_argument("--keep", action="store_true", help="keep the fresh database")
    parser.add_argument("--restart", action="store_true", help="run --webs web processes behind nginx and "
                        "--workers workers, and restart each in turn during the load")
    parser.add_argument("--webs", type=int, default=2, help="web processes behind nginx (with --restart)")
    parser.add_argument("--restart-delay", type=float, default=3.0, help="seconds of load before the first restart")
    parser.add_argument("--restart-pause", type=float, default=3.0, help="seconds between a restarted process "
                        "being ready and the next SIGTERM (above nginx's fail_timeout, 2 s: it takes posts again)")
    parser.add_argument("--retries", type=int, default=None, help="times a failed post is sent again (raw client), "
                        "as Twilio's connection overrides (#rc=) do; default 3 with --restart, else 0")
    args = parser.parse_args()
    if args.retries is None:
        args.retries = 3 if args.restart else 0
    if args.restart and (args.url or args.client != "raw" or args.workers < 1 or args.webs < 2):
        parser.error("--restart starts its own fleet: at least 2 --webs and 1 worker, raw client, no --url")
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


def _start_server(database_url: str, token: str, twilio_url: str, port: int, workers: int,
                  nice: int) -> tuple[str, list[subprocess.Popen]]:
    import socket
    import tempfile

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env |= {"DATABASE_URL": database_url, "PORT": str(port), "HOST": "127.0.0.1", "DJOBEA_ENV": "development",
            "DJOBEA_DATA_DIR": tempfile.mkdtemp(prefix="djobea-bench-"), "DJOBEA_DEMO_DATA": "0",
            "DJOBEA_SCHEDULER": "0" if workers else "1", "DJOBEA_INLINE_PROCESSING": "0" if workers else "1",
            "LOG_LEVEL": "WARNING", "TWILIO_AUTH_TOKEN": token, "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_WHATSAPP_NUMBER": "+237655000111",
            "TWILIO_API_BASE_URL": twilio_url, "LLM_MODE": "local", "DJOBEA_ADMIN_PASSWORD": "bench-admin-password"}
    log_path = Path(env["DJOBEA_DATA_DIR"]) / "server.log"
    server = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=log_path.open("w"),
                              stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not answers_ok(url + "/health", server, 60, pause=0.3):
        server.terminate()
        raise SystemExit("the server did not start:\n" + log_path.read_text()[-2000:])
    # Workers start once the server has migrated the database; niced, so on a shared machine answers come first.
    logs = Path(env["DJOBEA_DATA_DIR"])
    worker = [sys.executable, "-m", "core.cli", "worker", "--nice", str(nice)]
    processes = [server] + [subprocess.Popen(worker, cwd=ROOT, env=env, stdout=(logs / f"worker{n}.log").open("w"),
                                             stderr=subprocess.STDOUT) for n in range(workers)]
    return url, processes


def _start_fleet(database_url: str, args: argparse.Namespace, twilio_url: str):
    """Start nginx, --webs web processes and --workers workers; return (proxy URL, [nginx], rolling restart)."""
    import tempfile

    import fleet

    if fleet.nginx_binary() is None:
        raise SystemExit("--restart needs nginx (apt-get install -y nginx)")
    logs = Path(tempfile.mkdtemp(prefix="djobea-fleet-"))
    ports = _free_ports(1 + args.webs + args.workers)
    proxy_port, web_ports, probe_ports = ports[0], ports[1:1 + args.webs], ports[1 + args.webs:]
    url = f"http://127.0.0.1:{proxy_port}"
    env = fleet.environment() | {
        "DATABASE_URL": database_url, "HOST": "127.0.0.1", "DJOBEA_ENV": "development",
        "DJOBEA_DATA_DIR": str(logs), "DJOBEA_DEMO_DATA": "0", "DJOBEA_SCHEDULER": "0",
        "DJOBEA_INLINE_PROCESSING": "0", "LOG_LEVEL": "WARNING", "TWILIO_AUTH_TOKEN": args.token,
        "PUBLIC_BASE_URL": url, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_WHATSAPP_NUMBER": "+237655000111",
        "TWILIO_API_BASE_URL": twilio_url, "LLM_MODE": "local", "DJOBEA_ADMIN_PASSWORD": "bench-admin-password",
        "TRUSTED_PROXIES": "127.0.0.1", "STORAGE_SECRET": "bench-fleet-storage-secret"}
    members = fleet.members(env, web_ports, probe_ports, logs, args.worker_nice)
    webs, workers = members[:args.webs], members[args.webs:]
    webs[0].start_until(webs[0].ready_url.replace("/ready", "/health"))  # migrates; /ready waits for a worker
    for member in workers + webs[1:]:
        member.start()
    nginx = fleet.start_nginx(fleet.nginx_conf(logs, web_ports, proxy_port), proxy_port)
    print(f"fleet: nginx on {url}, {args.webs} web processes, {args.workers} workers; logs in {logs}", flush=True)
    return url, [nginx], fleet.RollingRestart(webs + workers, delay=args.restart_delay, pause=args.restart_pause)


def _cpu_per_message(processes: list, before: list[float], results: list, workers: int) -> None:
    """CPU each kind of process spent per accepted message, from the load's start to the last reply sent."""
    accepted = sum(1 for _, status, _ in results if status == 200)
    used = [_cpu_seconds(p.pid) - b for p, b in zip(processes, before, strict=True)]
    web = used[0] if workers else sum(used)
    print(f"CPU per message (load and drain): web process {1000 * web / max(accepted, 1):.2f} ms"
          + (f", workers {1000 * sum(used[1:]) / max(accepted, 1):.2f} ms (all {workers} together)" if workers
             else " (processing included)"))


def _free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _restart_report(rolling) -> bool:
    """Wait for the rolling restart to end; print what each restart took; True when every member was restarted."""
    rolling.join(timeout=600)
    took = ", ".join(f"{m.name} {m.stops[0]:.1f} + {m.starts[-1]:.1f} s" for m in rolling.fleet if m.restarts)
    clean = all(status in (0, -signal.SIGTERM) for status in rolling.exits.values())
    print(f"rolling restart (SIGTERM to exit + start to ready): {took}; exit statuses {rolling.exits}")
    restarted = len(rolling.exits) == len(rolling.fleet)
    print(f"  {'ok  ' if restarted else 'FAIL'} every process restarted during the run")
    print(f"  {'ok  ' if clean else 'FAIL'} every process ended on its own after SIGTERM (no kill)")
    return restarted and clean


class _FakeTwilioProcess:
    """The fake Twilio in a process of its own, so serving replies never takes CPU from the load generator."""

    def __init__(self, token: str) -> None:
        context = multiprocessing.get_context("spawn")
        self._asks, self._answers, self._stop = context.Queue(), context.Queue(), context.Event()
        self._process = context.Process(target=_serve_fake, args=(token, self._asks, self._answers, self._stop),
                                        daemon=True)
        self._process.start()
        self.url = self._answers.get(timeout=30)

    def sent(self) -> list[str]:
        """Return the sid of every message Twilio accepted so far, one per send."""
        self._asks.put("sids")
        return self._answers.get(timeout=30)

    def stop(self) -> None:
        self._stop.set()
        self._process.join(timeout=10)


def _serve_fake(token: str, asks, answers, stop) -> None:
    with FakeTwilio(ACCOUNT_SID, token) as fake:
        answers.put(fake.url)
        while not stop.is_set():
            try:
                request = asks.get(timeout=0.2)
            except Exception:
                continue
            if request == "sids":
                answers.put([s["sid"] for s in fake.sent])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postgres_cpu() -> float:
    """CPU seconds used so far by every process named postgres (server, backends, WAL writer...)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        name, _, rest = text.partition("(")[2].rpartition(")")
        if name == "postgres":
            fields = rest.split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


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


async def _load_raw(posts: list, senders: int, duration: float, rate: float = 0,
                    retries: int = 0) -> tuple[list[tuple[str, int, float]], float]:
    """Post over keep-alive HTTP/1.1 connections with requests encoded in advance: a few µs of client CPU each.

    With a rate, posts are due at a fixed pace whatever the answers (Twilio does not wait for us either), and
    latency counts from when a post was due, so time spent waiting for a free connection is not hidden.
    """
    parts = urlsplit(posts[0][0])
    encoded = []
    for target, request, sid in posts:
        body = request["content"].encode()
        head = "".join(f"{k}: {v}\r\n" for k, v in request["headers"].items())
        encoded.append((f"POST {urlsplit(target).path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{head}"
                        f"Content-Length: {len(body)}\r\n\r\n".encode() + body, sid))
    results: list[tuple[str, int, float]] = []
    retried = [0]
    queue: asyncio.Queue = asyncio.Queue()
    started = time.perf_counter()
    deadline = started + duration
    if not rate:
        for item in encoded:
            queue.put_nowait((*item, None))

    async def pacer() -> None:
        for n, item in enumerate(encoded):
            due = started + n / rate
            if due > deadline:
                break
            if due > time.perf_counter():
                await asyncio.sleep(due - time.perf_counter())
            queue.put_nowait((*item, due))
        for _ in range(senders):
            queue.put_nowait(None)

    async def sender() -> None:
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        try:
            while not queue.empty() or rate:
                item = await queue.get()
                if item is None or time.perf_counter() > deadline + (5 if rate else 0):
                    return
                raw, sid, due = item
                begin = due or time.perf_counter()
                for attempt in range(retries + 1):
                    if attempt:
                        retried[0] += 1
                        await asyncio.sleep(0.2 * attempt)
                    try:
                        writer.write(raw)
                        status = await _response_status(reader)
                    except (OSError, asyncio.IncompleteReadError, ValueError):
                        status = 0
                        writer.close()
                        reader, writer = await _reconnect(parts)
                    if status and status < 500:
                        break
                results.append((sid, status, (time.perf_counter() - begin) * 1000))
        finally:
            writer.close()

    await asyncio.gather(*(sender() for _ in range(senders)), *([pacer()] if rate else []))
    if retries:
        print(f"posts sent again after a failure: {retried[0]}", flush=True)
    return results, time.perf_counter() - started


async def _reconnect(parts) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """Open a new connection, waiting out a proxy or server that is restarting (10 s at most)."""
    for _ in range(50):
        try:
            return await asyncio.open_connection(parts.hostname, parts.port)
        except OSError:
            await asyncio.sleep(0.2)
    return await asyncio.open_connection(parts.hostname, parts.port)


async def _response_status(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked body); return its status code."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    return status


async def _load_httpx(posts: list, senders: int, duration: float) -> tuple[list[tuple[str, int, float]], float]:
    results: list[tuple[str, int, float]] = []
    queue = iter(posts)
    started = time.perf_counter()
    deadline = started + duration
    limits = httpx.Limits(max_connections=senders, max_keepalive_connections=senders)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def sender() -> None:
            for target, request, sid in queue:
                if time.perf_counter() > deadline:
                    return
                begin = time.perf_counter()
                try:
                    status = (await client.post(target, **request)).status_code
                except httpx.HTTPError:
                    status = 0
                results.append((sid, status, (time.perf_counter() - begin) * 1000))

        await asyncio.gather(*(sender() for _ in range(senders)))
    return results, time.perf_counter() - started


def _report(results: list[tuple[str, int, float]], elapsed: float) -> bool:
    accepted = [ms for _, status, ms in results if status == 200]
    quantiles = statistics.quantiles(accepted, n=100) if len(accepted) > 1 else [0.0] * 99
    print(f"posted {len(results)} in {elapsed:.1f} s; accepted {len(accepted)} "
          f"({len(accepted) / elapsed:.0f} msg/s); other statuses: {len(results) - len(accepted)}")
    print(f"webhook latency (client side) p50 {quantiles[49]:.1f} ms, p95 {quantiles[94]:.1f} ms, "
          f"p99 {quantiles[98]:.1f} ms, max {max(accepted, default=0):.1f} ms", flush=True)
    return len(accepted) == len(results)


def _stop_fleet(rolling) -> None:
    """SIGTERM every member of the fleet, as at the end of a deployment, and print how long each took to exit."""
    took = []
    for member in rolling.fleet:
        if member.process is not None and member.process.poll() is None:
            status = member.stop(timeout=60)
            took.append(f"{member.name} {member.stops[-1]:.1f} s ({status})")
    print(f"fleet stopped (SIGTERM to exit, status): {', '.join(took)}", flush=True)


def _check(database_url: str, results: list, fake: "_FakeTwilioProcess | None", wait: float,
           stop=None) -> bool:
    """Wait until every message is processed and answered, then count what was lost and what was done twice.

    stop, when given, ends the processes before counting: the sweeps keep writing updates (offers, reminders), so
    only a stopped fleet gives counts that do not move while they are read.
    """
    url = "postgresql+psycopg://" + database_url.split("://", 1)[1] if database_url.startswith("postgres") \
        else database_url
    engine = sa.create_engine(url)
    posted = {sid for sid, _, _ in results}
    accepted = {sid for sid, status, _ in results if status == 200}
    started, state = time.monotonic(), {}
    with engine.connect() as conn:
        while time.monotonic() - started < wait:
            state = dict(conn.execute(sa.text(
                "SELECT 'stored', count(*) FROM message WHERE direction = 'in' "
                "UNION ALL SELECT 'waiting', count(*) FROM message WHERE direction = 'in' "
                "AND status IN ('received', 'media') "
                "UNION ALL SELECT 'inbox', count(*) FROM inboundmessage WHERE message_id IS NULL "
                "UNION ALL SELECT 'unsent', count(*) FROM outboxmessage WHERE status IN ('pending', 'sending') "
                "AND dedupe_key LIKE 'reply:%'")).all())
            conn.rollback()
            if state["waiting"] == 0 and state["inbox"] == 0 and state["unsent"] == 0:
                break
            time.sleep(1)
        drained = time.monotonic() - started
        if stop is not None:
            stop()
        stored = [sid for (sid,) in conn.execute(sa.text(
            "SELECT provider_message_id FROM message WHERE direction = 'in'"))]
        kept = {sid for (sid,) in conn.execute(sa.text("SELECT sid FROM inboundmessage"))} | set(stored)
        inbound = dict(conn.execute(sa.text(
            "SELECT status, count(*) FROM message WHERE direction = 'in' GROUP BY status")).all())
        inbox = conn.execute(sa.text("SELECT count(*) FROM inboundmessage WHERE message_id IS NULL")).scalar()
        unanswered = conn.execute(sa.text(
            "SELECT count(*) FROM message m WHERE m.direction = 'in' AND m.status = 'processed' AND NOT EXISTS "
            "(SELECT 1 FROM outboxmessage o WHERE o.dedupe_key = 'reply:' || m.id || '\\:0')")).scalar()
        outbox = dict(conn.execute(sa.text(
            "SELECT status, count(*) FROM outboxmessage WHERE channel = 'whatsapp' GROUP BY status")).all())
        replies_unsent = conn.execute(sa.text(
            "SELECT count(*) FROM outboxmessage WHERE status <> 'sent' AND dedupe_key LIKE 'reply:%'")).scalar()
        recorded = {sid for (sid,) in conn.execute(sa.text(
            "SELECT provider_sid FROM outboxmessage WHERE status = 'sent' AND provider_sid IS NOT NULL"))}
        processing = conn.execute(sa.text(
            "SELECT count(*), min(created_at), max(processed_at) FROM message WHERE direction = 'in' "
            "AND status = 'processed'")).one()
        hits = conn.execute(sa.text(
            "SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), "
            "percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) FROM webhookhit WHERE route = 'whatsapp'")
        ).one() if engine.dialect.name == "postgresql" else None
    engine.dispose()
    sends = fake.sent() if fake is not None else []
    print(f"after the load: messages {inbound}, {inbox} more waiting in the inbox, outbox {outbox}; "
          f"{'answered' if not state.get('waiting') and not inbox else 'still not answered'} {drained:.0f} s after "
          f"the load ended; load average {_load_average()}")
    if processing[0] and processing[2] is not None:
        span = max((processing[2] - processing[1]).total_seconds(), 1e-3)
        print(f"processing: {processing[0]} messages from the first stored to the last processed in {span:.1f} s "
              f"= {processing[0] / span:.0f} msg/s (every worker together)")
    if hits and hits[0]:
        print(f"server-side handler time (WebhookHit, {hits[0]} recorded): p50 {hits[1]:.1f} ms, p99 {hits[2]:.1f} ms")
    lost = {"posts never accepted": len(posted - accepted), "accepted but not kept": len(accepted - kept),
            "processed but not answered": unanswered, "messages that failed": inbound.get("failed", 0),
            "sends that failed": outbox.get("failed", 0)}
    late = {"waiting in the inbox": inbox, "not processed yet": inbound.get("received", 0) + inbound.get("media", 0),
            "replies not sent yet": replies_unsent}
    doubled = {"stored twice": len(stored) - len(set(stored))}
    if fake is not None:
        lost["replies marked sent that Twilio never got"] = len(recorded - set(sends))
        doubled["replies Twilio got twice"] = len(sends) - len(set(sends) & recorded)
    print(f"lost {sum(lost.values())}: " + ", ".join(f"{n} {what}" for what, n in lost.items()))
    print(f"doubled {sum(doubled.values())}: " + ", ".join(f"{n} {what}" for what, n in doubled.items()))
    print(f"kept but unfinished when counted (not lost: the next worker takes them) {sum(late.values())}: "
          + ", ".join(f"{n} {what}" for what, n in late.items()))
    checks = {
        "nothing lost: every post accepted, kept, answered; no message or send failed": not any(lost.values()),
        "nothing doubled: every message stored once, every reply sent once": not any(doubled.values()),
        f"everything processed and every reply sent within --wait ({wait:g} s)": not any(late.values()),
    }
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    return all(checks.values())


if __name__ == "__main__":
    sys.exit(main())
