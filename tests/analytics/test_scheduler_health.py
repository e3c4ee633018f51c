"""Each scheduled run is recorded per job and process in the database; the monitoring page shows every process."""

from datetime import timedelta

from nicegui.testing import User
from sqlmodel import select

from core import clock, scheduler
from core.analytics.monitoring import scheduler_health
from core.fleet.models import JobRun
from tests.pages.helpers import sign_in_admin, text_of


def _fail() -> int:
    raise RuntimeError("provider down")


def test_each_run_overwrites_this_process_row(session):
    scheduler._run("outbox", lambda: 4)
    first = session.exec(select(JobRun)).one()
    assert (first.job, first.process, first.ok, first.count) == ("outbox", scheduler.process_name(), True, 4)
    first_at = first.started_at
    session.commit()  # end the read, so the next run's write is not kept waiting
    clock.advance(timedelta(seconds=2))
    scheduler._run("outbox", _fail)
    session.expire_all()
    row = session.exec(select(JobRun)).one()  # still one row: an upsert, not a log
    assert row.ok is False and "provider down" in row.error and row.count is None
    assert row.started_at > first_at


def test_every_process_is_listed_and_a_silent_job_is_late(session):
    now = clock.now()
    scheduler.record_run(job="outbox", started_at=now, seconds=0.01, ok=True, count=3, process="web-1:10")
    scheduler.record_run(job="outbox", started_at=now - timedelta(minutes=5), seconds=0.01, ok=True, count=0,
                         process="web-2:11")  # a process that stopped
    scheduler.record_run(job="rollups", started_at=now - timedelta(seconds=181), seconds=1.5, ok=True, count=2,
                         process="web-1:10")
    jobs = {job.name: job for job in scheduler_health(session=session)}
    assert [p.process for p in jobs["outbox"].processes] == ["web-1:10", "web-2:11"]
    assert jobs["outbox"].late is False and jobs["outbox"].count == 3
    assert [p.stale for p in jobs["outbox"].processes] == [False, True]
    assert jobs["rollups"].late is True  # 181 s > 3 × 60 s
    assert jobs["matching"].late is False and jobs["matching"].at is None  # not run yet, not late
    assert jobs["matching"].processes == []
    clock.advance(timedelta(seconds=7))
    assert next(j for j in scheduler_health(session=session) if j.name == "outbox").late is True


async def test_the_monitoring_page_shows_each_process_run(user: User, session):
    now = clock.now()
    scheduler.record_run(job="outbox", started_at=now, seconds=0.02, ok=True, count=7, process="web-1:10")
    scheduler.record_run(job="outbox", started_at=now, seconds=0.02, ok=False, error="boom", process="worker:12")
    scheduler.record_run(job="rollups", started_at=now - timedelta(hours=1), seconds=2, ok=True, count=1,
                         process="worker:12")
    await sign_in_admin(user, session)
    await user.open("/admin/monitoring")
    assert "7" in text_of(user, "job-outbox-web-1:10") and "✅" in text_of(user, "job-outbox-web-1:10")
    assert "boom" in text_of(user, "job-outbox-worker:12")
    assert "⚠️" not in text_of(user, "job-outbox")
    assert "⚠️" in text_of(user, "job-rollups")
