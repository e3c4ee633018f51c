"""SIGTERM: no new work, the turns taken are finished, claimed rows are given back, the process exits."""

import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import select

from core import clock
from core.channels import inbox
from core.channels.inbound import STALL_AFTER, resume_stalled
from core.channels.webhook import Inbound
from core.db import get_engine
from core.fleet import stopping
from core.fleet.models import WorkerHeartbeat
from core.messaging import dispatcher
from core.messaging.conversations import Message
from core.messaging.dispatcher import dispatch_due
from core.messaging.models import OutboxMessage, OutboxStatus
from core.worker import Worker
from tests.messaging.helpers import configure, fetch, queue, row, work_through
from tests.processes import answers_ok, child_environment, free_port

ROOT = Path(__file__).resolve().parents[2]


def test_a_stopping_dispatcher_claims_nothing_more(twilio):
    queue("Bonjour")
    stopping.request()
    assert dispatch_due() == 0
    assert twilio.requests == [] and fetch(select(OutboxMessage))[0].status == OutboxStatus.PENDING


def test_rows_claimed_but_not_sent_are_given_back_at_once_and_sent_once_later(twilio):
    ids = [queue(f"Réponse {n}", phone=f"+23769910000{n}") for n in range(3)]
    claims, handled, _ = dispatcher._claim(10)
    assert handled == 3 and [row(i).status for i in ids] == ["sending"] * 3
    stopping.request()  # SIGTERM arrives between the claim and the sends
    assert sum(dispatcher._send(claim) for claim in claims) == 0
    for outbox_id in ids:
        released = row(outbox_id)
        assert (released.status, released.attempts) == ("pending", 0)
        assert released.next_attempt_at <= clock.now()  # due now, not after SENDING_TIMEOUT
    assert twilio.requests == []
    stopping.reset()  # another process (or this one restarted) takes them
    assert dispatch_due() == 3
    assert sorted(m["Body"] for m in twilio.sent) == ["Réponse 0", "Réponse 1", "Réponse 2"]


def _stage(n: int, prefix: str = "Bonjour") -> None:
    for k in range(n):
        sid = f"SM{k:032d}"
        inbox.stage(Inbound(sid=sid, sender=f"+2376991{k:05d}", body=f"{prefix} {k}", name="", media=[],
                            alias="", reply_to={}))


def test_a_worker_past_its_grace_leaves_turns_waiting_for_another_worker(twilio, echo, monkeypatch):
    configure(monkeypatch, DJOBEA_INLINE_PROCESSING="0", SHUTDOWN_GRACE_SECONDS="0.01")
    _stage(2)
    leaving = Worker(threads=1)
    attached = inbox.attach_pending()  # taken by this worker just before SIGTERM
    assert len(attached) == 2
    stopping.request()
    _stage(3)  # one more arrives
    assert inbox.attach_pending() == []  # no new work once stopping
    time.sleep(0.05)
    for item in attached:
        leaving._submit(item)
    leaving.drain()
    assert echo == []  # not started: left waiting, not lost
    assert {m.status for m in fetch(select(Message).where(Message.direction == "in"))} == {"received"}
    stopping.reset()
    clock.advance(STALL_AFTER + timedelta(seconds=1))
    assert resume_stalled() == 3  # another worker's sweep takes them over, and the one never attached
    assert sorted(echo) == ["Bonjour 0", "Bonjour 1", "Bonjour 2"]


def _counts() -> dict[str, int]:
    with get_engine().connect() as conn:
        return dict(conn.execute(sa.text(
            "SELECT 'in', count(*) FROM message WHERE direction = 'in' "
            "UNION ALL SELECT 'processed', count(*) FROM message WHERE direction = 'in' AND status = 'processed' "
            "UNION ALL SELECT 'replies', count(*) FROM outboxmessage WHERE dedupe_key LIKE 'reply:%' "
            "UNION ALL SELECT 'answered', count(DISTINCT m.id) FROM message m JOIN outboxmessage o "
            "ON o.dedupe_key = 'reply:' || m.id || '\\:0' WHERE m.direction = 'in'")).all())


