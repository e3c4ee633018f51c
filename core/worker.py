"""`djobea worker`: processes inbound messages and runs the sweeps, so the web process only answers webhooks.

The web process (DJOBEA_INLINE_PROCESSING=0) keeps each message in the inbox with one statement; this process
attaches inbox messages to their conversations, fetches attachments and runs the engine, one thread per
conversation at a time. PostgreSQL wakes it with LISTEN/NOTIFY; it also looks every POLL_SECONDS, so a lost
notification (or SQLite) only costs that delay. Several workers may run side by side on PostgreSQL: inbox rows
are claimed with SKIP LOCKED and a conversation is processed under its row lock.
"""

import os
import signal
import sys
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor

from core import heap, scheduler, wiring
from core.channels.inbound import process_conversation
from core.channels.inbox import CHANNEL_NOTIFY, Attached, attach_pending
from core.channels.media import prepare
from core.config import settings
from core.db import is_postgres
from core.fleet import heartbeat, probe
from core.fleet import stopping as fleet_stopping
from core.llm.orchestrator import warm_up
from core.logs import log
from core.messaging.models import MessageStatus

POLL_SECONDS = 0.2
BATCH = 200
PER_THREAD = 2  # conversations taken per engine thread at most: a SIGTERM never waits on a long queue
STUCK_AFTER = 5.0  # seconds past SHUTDOWN_GRACE_SECONDS before a worker that has not ended gives up and exits 1


