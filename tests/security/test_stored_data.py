"""What was stored before the fixes: codes kept in clear are masked, web chats joined by a typed phone are undone."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from alembic import command

from core.db import alembic_config, make_engine

CLEAR = "Votre code Djobea : 481516\nIl expire dans 5 minutes."


def _insert(conn, table: str, **values) -> int:
    columns = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join(f":{k}" for k in values)
    return conn.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id"), values).scalar_one()


@contextmanager
def _scratch(kind: str, tmp_path) -> Iterator[str]:
    """Yield the URL of an empty database of that kind, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'before.db'}"
        return
    base = os.environ["TEST_DATABASE_URL"].rpartition("/")[0].replace("postgresql://", "postgresql+psycopg://", 1)
    name = f"djobea_scratch_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="PostgreSQL runs with TEST_DATABASE_URL"))])
def test_upgrading_masks_codes_and_gives_web_chats_joined_by_a_phone_a_visitor_of_their_own(kind, tmp_path):
    with _scratch(kind, tmp_path) as url:
        _check_upgrade(url)


def _check_upgrade(url: str) -> None:
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0002")
    engine = make_engine(url)
    now = "2026-11-30 10:00:00"
    with engine.begin() as conn:
        awa = _insert(conn, "customer", phone="+237677001122", name="Awa", language="fr", is_demo=False,
                      created_at=now)
        web = _insert(conn, "conversation", channel="web", external_id="web-joined", role="customer",
                      customer_id=awa, language="fr", state='{"awaiting_rating": 1, "slots": {"location": "Akwa"}}',
                      current_request_id=1, human_takeover=False, takeover_by="", turn_count=2, is_demo=False,
                      created_at=now, updated_at=now)
        message = _insert(conn, "message", conversation_id=web, direction="out", channel="simulator",
                          author="system", body=CLEAR, status="sent", error_code="", media="[]", attempts=0,
                          created_at=now)
        for status, message_id in (("sent", message), ("pending", None)):
            _insert(conn, "outboxmessage", channel="simulator", to="+237677001122", conversation_id=web,
                    message_id=message_id, kind="code", body=CLEAR, content_sid="",
                    content_variables='{"1": "Votre code Djobea : 481516"}', status=status, attempts=0,
                    next_attempt_at=now, last_error="", error_code="", delivery_status="", created_at=now)
    command.upgrade(config, "head")
    with engine.connect() as conn:
        texts = conn.execute(sa.text("SELECT body FROM message UNION ALL SELECT body || content_variables "
                                     "FROM outboxmessage")).scalars().all()
        statuses = conn.execute(sa.text("SELECT status FROM outboxmessage ORDER BY id")).scalars().all()
        conversation = conn.execute(sa.text("SELECT customer_id, current_request_id, state FROM conversation")).one()
        visitor = conn.execute(sa.text("SELECT phone, contact_phone FROM customer WHERE id = :id"),
                               {"id": conversation.customer_id}).one()
    engine.dispose()
    assert texts and not any("481516" in t for t in texts)
    assert statuses == ["sent", "failed"]  # a code still waiting is never sent from a clear copy
    assert conversation.customer_id != awa and conversation.current_request_id is None
    assert "awaiting_rating" not in conversation.state and "Akwa" in conversation.state
    assert (visitor.phone, visitor.contact_phone) == (None, "+237677001122")
