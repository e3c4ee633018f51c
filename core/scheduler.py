"""APScheduler wiring: each job only triggers a sweep of due work stored in the database."""

import importlib
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from core.logs import log

# (job name, "module:function", every N seconds). Each function does one bounded sweep and returns a count.
JOBS: list[tuple[str, str, float]] = [
    ("inbound", "core.messaging.inbound:resume_stalled", 10),
    ("outbox", "core.messaging.dispatcher:dispatch_due", 2),
    ("rate_counters", "core.messaging.ratelimit:prune", 3600),
    ("matching", "core.matching.sweep:advance_due", 3),
    ("payment_links", "core.payments.service:send_due_links", 5),
    ("payment_reconcile", "core.payments.service:reconcile_pending", 60),
]
_scheduler: BackgroundScheduler | None = None
last_runs: dict[str, dict] = {}


def _resolve(target: str) -> Callable[[], int]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _run(name: str, function: Callable[[], int]) -> None:
    from core import clock

    started = clock.now()
    try:
        count = function()
        last_runs[name] = {"at": started, "ok": True, "count": count}
    except Exception as exc:  # a failing sweep must not stop the others; it is retried next tick
        log.exception("scheduled job failed", job=name)
        last_runs[name] = {"at": started, "ok": False, "error": repr(exc)[:200]}


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


def stop() -> None:
    """Stop the sweeps (at shutdown)."""
    global _scheduler
    if _scheduler is not None:
        _scheduler.shutdown(wait=False)
        _scheduler = None
