"""Write one LlmCall row per call to a provider; a recording problem never breaks a conversation turn."""

import threading
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.db import get_engine, make_engine
from core.llm.models import LlmCall
from core.llm.pricing import cost_microusd
from core.logs import log


@dataclass(frozen=True)
class CallRecord:
    """What happened on one call, before it becomes a row."""

    provider: str
    model: str
    task: str
    ok: bool
    latency_ms: int
    input_tokens: int = 0
    output_tokens: int = 0
    error: str = ""
    conversation_id: int | None = None
    audio_seconds: float = 0.0

    def row(self) -> LlmCall:
        """Return the LlmCall row for this call, with its cost (None when the model has no known price)."""
        return LlmCall(provider=self.provider[:20], model=self.model[:80], task=self.task[:30], ok=self.ok,
                       error=self.error[:500], latency_ms=self.latency_ms, input_tokens=self.input_tokens,
                       output_tokens=self.output_tokens,
                       cost_microusd=cost_microusd(self.model, self.input_tokens, self.output_tokens,
                                                   self.audio_seconds),
                       conversation_id=self.conversation_id)


Recorder = Callable[[CallRecord, Session | None], None]
LOCK_WAIT_MS = 300
_sqlite_engine: Engine | None = None
_sqlite_lock = threading.Lock()


def record_call(record: CallRecord, session: Session | None = None) -> None:
    """Store the call: in the caller's session when given (inside a savepoint), else in a session of its own.

    Inside a conversation turn pass the turn's session: a second connection would wait on the turn's own locks
    (SQLite's write lock, PostgreSQL's row lock on the conversation that the foreign key needs). Without it the
    wait is cut short (LOCK_WAIT_MS): a caller that forgot loses a record, not seconds of its turn.
    """
    try:
        if session is not None:
            with session.begin_nested():
                session.add(record.row())
        else:
            with Session(_engine_for_records()) as own:
                if own.get_bind().dialect.name == "postgresql":
                    own.execute(sa.text(f"SET LOCAL lock_timeout = '{LOCK_WAIT_MS}ms'"))
                own.add(record.row())
                own.commit()
    except Exception as exc:  # a lost record must not cost the customer's turn
        log.opt(exception=exc).warning("llm call not recorded", provider=record.provider, task=record.task,
                                       error=type(exc).__name__)


def _engine_for_records() -> Engine:
    """Return the shared engine; on SQLite, one on the same file whose writers give up after LOCK_WAIT_MS."""
    shared = get_engine()
    if shared.dialect.name != "sqlite":
        return shared
    global _sqlite_engine
    with _sqlite_lock:
        if _sqlite_engine is None or _sqlite_engine.url != shared.url:
            engine = make_engine(shared.url.render_as_string(hide_password=False))
            sa.event.listen(engine, "connect", _short_busy_timeout)  # runs after core.db's pragmas: wins
            _sqlite_engine = engine
        return _sqlite_engine


def _short_busy_timeout(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_MS}")
    cursor.close()
