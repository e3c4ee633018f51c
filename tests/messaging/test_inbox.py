import asyncio
from datetime import timedelta

import psycopg
import pytest
import sqlalchemy as sa
from sqlmodel import select

from core import clock
from core.channels import inbox
from core.channels.inbound import STALL_AFTER, resume_stalled
from core.channels.webhook import Inbound
from core.db import get_engine, is_postgres
from core.messaging.conversations import Message
from core.messaging.models import InboundMessage, MessageStatus
from tests.messaging.helpers import configure, fetch


def _inbound(sid: str = "SM" + "a" * 32, body: str = "Bonjour", sender: str = "+237699000001") -> Inbound:
    return Inbound(sid=sid, sender=sender, body=body, name="Awa")


def test_stage_claims_a_sid_once_and_keeps_the_message_as_received(engine):
    first = inbox.stage(_inbound(body="Mon robinet fuit 💧"))
    assert first is not None
    assert inbox.stage(_inbound(body="another body, same sid")) is None
    [row] = fetch(select(InboundMessage))
    assert (row.id, row.sid, row.sender, row.body, row.name) == (first, "SM" + "a" * 32, "+237699000001",
                                                                 "Mon robinet fuit 💧", "Awa")
    assert row.message_id is None and fetch(select(Message)) == []


def test_attach_makes_one_message_in_the_conversation_and_a_second_attach_changes_nothing(engine):
    inbox_id = inbox.stage(_inbound(body="Bonsoir"))
    attached = inbox.attach(inbox_id)
    assert attached is not None and attached.status == MessageStatus.RECEIVED
    assert inbox.attach(inbox_id) is None
    [message] = fetch(select(Message))
    assert (message.id, message.body, message.provider_message_id) == (attached.message_id, "Bonsoir", "SM" + "a" * 32)
    assert fetch(select(InboundMessage.message_id)) == [message.id]


def test_a_message_keeps_the_time_it_arrived_not_the_time_it_was_attached(engine):
    arrived = clock.now()
    inbox_id = inbox.stage(_inbound())
    clock.advance(timedelta(minutes=5))
    inbox.attach(inbox_id)
    [message] = fetch(select(Message))
    assert abs((message.created_at - arrived).total_seconds()) < 1


def test_a_backlog_attached_late_is_rate_limited_by_arrival_minute(engine, monkeypatch):
    configure(monkeypatch, INBOUND_RATE_PER_MINUTE="2")
    now = clock.now()
    clock.advance(timedelta(seconds=60 - now.second + 1, microseconds=-now.microsecond))
    for n in range(4):  # two per minute: within the limit when counted by arrival
        inbox.stage(_inbound(sid=f"SM{n:032d}", body=f"m{n}"))
        clock.advance(timedelta(seconds=30))
    attached = inbox.attach_pending()
    assert [a.status for a in attached] == ["received"] * 4


def test_attach_pending_goes_in_arrival_order_and_skips_attached_rows(engine):
    ids = [inbox.stage(_inbound(sid=f"SM{n:032d}", body=f"m{n}")) for n in range(3)]
    inbox.attach(ids[1])
    attached = inbox.attach_pending()
    bodies = {m.id: m.body for m in fetch(select(Message))}
    assert [bodies[a.message_id] for a in attached] == ["m0", "m2"]


def test_a_message_stored_but_never_attached_is_resumed_by_the_sweep(engine, echo):
    inbox.stage(_inbound(body="perdu après un crash"))
    assert resume_stalled() == 0  # too recent: the web process or a worker is about to attach it
    clock.advance(STALL_AFTER + timedelta(seconds=1))
    assert resume_stalled() == 1
    assert echo == ["perdu après un crash"]
    assert [m.status for m in fetch(select(Message).where(Message.direction == "in"))] == ["processed"]


def test_old_attached_rows_are_pruned_waiting_ones_kept(engine):
    attached, waiting = inbox.stage(_inbound(sid="SM" + "1" * 32)), inbox.stage(_inbound(sid="SM" + "2" * 32))
    inbox.attach(attached)
    clock.advance(inbox.KEEP + timedelta(hours=1))
    assert inbox.prune() == 1
    assert [r.id for r in fetch(select(InboundMessage))] == [waiting]


async def test_stage_async_claims_a_sid_once_even_when_posted_concurrently(engine):
    ids = await asyncio.gather(*(inbox.stage_async(_inbound(body=f"copy {n}")) for n in range(10)))
    assert len([i for i in ids if i is not None]) == 1
    [row] = fetch(select(InboundMessage))
    assert row.id == next(i for i in ids if i is not None) and row.message_id is None


async def test_the_async_door_replaces_a_connection_the_server_dropped(engine):
    if not is_postgres():
        pytest.skip("the async door is PostgreSQL's")
    first = await inbox.stage_async(_inbound(sid="SM" + "1" * 32))
    with get_engine().connect() as conn:  # what a PostgreSQL restart does to every open connection
        killed = conn.execute(sa.text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    assert killed >= 1
    second = await inbox.stage_async(_inbound(sid="SM" + "2" * 32))
    assert second is not None and second != first
    assert sorted(r.sid for r in fetch(select(InboundMessage))) == ["SM" + "1" * 32, "SM" + "2" * 32]


async def test_a_statement_that_fails_is_raised_and_keeps_nothing(engine):
    if not is_postgres():
        pytest.skip("the async door is PostgreSQL's")
    with pytest.raises(psycopg.DataError):
        await inbox.stage_async(_inbound(body="NUL \x00 cannot be stored"))  # parse() strips it; stage must not hide it
    assert fetch(select(InboundMessage)) == []
    assert await inbox.stage_async(_inbound(body="the next one goes through")) is not None