@pytest.mark.timeout(120)
def test_sigterm_ends_a_worker_in_order_and_nothing_is_lost_or_doubled(engine, tmp_path):
    port = free_port()
    env = _environment(tmp_path, WORKER_PROBE_PORT=str(port))
    worker = subprocess.Popen([sys.executable, "-m", "core.cli", "worker", "--threads", "2"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        if not answers_ok(f"http://127.0.0.1:{port}/ready", worker, 60):
            raise AssertionError("the worker never became ready")
        _stage(60, "Mon robinet fuit à Makepe")
        while _counts()["processed"] == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        worker.send_signal(signal.SIGTERM)  # mid-batch: some turns done, some in flight, some queued
        output = worker.communicate(timeout=60)[0]
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, output[-3000:]
    assert "worker stopped" in output
    assert fetch(select(WorkerHeartbeat)) == []  # gone from readiness at once
    stopped = _counts()
    assert stopped["replies"] == stopped["answered"] == stopped["processed"]  # each turn finished once
    clock.advance(STALL_AFTER + timedelta(seconds=1))  # what it left waits for another worker
    work_through(Worker(threads=2))
    resume_stalled(limit=100)
    final = _counts()
    assert final["in"] == 60 and final["processed"] == 60
    assert final["replies"] == final["answered"] == 60  # every message answered exactly once


def _environment(tmp_path: Path, **extra: str) -> dict:
    return child_environment(DJOBEA_INLINE_PROCESSING="0", DJOBEA_SCHEDULER="0", LLM_MODE="local",
                             DJOBEA_DATA_DIR=str(tmp_path), LOG_LEVEL="INFO", **extra)


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    # a machine shared with other work may take long to start a process
    if not answers_ok(url, process, seconds):
        raise AssertionError(f"{url} never answered 200")


@pytest.mark.timeout(180)
def test_sigterm_ends_a_web_process_within_its_grace_and_every_answered_post_is_stored(engine, tmp_path):
    import threading

    from tests.messaging.helpers import AUTH_TOKEN, form, sign

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = _environment(tmp_path, PORT=str(port), HOST="127.0.0.1", TWILIO_AUTH_TOKEN=AUTH_TOKEN,
                       PUBLIC_BASE_URL=base)
    web = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    answers: dict[str, int] = {}
    signalled = threading.Event()

    def post_until_refused(lane: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            for n in range(10_000):
                sid = f"SM{lane:02d}{n:030d}"
                params = form(sender=f"+2376992{lane:02d}{n % 100:03d}", body=f"Bonjour {n}", sid=sid)
                try:
                    answer = http.post("/webhook/whatsapp", data=params,
                                       headers={"X-Twilio-Signature": sign(base + "/webhook/whatsapp", params)})
                except httpx.HTTPError:  # the process stopped listening: Twilio would send it again elsewhere
                    return
                answers[sid] = answer.status_code
                if signalled.is_set() and n > 5 and answer.status_code != 200:
                    return

    try:
        _wait_for(base + "/health", web)
        lanes = [threading.Thread(target=post_until_refused, args=(lane,)) for lane in range(4)]
        for lane in lanes:
            lane.start()
        while len(answers) < 40 and web.poll() is None:
            time.sleep(0.02)
        began = time.monotonic()
        web.send_signal(signal.SIGTERM)  # mid-load: requests in flight, more arriving
        signalled.set()
        output = web.communicate(timeout=60)[0]
        took = time.monotonic() - began
        for lane in lanes:
            lane.join(timeout=30)
    finally:
        if web.poll() is None:
            web.kill()
    assert web.returncode in (0, -signal.SIGTERM), output[-3000:]  # uvicorn re-raises SIGTERM once done: 143
    assert took < 10 + 5, f"{took:.1f} s from SIGTERM to exit"
    assert "djobea stopped" in output
    accepted = {sid for sid, status in answers.items() if status == 200}
    assert len(accepted) >= 40 and set(answers.values()) <= {200, 503}, answers
    with get_engine().connect() as conn:
        stored = [sid for (sid,) in conn.execute(sa.text("SELECT sid FROM inboundmessage"))]
    assert accepted <= set(stored)  # every post answered 200 is kept: nothing answered and then lost
    assert len(stored) == len(set(stored))


@pytest.mark.timeout(180)
def test_a_worker_stuck_after_its_grace_logs_its_threads_and_exits_1_and_another_takes_over(engine, tmp_path):
    from core.db import is_postgres

    if not is_postgres():
        pytest.skip("a turn waiting on another transaction's row lock needs PostgreSQL")
    port = free_port()
    env = _environment(tmp_path, WORKER_PROBE_PORT=str(port), SHUTDOWN_GRACE_SECONDS="1")
    worker = subprocess.Popen([sys.executable, "-m", "core.cli", "worker", "--threads", "2"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(f"http://127.0.0.1:{port}/ready", worker)
        _stage(1, "Mon robinet fuit à Makepe")
        while _counts()["processed"] == 0 and worker.poll() is None:
            time.sleep(0.05)
        with get_engine().connect() as holder:  # another process holds this customer's conversation
            holder.execute(sa.text("SELECT id FROM conversation FOR UPDATE"))
            inbox.stage(Inbound(sid="SM" + "9" * 32, sender="+2376991" + "00000", body="Vous êtes là ?", name="",
                                media=[], alias="", reply_to={}))
            time.sleep(1.5)  # the worker is now waiting for that lock
            began = time.monotonic()
            worker.send_signal(signal.SIGTERM)
            output = worker.communicate(timeout=60)[0]
            took = time.monotonic() - began
            holder.rollback()
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 1, output[-3000:]
    assert 1 + 5 - 0.5 < took < 1 + 5 + 10, f"{took:.1f} s from SIGTERM to exit"
    assert "still busy after SIGTERM" in output and "did not end in time" in output
    assert "File " in output  # where each busy thread was, to find what held it
    clock.advance(STALL_AFTER + timedelta(seconds=1))
    work_through(Worker(threads=2))
    resume_stalled(limit=100)
    final = _counts()
    assert final["in"] == final["processed"] == 2
    assert final["replies"] == final["answered"] == 2  # nothing lost, nothing answered twice
