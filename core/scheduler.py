"""APScheduler wiring: each job only triggers a sweep of due work stored in the database."""

import importlib
import os
import socket
import time
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

from core.db import table_of
from core.fleet import metrics
from core.logs import log
from core.upsert import dialect_of, upsert

# (job name, "module:function", every N seconds). Each function does one bounded sweep and returns a count.
JOBS: list[tuple[str, str, float]] = [
    ("inbound", "core.messaging.inbound:resume_stalled", 10),
    ("outbox", "core.messaging.dispatcher:dispatch_due", 2),
    ("sealed_texts", "core.messaging.dispatcher:expire_sealed", 60),
    ("rate_counters", "core.messaging.ratelimit:prune", 3600),
    ("matching", "core.matching.sweep:advance_due", 3),
    ("payment_links", "core.payments.service:send_due_links", 5),
    ("payment_reconcile", "core.payments.service:reconcile_pending", 60),
    ("rollups", "core.analytics.rollups:sweep", 60),
    ("inbox_prune", "core.messaging.inbox:prune", 3600),
    ("sign_in_prune", "core.auth.sessions:prune", 3600),
    ("sign_in_delays", "core.auth.throttle:prune_delays", 3600),
]
_scheduler: BackgroundScheduler | None = None
last_runs: dict[str, dict] = {}  # this process only; the monitoring page reads every process's runs from JobRun


def process_name() -> str:
    """Return 'host:pid' of this process (read at each call: workers may be forked after import)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _resolve(target: str) -> Callable[[], int]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _run(name: str, function: Callable[[], int]) -> None:
    from core import clock

    started, clock_start = clock.now(), time.perf_counter()
    try:
        count = function()
        last_runs[name] = {"at": started, "ok": True, "count": count}
    except Exception as exc:  # a failing sweep must not stop the others; it is retried next tick
        log.exception("scheduled job failed", job=name)
        last_runs[name] = {"at": started, "ok": False, "error": repr(exc)[:200]}
    metrics.observe_job(name, last_runs[name]["ok"])
    try:
        record_run(job=name, started_at=started, seconds=time.perf_counter() - clock_start, **{
            k: v for k, v in last_runs[name].items() if k != "at"})
    except Exception:  # the record is for the monitoring page; losing one must not disturb the sweeps
        log.exception("could not record the scheduled run", job=name)


def record_run(*, job: str, started_at: datetime, seconds: float, ok: bool, count: int | None = None,
               error: str = "", process: str | None = None) -> None:
    """Store this job's last run for this process: one upsert, overwriting the previous run."""
    from core.analytics.models import JobRun
    from core.db import session_scope

    values = {"job": job, "process": process or process_name(), "started_at": started_at, "seconds": round(seconds, 3),
              "ok": ok, "count": count if isinstance(count, int) else None, "error": error[:300]}
    with session_scope() as session:
        table = table_of(JobRun)
        session.execute(upsert(dialect_of(session), table, values, keys=["job", "process"],
                               update={k: v for k, v in values.items() if k not in ("job", "process")}))


def start() -> None:
    """Start the background sweeps of this process."""
    global _scheduler
    if _scheduler is not None:
        return
    _scheduler = BackgroundScheduler(timezone="UTC")
    for name, target, seconds in JOBS:
        _scheduler.add_job(_run, "interval", seconds=seconds, args=(name, _resolve(target)), id=name,
                           max_instances=1, coalesce=True)
    _scheduler.start()


def stop(*, wait: bool = False) -> None:
    """Stop the sweeps (at shutdown); with wait, let the runs under way finish first."""
    global _scheduler
    if _scheduler is not None:
        _scheduler.shutdown(wait=wait)
        _scheduler = None
