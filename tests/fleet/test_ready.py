"""/health stays liveness; /ready: database reachable, schema at head, workers alive when the web relies on them."""

from datetime import timedelta

import httpx
from alembic import command

from core import clock, db
from core.fleet import heartbeat, probe, readiness, stopping
from tests.fleet.conftest import client_from
from tests.processes import free_port


async def test_a_migrated_database_is_ready(engine, settings_env):
    settings_env(DJOBEA_INLINE_PROCESSING="1")
    assert "0012_fleet" in readiness.migration_heads()
    async with client_from("127.0.0.1") as http:
        answer = await http.get("/ready")
    assert answer.status_code == 200, answer.text
    assert answer.json()["database"] == "ok" and answer.json()["migrations"] == "head"


async def test_a_stopping_process_is_not_ready(engine, settings_env):
    settings_env(DJOBEA_INLINE_PROCESSING="1")
    stopping.request()
    async with client_from("127.0.0.1") as http:
        answer = await http.get("/ready")
    assert answer.status_code == 503 and answer.json()["reasons"] == ["shutting down"]


async def test_a_database_behind_the_code_is_not_ready(engine, settings_env, tmp_path):
    settings_env(DATABASE_URL=f"sqlite:///{tmp_path / 'old.db'}", DJOBEA_INLINE_PROCESSING="1")
    db.dispose_engine()
    try:
        command.upgrade(db.alembic_config(), "0005_llm_budget")
        async with client_from("127.0.0.1") as http:
            answer = await http.get("/ready")
        assert answer.status_code == 503
        assert answer.json()["migrations"] == "behind"
        assert "database at 0005_llm_budget" in answer.json()["reasons"][0]
        command.upgrade(db.alembic_config(), "head")
        async with client_from("127.0.0.1") as http:
            assert (await http.get("/ready")).status_code == 200
    finally:
        db.dispose_engine()


async def test_an_unreachable_database_is_not_ready(engine, settings_env):
    settings_env(DATABASE_URL=f"postgresql://postgres@127.0.0.1:{free_port()}/none", DJOBEA_INLINE_PROCESSING="1")
    db.dispose_engine()
    try:
        async with client_from("127.0.0.1") as http:
            answer = await http.get("/ready")
        assert answer.status_code == 503 and answer.json()["reasons"] == ["database unreachable"]
    finally:
        db.dispose_engine()


async def test_a_web_process_that_relies_on_workers_needs_a_recent_heartbeat(engine, settings_env):
    settings_env(DJOBEA_INLINE_PROCESSING="0")
    async with client_from("127.0.0.1") as http:
        answer = await http.get("/ready")
        assert answer.status_code == 503 and "no worker heartbeat" in answer.json()["reasons"][0]
        heartbeat.beat("host:1")
        assert (await http.get("/ready")).json()["workers"] == "1"
        clock.advance(heartbeat.FRESH + timedelta(seconds=1))
        assert (await http.get("/ready")).status_code == 503  # silent for too long: stuck or gone
        heartbeat.beat("host:1", stopping=True)
        assert (await http.get("/ready")).status_code == 503  # alive, but finishing its work before it exits
        heartbeat.beat("host:2")
        assert (await http.get("/ready")).status_code == 200


def test_the_worker_probe_port_answers_health_ready_and_guarded_metrics(engine, settings_env):
    port = free_port()
    settings_env(WORKER_PROBE_PORT=str(port), METRICS_TOKEN="probe-token-1234")
    server = probe.start("host:77")
    base = f"http://127.0.0.1:{port}"
    try:
        assert httpx.get(f"{base}/health", timeout=5).json()["process"] == "host:77"
        not_ready = httpx.get(f"{base}/ready", timeout=5)
        assert not_ready.status_code == 503 and "no heartbeat from this worker" in not_ready.json()["reasons"][0]
        heartbeat.beat("host:77")
        assert httpx.get(f"{base}/ready", timeout=5).status_code == 200
        assert httpx.get(f"{base}/metrics", timeout=5).status_code == 401
        scraped = httpx.get(f"{base}/metrics", headers={"Authorization": "Bearer probe-token-1234"}, timeout=5)
        assert scraped.status_code == 200 and "djobea_workers_live 1.0" in scraped.text
    finally:
        server.shutdown()


async def test_health_stays_a_liveness_check_even_when_stopping(user):
    stopping.request()
    assert (await user.http_client.get("/health")).status_code == 200
    assert (await user.http_client.get("/ready")).status_code == 503
