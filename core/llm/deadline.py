"""One time budget for every model call of a customer's turn: understanding, rephrasing, fallbacks and retries.

The engine opens it around a turn (`turn_deadline`); every call made inside shares what is left, so a turn never
waits on models longer than LLM_TURN_DEADLINE_SECONDS in total, whatever the providers do: the clock starts with
the first call and runs through whatever comes after it. A call outside any turn (the CLI) gets a deadline of
its own.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class Deadline:
    """The moment after which no model is waited for; its clock starts with the turn's first model call."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, seconds)
        self.started: float | None = None  # the local reading and the database before it are not model time

    def remaining(self) -> float:
        """Return the seconds left, never below 0 (asking starts the clock)."""
        if self.started is None:
            self.started = time.monotonic()
        return max(0.0, self.started + self.seconds - time.monotonic())

    def spent(self) -> float:
        """Return the seconds gone since the first model call, 0 when none was made."""
        return 0.0 if self.started is None else time.monotonic() - self.started


_current: ContextVar[Deadline | None] = ContextVar("llm_turn_deadline", default=None)


@contextmanager
def turn_deadline(seconds: float) -> Iterator[Deadline]:
    """Share one deadline with every model call made in the block; an enclosing one that ends sooner is kept."""
    outer = _current.get()
    if outer is not None and outer.remaining() <= seconds:
        yield outer
        return
    deadline = Deadline(seconds)
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def current_deadline() -> Deadline | None:
    """Return the deadline of the turn being answered, or None outside a turn."""
    return _current.get()
