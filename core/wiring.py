"""The one place that connects the domains, with real references: each lower domain's lifecycle events to the
reactions of the domains above it, and every scheduled sweep to the scheduler.

Everything else imports downward only (see core/__init__.py); this module imports the domains it connects, so only
the entry points import it: main.py, the worker, the command line, tests/conftest.py and the benchmarks.
"""

from core import scheduler
from core.analytics import gauges, rollups
from core.auth import sessions, throttle
from core.channels import inbound, inbox
from core.matching import notifications, offers, sweep
from core.messaging import dispatcher, ratelimit
from core.payments import service as payments
from core.providers import hooks as provider_hooks
from core.service_requests import hooks as request_hooks

# (job name, sweep, every N seconds): each sweep does one bounded pass over due work and returns a count.
JOBS = [
    ("inbound", inbound.resume_stalled, 10),
    ("outbox", dispatcher.dispatch_due, 2),
    ("sealed_texts", dispatcher.expire_sealed, 60),
    ("rate_counters", ratelimit.prune, 3600),
    ("matching", sweep.advance_due, 3),
    ("payment_links", payments.send_due_links, 5),
    ("payment_reconcile", payments.reconcile_pending, 60),
    ("rollups", rollups.sweep, 60),
    ("inbox_prune", inbox.prune, 3600),
    ("sign_in_prune", sessions.prune, 3600),
    ("sign_in_delays", throttle.prune_delays, 3600),
]


def connect() -> None:
    """Subscribe every reaction and register every sweep; calling it again changes nothing."""
    # A request's transition: its people are told, offers follow it, a finished job gets its payment link.
    request_hooks.subscribe("*", notifications.on_transition)
    request_hooks.subscribe("*", offers.on_transition)
    request_hooks.subscribe("completed", payments.on_request_completed)
    provider_hooks.subscribe_suspended(sessions.end_provider_sessions)  # a suspended provider is signed out
    for name, function, every in JOBS:
        scheduler.register(name, function, every)
    gauges.register()  # the fleet's numbers on /metrics
