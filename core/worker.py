"""`djobea worker`: processes inbound messages and runs the sweeps, so the web process only answers webhooks.

The web process (DJOBEA_INLINE_PROCESSING=0) keeps each message in the inbox with one statement; this process
attaches inbox messages to their conversations, fetches attachments and runs the engine, one thread per
conversation at a time. PostgreSQL wakes it with LISTEN/NOTIFY; it also looks every POLL_SECONDS, so a lost
notification (or SQLite) only costs that delay. Several workers may run side by side on PostgreSQL: inbox rows
are claimed with SKIP LOCKED and a conversation is processed under its row lock.
"""

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

from core import heap, scheduler
from core.config import settings
from core.db import is_postgres
from core.llm.orchestrator import warm_up
from core.logs import log
from core.messaging.inbound import process_conversation
from core.messaging.inbox import CHANNEL_NOTIFY, Attached, attach_pending
from core.messaging.media import prepare

POLL_SECONDS = 0.2
BATCH = 200


class Worker:
    """Attaches inbox messages and hands each conversation with waiting messages to a thread."""

    def __init__(self, threads: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="engine")
        self._lock = threading.Lock()
        self._running: dict[int, bool] = {}  # conversation id -> more messages arrived while it was processed
        self.stopping = threading.Event()

    def work_once(self) -> int:
        """Attach one batch of inbox messages and queue their conversations; return how many were attached."""
        attached = attach_pending(BATCH)
        for item in attached:
            if item.status in ("received", "media"):
                self._submit(item)
        return len(attached)

    def drain(self) -> None:
        """Wait until every queued conversation is processed (tests, shutdown)."""
        self._pool.shutdown(wait=True)

    def _submit(self, item: Attached) -> None:
        if item.status == "media":
            self._pool.submit(self._fetch, item)
            return
        with self._lock:
            if item.conversation_id in self._running:
                self._running[item.conversation_id] = True  # the running thread goes round once more
                return
            self._running[item.conversation_id] = False
        self._pool.submit(self._process, item.conversation_id)

    def _fetch(self, item: Attached) -> None:
        try:
            if prepare(item.message_id) == "received":
                self._submit(Attached(item.message_id, item.conversation_id, "received"))
        except Exception:  # left waiting: the stalled-message sweep tries again
            log.exception("media fetch failed", message_id=item.message_id)

    def _process(self, conversation_id: int) -> None:
        try:
            while True:
                process_conversation(conversation_id)
                with self._lock:
                    if not self._running.get(conversation_id):
                        self._running.pop(conversation_id, None)
                        return
                    self._running[conversation_id] = False
        except Exception:  # left waiting: the stalled-message sweep picks it up
            log.exception("conversation processing failed", conversation_id=conversation_id)
            with self._lock:
                self._running.pop(conversation_id, None)


def run(*, threads: int = 4, nice: int = 0, sweeps: bool = True) -> None:
    """Process messages until SIGTERM or SIGINT; with sweeps, also run the scheduler's jobs in this process."""
    if nice:
        os.nice(nice)  # answers to Twilio come first on a shared machine; processing can wait a few ms
    warm_up()
    worker = Worker(threads)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stopping.set())
    if sweeps:
        scheduler.start()
    wait = _listener() if is_postgres() else None
    heap.settle()
    log.info("worker started", threads=threads, listen=wait is not None)
    try:
        while not worker.stopping.is_set():
            try:
                busy = worker.work_once() > 0
            except Exception:  # the database going away for a moment must not end the worker
                log.exception("worker pass failed")
                busy = False
            if not busy:
                if wait is not None:
                    wait(POLL_SECONDS)
                else:
                    worker.stopping.wait(POLL_SECONDS)
    finally:
        scheduler.stop()
        worker.drain()


def _listener():
    """Return wait(seconds): block until an inbox NOTIFY arrives or seconds pass."""
    import psycopg

    url = settings.resolved_database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    connection = psycopg.connect(url, autocommit=True)
    connection.execute(f"LISTEN {CHANNEL_NOTIFY}")

    def wait(seconds: float) -> None:
        nonlocal connection
        try:
            for _ in connection.notifies(timeout=seconds, stop_after=1):
                pass
        except psycopg.OperationalError:
            log.warning("worker lost its LISTEN connection; reconnecting")
            connection = psycopg.connect(url, autocommit=True)
            connection.execute(f"LISTEN {CHANNEL_NOTIFY}")

    return wait
