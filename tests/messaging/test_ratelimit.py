from datetime import timedelta

from sqlmodel import select

from core import clock
from core.db import session_scope
from core.messaging import ratelimit
from core.messaging.conversations import Message
from core.messaging.models import OutboxMessage
from tests.messaging.helpers import configure, fetch, form, post


def _statuses(sender: str) -> list[str]:
    return [m.status for m in fetch(select(Message).where(Message.direction == "in").order_by(Message.id))]


async def test_beyond_twenty_a_minute_messages_are_kept_but_not_processed_with_one_notice(client, echo, monkeypatch):
    configure(monkeypatch, INBOUND_RATE_PER_MINUTE="20")
    # Pin the clock at the start of a minute window so the 23 posts share one window.
    now = clock.now()
    clock.advance(timedelta(seconds=60 - now.second + 1, microseconds=-now.microsecond))
    for n in range(23):
        assert (await post(client, form(body=f"message {n}", sid=f"SM{n:032d}"))).status_code == 200
    statuses = _statuses("+237699000001")
    assert statuses == ["processed"] * 20 + ["throttled"] * 3
    assert echo == [f"message {n}" for n in range(20)]
    notices = [r.body for r in fetch(select(OutboxMessage)) if not r.body.startswith("echo:")]
    assert len(notices) == 1 and "Doucement" in notices[0]

    clock.advance(timedelta(seconds=60))
    await post(client, form(body="encore", sid="SM" + "e" * 32))
    assert echo[-1] == "encore"


async def test_the_limit_is_per_sender(client, echo, monkeypatch):
    configure(monkeypatch, INBOUND_RATE_PER_MINUTE="2")
    for n in range(3):
        await post(client, form(sender="+237699000002", body=f"a{n}", sid=f"SMa{n:031d}"))
    await post(client, form(sender="+237699000003", body="b", sid="SM" + "b" * 32))
    assert echo == ["a0", "a1", "b"]


def test_counters_are_shared_and_old_windows_pruned(engine):
    with session_scope() as session:
        decisions = [ratelimit.hit(session=session, key="in:test:1", limit=2) for _ in range(4)]
    assert [(d.count, d.allowed, d.notify) for d in decisions] == [
        (1, True, False), (2, True, False), (3, False, True), (4, False, False)]
    clock.advance(timedelta(hours=2))
    assert ratelimit.prune() == 1


def test_take_counts_over_a_sliding_hour_and_gives_back_what_it_refuses(engine):
    def take() -> bool:
        with session_scope() as session:
            return ratelimit.take(session=session, key="cap:test", limit=2, window_seconds=3600)

    assert [take(), take(), take()] == [True, True, False]
    clock.advance(timedelta(minutes=59))
    assert take() is False  # still within the hour of the first two
    clock.advance(timedelta(minutes=2))
    assert [take(), take(), take()] == [True, True, False]  # refused ones were never counted
