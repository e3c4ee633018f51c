"""A circuit breaker per provider: stop calling a provider that keeps failing, try it again after a cool-down."""

import threading
from datetime import datetime, timedelta

from core import clock

FAILURES_TO_OPEN = 3
COOL_DOWN = timedelta(seconds=60)


class CircuitBreaker:
    """Closed: calls go through. Open: skipped until the cool-down ends. Half-open: one trial call decides.

    A per-process cache: the state lives in process memory on purpose, a cache of a provider's recent health, not
    business state. A restart or a second process starts closed and learns again within FAILURES_TO_OPEN calls.
    """

    def __init__(self, *, failures_to_open: int = FAILURES_TO_OPEN, cool_down: timedelta = COOL_DOWN) -> None:
        self.failures_to_open = failures_to_open
        self.cool_down = cool_down
        self.failures = 0
        self.opened_at: datetime | None = None
        self._trial_started: datetime | None = None
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        """Return "closed", "open" or "half_open"."""
        if self.opened_at is None:
            return "closed"
        return "half_open" if clock.now() - self.opened_at >= self.cool_down else "open"

    def allow(self) -> bool:
        """True when a call may go to this provider now (in half-open, only one trial at a time)."""
        with self._lock:
            state = self.state
            if state == "closed":
                return True
            if state == "open":
                return False
            now = clock.now()
            # A trial that never reported back (a crash mid-call) must not keep the provider shut forever.
            if self._trial_started is not None and now - self._trial_started < self.cool_down:
                return False
            self._trial_started = now
            return True

    def record_success(self) -> None:
        """Close the breaker: the provider answered."""
        with self._lock:
            self.failures, self.opened_at, self._trial_started = 0, None, None

    def record_failure(self) -> None:
        """Count a failure; open after enough in a row, or at once when the half-open trial fails."""
        with self._lock:
            self.failures += 1
            if self.opened_at is not None or self.failures >= self.failures_to_open:
                self.opened_at, self._trial_started = clock.now(), None
