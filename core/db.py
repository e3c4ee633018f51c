"""Database engine, sessions, and migrations applied at start-up."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlmodel import Session, SQLModel

from core.config import settings
from core.files import private_file
from core.logs import log
from core.text import clean_parameters

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
MAX_INT = 2**31 - 1  # PostgreSQL's integer columns: no id, page or count beyond it exists
_engine: Engine | None = None
Row = TypeVar("Row", bound=SQLModel)


class _WithId(Protocol):
    @property
    def id(self) -> int | None: ...


def get_engine() -> Engine:
    """Return the process-wide engine, creating it from settings on first use."""
    global _engine
    if _engine is None:
        _engine = make_engine(settings.resolved_database_url)
    return _engine


def make_engine(url: str) -> Engine:
    """Create an engine with pre-ping; SQLite gets WAL and a busy timeout so readers never block writers."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:" and not url.startswith("sqlite://?"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            private_file(Path(path))  # SQLite gives its -wal and -shm files the same mode
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, pool_pre_ping=True,
                                  hide_parameters=True)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin_immediate)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_recycle=1800,
                                  hide_parameters=True)  # errors and logs never show what customers wrote
    sa.event.listen(engine, "before_cursor_execute", _plain_parameters, retval=True)
    return engine


def _plain_parameters(conn, cursor, statement, parameters, context, executemany):
    # Text with a NUL byte or a lone surrogate is stored as the person meant it, on SQLite as on PostgreSQL.
    return statement, clean_parameters(parameters)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin_immediate(connection) -> None:
    # Take the write lock at the start: read-then-write transactions never deadlock on upgrade.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def storable(value: int) -> bool:
    """True when value fits the database's integer columns (an id or page beyond them cannot exist)."""
    return -MAX_INT <= value <= MAX_INT


def stored_id(row: _WithId) -> int:
    """Return the id of a row the database has numbered (added and flushed, or read back)."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id before it is flushed")
    return row.id


def get_existing(session: Session, model: type[Row], key: Any) -> Row:
    """Return the row with this key, which must exist (a foreign key or an earlier read in this transaction)."""
    row = session.get(model, key)
    if row is None:
        raise LookupError(f"no {model.__name__} {key!r}")
    return row


def rows_changed(result: Result[Any]) -> int:
    """Return how many rows an UPDATE, DELETE or INSERT executed through a session changed."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"{type(result).__name__} is not the result of a write")
    return result.rowcount


def table_of(model: type[SQLModel]) -> sa.Table:
    """Return the table a table model maps to (for Core statements on it)."""
    table = sa.inspect(model).local_table
    if not isinstance(table, sa.Table):
        raise TypeError(f"{model.__name__} is not a table model")
    return table


def dispose_engine() -> None:
    """Close every pooled connection and forget the engine (tests, settings changes)."""
    global _engine
    if _engine is not None:
        _engine.dispose()
    _engine = None


@contextmanager
def session_scope() -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def local_day(session: Session, column: Any) -> Any:
    """SQL expression: the Douala calendar day of a stored UTC time, as 'YYYY-MM-DD'."""
    # Douala is UTC+1 all year (no summer time): a fixed offset is exact and much cheaper than a zone lookup.
    if session.get_bind().dialect.name == "postgresql":
        return sa.cast(sa.func.timezone("UTC", column) + sa.literal_column("interval '1 hour'"), sa.Date)
    return sa.func.strftime("%Y-%m-%d", column, "+1 hours")


def is_postgres() -> bool:
    """True when the database is PostgreSQL (row locks with SKIP LOCKED are available)."""
    return get_engine().dialect.name == "postgresql"


def alembic_config():
    """Return the Alembic configuration for this project's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", settings.resolved_database_url.replace("%", "%%"))
    return config


def upgrade() -> None:
    """Apply every migration not yet applied (the only way the schema is created)."""
    from alembic import command

    command.upgrade(alembic_config(), "head")


def ping() -> bool:
    """True when the database answers a trivial query."""
    try:
        with get_engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except Exception as exc:  # the health page reports it; the log keeps where it failed
        log.opt(exception=exc).warning("database ping failed", error=type(exc).__name__)
        return False


async def run_io(function, *args, **kwargs):
    """Run blocking database work in a worker thread from async code."""
    import asyncio
    import functools

    return await asyncio.to_thread(functools.partial(function, *args, **kwargs))
