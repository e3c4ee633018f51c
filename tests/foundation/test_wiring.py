"""core.wiring connects each reaction and sweep once, as real functions (no "module:function" strings)."""

from core import scheduler, wiring
from core.analytics import rollups
from core.auth import sessions
from core.matching import notifications, offers
from core.payments import service as payments
from core.providers import hooks as provider_hooks
from core.service_requests import hooks as request_hooks


def test_connect_registers_real_functions_once():
    wiring.connect()
    wiring.connect()
    assert request_hooks.HOOKS["*"] == [notifications.on_transition, offers.on_transition]
    assert request_hooks.HOOKS["completed"] == [payments.on_request_completed]
    assert provider_hooks.ON_SUSPENDED == [sessions.end_provider_sessions]
    names = [name for name, _, _ in scheduler.JOBS]
    assert names == ["inbound", "outbox", "sealed_texts", "rate_counters", "matching", "payment_links",
                     "payment_reconcile", "rollups", "inbox_prune", "sign_in_prune", "sign_in_delays"]
    assert all(callable(function) and not isinstance(function, str) for _, function, _ in scheduler.JOBS)
    assert ("rollups", rollups.sweep, 60) in scheduler.JOBS
    assert scheduler.target(rollups.sweep) == "core.analytics.rollups:sweep"
