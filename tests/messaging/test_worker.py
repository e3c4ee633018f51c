import asyncio

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from sqlmodel import select

from core.channels import inbox
from core.channels.routes import fast_lane
from core.db import is_postgres
from core.messaging.conversations import Message
from core.messaging.models import InboundMessage, OutboxMessage
from core.worker import Worker
from tests.messaging.helpers import LOCAL, configure, fetch, form, post, work_through


@pytest.fixture
def worker_mode(monkeypatch, twilio):
    """The web process only stores and answers; a Worker does the rest."""
    configure(monkeypatch, DJOBEA_INLINE_PROCESSING="0")


def _work() -> int:
    return work_through(Worker(threads=2))


async def test_with_a_worker_the_webhook_only_stores_and_the_worker_answers(client, echo, worker_mode):
    response = await post(client, form(body="Mon climatiseur ne refroidit plus"))
    assert response.status_code == 200
    assert [r.body for r in fetch(select(InboundMessage))] == ["Mon climatiseur ne refroidit plus"]
    assert fetch(select(Message)) == [] and echo == []
    assert _work() == 1
    assert echo == ["Mon climatiseur ne refroidit plus"]
    assert [m.status for m in fetch(select(Message).where(Message.direction == "in"))] == ["processed"]
    assert [r.body for r in fetch(select(OutboxMessage))] == ["echo: Mon climatiseur ne refroidit plus"]
    assert _work() == 0


async def test_ten_concurrent_copies_in_worker_mode_give_one_message_and_one_reply(client, echo, worker_mode):
    responses = await asyncio.gather(*(post(client, form(body="WC bouché")) for _ in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert len(fetch(select(InboundMessage))) == 1
    _work()
    await post(client, form(body="WC bouché"))  # Twilio retrying after the answer changes nothing
    _work()
    assert len(fetch(select(Message).where(Message.direction == "in"))) == 1
    assert echo == ["WC bouché"] and len(fetch(select(OutboxMessage))) == 1


async def test_one_persons_messages_are_processed_in_the_order_they_arrived(client, echo, worker_mode):
    for n in range(5):
        await post(client, form(body=f"message {n}", sid=f"SM{n:032d}"))
    _work()
    assert echo == [f"message {n}" for n in range(5)]


async def test_a_worker_takes_a_few_conversations_at_a_time_and_leaves_the_rest_in_the_inbox(client, echo,
                                                                                          worker_mode):
    for n in range(7):
        await post(client, form(sender=f"+23769900{n:04d}", body=f"message {n}", sid=f"SM{n:032d}"))
    busy = Worker(threads=1)
    assert busy.capacity == 2
    assert busy.work_once() == 2  # two conversations taken; the other five stay claimable by any worker
    assert len(fetch(select(InboundMessage).where(InboundMessage.message_id.is_(None)))) == 5
    assert work_through(busy) == 5
    assert sorted(echo) == [f"message {n}" for n in range(7)]


async def test_a_bad_signature_stores_nothing_in_worker_mode(client, echo, worker_mode):
    assert (await post(client, form(), signature="forged")).status_code == 403
    assert fetch(select(InboundMessage)) == [] and _work() == 0


async def test_wake_workers_notifies_a_listener_at_most_every_few_milliseconds(engine):
    if not is_postgres():
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    import psycopg

    from core.config import settings

    url = settings.resolved_database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute(f"LISTEN {inbox.CHANNEL_NOTIFY}")
        inbox._last_wake = 0.0
        assert await inbox.wake_workers() is True
        assert await inbox.wake_workers() is False  # throttled: the first one already woke them
        received = list(listener.notifies(timeout=2, stop_after=1))
    assert [n.channel for n in received] == [inbox.CHANNEL_NOTIFY]


async def test_the_fast_lane_serves_webhooks_and_hands_every_other_path_to_the_app(twilio, echo):
    pages = FastAPI()
    pages.get("/")(lambda: PlainTextResponse("page"))
    app = fast_lane(pages)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=LOCAL) as http:
        assert (await http.get("/")).text == "page"
        assert (await post(http, form(body="par la voie rapide"))).status_code == 200
        assert (await http.post("/webhook/unknown")).status_code == 404
    assert echo == ["par la voie rapide"]


async def test_the_fast_lane_answers_500_when_storing_fails_so_twilio_sends_it_again(twilio, echo, monkeypatch):
    stage, failures = inbox.stage_async, [ConnectionError("database restarting")]

    async def down_once(*args, **kwargs):
        if failures:
            raise failures.pop()
        return await stage(*args, **kwargs)

    monkeypatch.setattr(inbox, "stage_async", down_once)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=fast_lane(FastAPI())), base_url=LOCAL) as http:
        assert (await post(http, form(body="perdu ?"))).status_code == 500
        assert fetch(select(InboundMessage)) == []
        assert (await post(http, form(body="perdu ?"))).status_code == 200  # Twilio's retry
    assert echo == ["perdu ?"]
