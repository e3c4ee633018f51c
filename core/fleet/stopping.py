"""SIGTERM, in order: stop taking new work, finish the turns in flight, release what was claimed, exit.

A process-wide flag that the loops taking work (the worker's attach loop, the dispatcher's claims) read, and that
/ready reports so a load balancer stops sending before the process goes.
"""

import signal
import threading
import time
from collections.abc import Callable

_requested = threading.Event()
_since: float | None = None


def request() -> None:
    """Say that this process is stopping: no new work from now on."""
    global _since
    if not _requested.is_set():
        _since = time.monotonic()
    _requested.set()


def requested() -> bool:
    """True once a stop was asked for."""
    return _requested.is_set()


def wait(seconds: float) -> bool:
    """Sleep up to seconds, waking when a stop is asked for; True when it was."""
    return _requested.wait(seconds)


def past_grace(grace: float) -> bool:
    """True when a stop was asked for more than grace seconds ago: work not started by now is left to others."""
    return _since is not None and time.monotonic() - _since > grace


def reset() -> None:
    """Forget a stop request (tests)."""
    global _since
    _requested.clear()
    _since = None


def chain_signals(*signums: int) -> None:
    """Mark the stop before the handler already installed (the web server's) runs on these signals."""
    if threading.current_thread() is not threading.main_thread():
        return  # signals are only delivered to the main thread (an app started by tests runs elsewhere)
    for signum in signums:
        previous = signal.getsignal(signum)
        if getattr(previous, "marks_stop", False):
            continue

        def handler(number: int, frame, previous: Callable | int | None = previous) -> None:
            request()
            if callable(previous):
                previous(number, frame)
            elif previous == signal.SIG_DFL:
                raise SystemExit(128 + number)

        handler.marks_stop = True  # type: ignore[attr-defined]
        signal.signal(signum, handler)