class Worker:
    """Attaches inbox messages and hands each conversation with waiting messages to a thread."""

    def __init__(self, threads: int = 4) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="engine")
        self._lock = threading.Lock()
        self._running: dict[int, bool] = {}  # conversation id -> more messages arrived while it was processed
        self._fetching = 0  # media fetches queued or under way
        self._room = threading.Condition(self._lock)  # notified when a conversation or a fetch is done
        self.capacity = threads * PER_THREAD
        self.stopping = threading.Event()

    def work_once(self) -> int:
        """Attach inbox messages for the room left and queue their conversations; return how many were attached.

        At most `capacity` conversations are taken at a time; the rest stays in the inbox for any worker, so a
        stopping worker has little to finish and a busy one does not hoard what an idle one could take.
        """
        room = min(BATCH, self.capacity - self.in_flight())
        if room <= 0:
            return 0
        attached = attach_pending(room)
        for item in attached:
            if item.status in (MessageStatus.RECEIVED, MessageStatus.MEDIA):
                self._submit(item)
        return len(attached)

    def in_flight(self) -> int:
        """Return how many conversations and media fetches this worker has taken and not finished."""
        with self._lock:
            return len(self._running) + self._fetching

    def wait_for_room(self, seconds: float) -> bool:
        """Wait up to seconds until this worker can take more work; True when it can."""
        with self._room:
            return self._room.wait_for(lambda: len(self._running) + self._fetching < self.capacity, seconds)

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued conversation is processed (tests, shutdown); False when timeout passed first."""
        self._pool.shutdown(wait=False)
        with self._room:
            return self._room.wait_for(lambda: not self._running and not self._fetching, timeout)

    def _submit(self, item: Attached) -> None:
        if item.status == MessageStatus.MEDIA:
            with self._lock:
                self._fetching += 1
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
            if not _left_to_others() and prepare(item.message_id) == MessageStatus.RECEIVED:
                self._submit(Attached(item.message_id, item.conversation_id, MessageStatus.RECEIVED))
        except Exception:  # left waiting: the stalled-message sweep tries again
            log.exception("media fetch failed", message_id=item.message_id)
        finally:
            with self._room:
                self._fetching -= 1
                self._room.notify_all()

    def _process(self, conversation_id: int) -> None:
        try:
            while not _left_to_others():  # else still "received": another worker's stalled-message sweep takes it
                process_conversation(conversation_id)
                with self._room:
                    if not self._running.get(conversation_id):  # decided and released under one lock
                        self._release(conversation_id)
                        return
                    self._running[conversation_id] = False
        except Exception:  # left waiting: the stalled-message sweep picks it up
            log.exception("conversation processing failed", conversation_id=conversation_id)
        with self._room:
            self._release(conversation_id)

    def _release(self, conversation_id: int) -> None:
        """Forget the conversation and wake whoever waits for room (called holding the lock)."""
        self._running.pop(conversation_id, None)
        self._room.notify_all()


def run(*, threads: int = 4, nice: int = 0, sweeps: bool = True) -> None:
    """Process messages until SIGTERM or SIGINT; with sweeps, also run the scheduler's jobs in this process.

    SIGTERM: no inbox message is attached and no outbox row claimed from then on; the turns already taken are
    finished (for SHUTDOWN_GRACE_SECONDS at most, the rest stays waiting for another worker), outbox rows claimed
    but not sent are given back, the heartbeat says "stopping" and is then removed.
    """
    if nice:
        os.nice(nice)  # answers to Twilio come first on a shared machine; processing can wait a few ms
    wiring.connect()
    warm_up()
    worker = Worker(threads)
    me = scheduler.process_name()

    def stop(*_: object) -> None:
        if not worker.stopping.is_set():
            threading.Thread(target=_give_up_after, args=(settings.shutdown_grace_seconds + STUCK_AFTER,),
                             name="stop-deadline", daemon=True).start()
        fleet_stopping.request()
        worker.stopping.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    probe_server = probe.start(me) if settings.worker_probe_port else None
    if sweeps:
        scheduler.start()
    wait = _listener() if is_postgres() else None
    heap.settle()
    _beat(me)
    # A thread of its own: a long batch in the loop below must not look like a dead worker.
    threading.Thread(target=_keep_beating, args=(me, worker.stopping), name="heartbeat", daemon=True).start()
    log.info("worker started", threads=threads, listen=wait is not None)
    try:
        while not worker.stopping.is_set():
            if not worker.wait_for_room(POLL_SECONDS):
                continue
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
        _beat(me, stopping=True)
        scheduler.stop(wait=True)  # a sweep under way finishes; the dispatcher gives back what it did not send
        worker.drain()
        _forget(me)
        if probe_server is not None:
            probe_server.shutdown()
        log.info("worker stopped")


def _give_up_after(seconds: float) -> None:
    """Started by SIGTERM: if the worker has not ended after seconds, log where each thread is and exit 1.

    The supervisor then counts a failure and starts it again. Nothing is lost: the open transactions roll back
    (row locks go with the connection), unprocessed messages stay "received" for the stalled-message sweep, and an
    outbox row left "sending" is sent again after the dispatcher's SENDING_TIMEOUT.
    """
    time.sleep(seconds)
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    for ident, frame in sys._current_frames().items():
        if ident != threading.get_ident():
            log.error("worker thread still busy after SIGTERM", thread=names.get(ident, str(ident)),
                      stack="".join(traceback.format_stack(frame))[-4000:])
    log.error("worker did not end in time after SIGTERM; exiting with status 1", seconds=seconds)
    sys.stderr.flush()
    os._exit(1)


def _left_to_others() -> bool:
    """True when this worker is stopping and its grace is spent: work not started now waits for another worker."""
    return fleet_stopping.past_grace(settings.shutdown_grace_seconds)


def _keep_beating(process: str, stop: threading.Event) -> None:
    while not stop.wait(heartbeat.BEAT_SECONDS):
        _beat(process)


def _beat(process: str, *, stopping: bool = False) -> None:
    try:
        heartbeat.beat(process, stopping=stopping)
    except Exception:  # the database may be away for a moment: /ready shows the missing beat
        log.exception("heartbeat not written")


def _forget(process: str) -> None:
    try:
        heartbeat.forget(process)
    except Exception:
        log.exception("heartbeat not removed")


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
