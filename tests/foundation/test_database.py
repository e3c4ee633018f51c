from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from sqlmodel import select

from core import clock
from core.customers.models import Customer
from core.customers.service import customer_by_phone
from core.db import alembic_config, make_engine
from core.demo import seed_demo
from core.models import Provider, ServiceRequest
from core.service_requests.models import RequestStatus


def test_migrations_build_every_table_from_empty_and_go_back_down(engine):
    from sqlmodel import SQLModel

    import core.models  # noqa: F401

    names = set(sa.inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= names
    assert "alembic_version" in names


def test_the_migrations_build_exactly_the_schema_the_models_describe(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import core.models  # noqa: F401

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        assert compare_metadata(context, SQLModel.metadata) == []  # a model change needs a new migration


def test_migrations_up_down_up_on_a_scratch_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'scratch.db'}"
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    command.upgrade(config, "head")
    scratch = make_engine(url)
    assert "servicerequest" in sa.inspect(scratch).get_table_names()
    scratch.dispose()


def test_times_come_back_timezone_aware_utc(session):
    moment = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
    session.add(Customer(phone="+237699000001", created_at=moment))
    session.commit()
    session.expunge_all()
    stored = session.exec(select(Customer)).one()
    assert stored.created_at == moment and stored.created_at.tzinfo is not None
    assert clock.local(stored.created_at).hour == 15  # Douala is UTC+1


def test_one_person_is_one_customer_however_the_number_is_written(session):
    a = customer_by_phone(session=session, phone="+237 6 99 12 34 56")
    b = customer_by_phone(session=session, phone="699123456")
    c = customer_by_phone(session=session, phone="whatsapp:+237699123456", name="Awa")
    session.commit()
    assert a.id == b.id == c.id
    assert session.exec(select(sa.func.count()).select_from(Customer)).one() == 1


def test_demo_seeding_is_idempotent_and_marked(session):
    first = seed_demo(session=session)
    session.commit()
    second = seed_demo(session=session)
    session.commit()
    assert first["providers"] >= 50 and first["requests"] > 100
    assert second == {"providers": 0, "requests": 0}
    providers = session.exec(select(Provider)).all()
    assert len(providers) == first["providers"] and all(p.is_demo for p in providers)
    assert all(p.phone.startswith("+237600") for p in providers)
    requests = session.exec(select(ServiceRequest)).all()
    assert {r.status for r in requests} >= {"completed", "assigned", "expired", "cancelled"}
    assert all(r.is_demo for r in requests)


def test_statuses_are_stored_as_their_text_and_read_back_as_enums(session):
    customer = Customer(phone="+237699000009")
    session.add(customer)
    session.flush()
    session.add(ServiceRequest(reference="DJB-ENUM", customer_id=customer.id, service_type="plumbing",
                               quartier="Makepe", status=RequestStatus.OFFERED))
    session.commit()
    session.expunge_all()
    stored = session.execute(sa.text("SELECT status FROM servicerequest WHERE reference = 'DJB-ENUM'")).scalar_one()
    assert stored == "offered" and type(stored) is str  # the same text as before the enums: no migration
    request = session.exec(select(ServiceRequest).where(ServiceRequest.status == RequestStatus.OFFERED)).one()
    assert request.status is RequestStatus.OFFERED
    assert session.exec(select(ServiceRequest).where(ServiceRequest.status == "no-such-status")).all() == []
