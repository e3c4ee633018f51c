"""Test set-up: a fresh database per run (SQLite file, or a new PostgreSQL database), emptied between tests.

TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test runs the suite on PostgreSQL: a database of its own
is created next to the given one and dropped at the end.
"""

import inspect
import os
import tempfile
import time
import uuid
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="djobea-tests-"))
_BASE_URL = os.environ.get("TEST_DATABASE_URL", "")
_PG_NAME = f"djobea_test_{uuid.uuid4().hex[:10]}"


def _test_database_url() -> str:
    if not _BASE_URL:
        return f"sqlite:///{_TMP / 'test.db'}"
    base, _, _ = _BASE_URL.rpartition("/")
    return f"{base}/{_PG_NAME}"


os.environ.update({
    "DJOBEA_ENV": "test", "DJOBEA_DATA_DIR": str(_TMP / "data"), "DATABASE_URL": _test_database_url(),
    "DJOBEA_DEMO_DATA": "0", "DJOBEA_SCHEDULER": "0", "LOG_LEVEL": "WARNING", "STORAGE_SECRET": "test-secret-x",
    "DJOBEA_ADMIN_PASSWORD": "admin-password-for-tests",
})
for key in ("TWILIO_AUTH_TOKEN", "TWILIO_ACCOUNT_SID", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY",
            "MONETBIL_SERVICE_KEY", "MONETBIL_SERVICE_SECRET", "LLM_MODE", "PUBLIC_BASE_URL"):
    os.environ.pop(key, None)

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

from core import wiring  # noqa: E402

wiring.connect()  # hooks and sweeps, as main.py and the worker connect them

pytest_plugins = ["nicegui.testing.user_plugin"]


def _admin_url(url: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/postgres".replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def migrated_database():
    """Create the run's database and apply the migrations once."""
    from core import db

    if _BASE_URL:
        admin = sa.create_engine(_admin_url(_BASE_URL), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{_PG_NAME}"'))
    db.upgrade()
    yield db.get_engine()
    db.dispose_engine()
    if _BASE_URL:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{_PG_NAME}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(migrated_database):
    """The test database, emptied after the test."""
    from core import clock

    yield migrated_database
    clock.reset()
    import core.models  # noqa: F401

    tables = [t.name for t in SQLModel.metadata.sorted_tables]
    for attempt in range(5):
        try:
            _empty(migrated_database, tables)
            return
        except sa.exc.OperationalError:
            # A background thread of the test (an outbox send, a page's timer) can still hold a row lock: on
            # PostgreSQL the TRUNCATE then meets a deadlock or the lock timeout. Wait for it and try again.
            if attempt == 4:
                raise
            time.sleep(0.2 * (attempt + 1))


def _empty(engine, tables: list[str]) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SET LOCAL lock_timeout = '5s'"))
            conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(sa.text(f'DELETE FROM "{table}"'))


@pytest.fixture
def session(engine):
    """A session on the test database; committed work is visible to the code under test."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture(autouse=True)
def _database_for_pages(request):
    """Pages and API tests (the `user` fixture) get the test database too."""
    if {"user", "create_user"} & set(request.fixturenames):
        request.getfixturevalue("engine")


@pytest.fixture(autouse=True)
def _fresh_lifespan():
    """Undo what main.py's include_router() calls add to the app's lifespan in each `user` test.

    FastAPI wraps the app's lifespan once per included router; the `user` fixture runs main.py again for every
    test, so without this the wrappers pile up (ten frames a test) until start-up overflows the stack.
    """
    from nicegui import app

    lifespan = app.router.lifespan_context
    yield
    app.router.lifespan_context = lifespan


@pytest.fixture
async def answer_path_closed():
    """Close the answer path's connection pool before the test's event loop ends, as the server's shutdown does."""
    from core.channels import door

    yield
    await door.close_running()


@pytest.fixture(autouse=True)
def _answer_path_of_async_tests(request):
    """Async tests (the only ones that open the answer path) close it on their own loop."""
    if inspect.iscoroutinefunction(getattr(request.node, "function", None)):
        request.getfixturevalue("answer_path_closed")
