"""APScheduler wiring: each job only triggers a sweep of due work stored in the database.

The jobs belong to the domains above; core.wiring registers them with real references, so this module imports
none of them.
"""

import os
import socket
import time
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

from core import clock
from core.db import session_scope, table_of
from core.fleet import metrics
from core.fleet.models import JobRun
from core.logs import log
from core.upsert import dialect_of, upsert

Job = Callable[[], int]

# (job name, function, every N seconds), in the order registered. Each function does one bounded sweep and
# returns a count.
JOBS: list[tuple[str, Job, float]] = []
_scheduler: BackgroundScheduler | None = None
last_runs: dict[str, dict] = {}  # this process only; the monitoring page reads every process's runs from JobRun


def process_name() -> str:
    """Return 'host:pid' of this process (read at each call: workers may be forked after import)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def register(name: str, function: Job, every: float) -> None:
    """Run function every `every` seconds once the sweeps start; registering a name again replaces its entry."""
    entry = (name, function, every)
    for index, (known, _, _) in enumerate(JOBS):
        if known == name:
            JOBS[index] = entry
            return
    JOBS.append(entry)


def target(function: Job) -> str:
    """Return "module:function" naming the job's function (shown on the monitoring page)."""
    return f"{function.__module__}:{function.__qualname__}"


def _run(name: str, function: Job) -> None:
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
    for name, function, seconds in JOBS:
        _scheduler.add_job(_run, "interval", seconds=seconds, args=(name, function), id=name,
                           max_instances=1, coalesce=True)
    _scheduler.start()


def stop(*, wait: bool = False) -> None:
    """Stop the sweeps (at shutdown); with wait, let the runs under way finish first."""
    global _scheduler
    if _scheduler is not None:
        _scheduler.shutdown(wait=wait)
        _scheduler = None
