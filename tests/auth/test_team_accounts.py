"""Admins manage the team: roles, activation, passwords, always with an active admin left and an audit entry."""

import threading
import time

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from core.auth.login import WRONG, authenticate
from core.auth.models import Account
from core.auth.passwords import verify_password
from core.auth.service import (
    AccountError,
    change_own_password,
    create_account,
    list_accounts,
    reset_password,
    set_active,
    set_role,
)
from core.auth.sessions import resolve
from core.auth.throttle import FREE_TRIES
from core.rules.models import AuditEntry
from tests.factories import signed_in

PASSWORD = "correct-horse-battery"


def _account(session, email: str, role: str = "admin") -> Account:
    account = create_account(session=session, email=email, password=PASSWORD, role=role, name=email.split("@")[0])
    session.commit()
    return account


@pytest.fixture
def boss(session) -> Account:
    """The admin who manages the team."""
    return _account(session, "boss@djobea.cm")


def _audit(session, action: str) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _stored(session, account: Account) -> Account:
    stored = session.get(Account, account.id)
    session.refresh(stored)
    return stored


def test_the_team_is_listed_admins_first(session, boss):
    _account(session, "aline@djobea.cm", role="operator")
    _account(session, "ange@djobea.cm")
    assert [(a.email, a.role) for a in list_accounts(session=session)] == [
        ("ange@djobea.cm", "admin"), ("boss@djobea.cm", "admin"), ("aline@djobea.cm", "operator")]


def test_an_admin_creates_an_account_and_it_is_audited(session, boss):
    created = create_account(session=session, email=" Aline@Djobea.cm ", password="a-first-password", role="operator",
                             name=" Aline ", actor=boss)
    session.commit()
    assert (created.email, created.name, created.role, created.active) == ("aline@djobea.cm", "Aline", "operator", True)
    assert authenticate(session=session, email="aline@djobea.cm", password="a-first-password").account is not None
    [entry] = _audit(session, "account.create")
    assert (entry.actor, entry.target) == ("boss@djobea.cm", f"account:{created.id}")
    assert entry.detail == {"email": "aline@djobea.cm", "role": "operator"}


@pytest.mark.parametrize(("email", "password", "role", "name", "error"), [
    ("aline@djobea.cm", "too-short", "operator", "", "at least 10 characters"),
    ("not-an-email", "a-first-password", "operator", "", "valid email"),
    ("aline@djobea.cm", "a-first-password", "owner", "", "role must be one of"),
    ("aline@djobea.cm", "a-first-password", "operator", "x" * 121, "at most 120"),
    ("BOSS@djobea.cm", "a-first-password", "operator", "", "already exists"),
])
def test_bad_input_creates_nothing(session, boss, email, password, role, name, error):
    with pytest.raises(AccountError, match=error):
        create_account(session=session, email=email, password=password, role=role, name=name, actor=boss)
    session.rollback()
    assert _count(session, Account) == 1 and _count(session, AuditEntry) == 0


def test_an_operator_cannot_manage_the_team(session, boss):
    operator = _account(session, "aline@djobea.cm", role="operator")
    with pytest.raises(AccountError, match="only an active admin"):
        create_account(session=session, email="x@djobea.cm", password="a-first-password", actor=operator)
    with pytest.raises(AccountError, match="only an active admin"):
        set_role(session=session, account_id=operator.id, role="admin", actor=operator)
    with pytest.raises(AccountError, match="only an active admin"):
        set_active(session=session, account_id=boss.id, active=False, actor=operator)
    session.rollback()
    assert (_stored(session, operator).role, _stored(session, boss).active) == ("operator", True)


def test_a_deactivated_admin_can_no_longer_act(session, boss):
    other = _account(session, "ange@djobea.cm")
    set_active(session=session, account_id=boss.id, active=False, actor=other)
    session.commit()
    with pytest.raises(AccountError, match="only an active admin"):
        reset_password(session=session, account_id=other.id, password="a-brand-new-password", actor=boss)


def test_roles_change_with_an_audit_entry(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    set_role(session=session, account_id=aline.id, role="admin", actor=boss)
    session.commit()
    assert _stored(session, aline).role == "admin"
    set_role(session=session, account_id=aline.id, role="operator", actor=boss)
    session.commit()
    assert _stored(session, aline).role == "operator"
    assert [e.detail for e in _audit(session, "account.role")] == [
        {"email": "aline@djobea.cm", "from": "operator", "to": "admin"},
        {"email": "aline@djobea.cm", "from": "admin", "to": "operator"}]
    set_role(session=session, account_id=aline.id, role="operator", actor=boss)  # no change, no entry
    assert len(_audit(session, "account.role")) == 2


def test_unknown_roles_and_accounts_are_refused(session, boss):
    with pytest.raises(AccountError, match="role must be one of"):
        set_role(session=session, account_id=boss.id, role="superuser", actor=boss)
    for change in (lambda: set_role(session=session, account_id=9999, role="operator", actor=boss),
                   lambda: set_active(session=session, account_id=9999, active=False, actor=boss),
                   lambda: reset_password(session=session, account_id=9999, password="a-brand-new-password",
                                          actor=boss)):
        with pytest.raises(AccountError, match="no account with id 9999"):
            change()
    assert _count(session, AuditEntry) == 0


def test_the_last_active_admin_is_never_demoted_or_deactivated(session, boss):
    with pytest.raises(AccountError, match="at least one active admin"):
        set_active(session=session, account_id=boss.id, active=False, actor=boss)
    with pytest.raises(AccountError, match="at least one active admin"):
        set_role(session=session, account_id=boss.id, role="operator", actor=boss)
    session.rollback()
    stored = _stored(session, boss)
    assert (stored.role, stored.active) == ("admin", True)


def test_an_inactive_admin_does_not_count_as_the_admin_left(session, boss):
    ange = _account(session, "ange@djobea.cm")
    set_active(session=session, account_id=ange.id, active=False, actor=boss)
    session.commit()
    with pytest.raises(AccountError, match="at least one active admin"):
        set_role(session=session, account_id=boss.id, role="operator", actor=boss)


def test_an_admin_never_demotes_or_deactivates_themselves(session, boss):
    _account(session, "ange@djobea.cm")  # another admin: the rule is about oneself, not about the last admin
    with pytest.raises(AccountError, match="cannot deactivate your own account"):
        set_active(session=session, account_id=boss.id, active=False, actor=boss)
    with pytest.raises(AccountError, match="cannot demote your own account"):
        set_role(session=session, account_id=boss.id, role="operator", actor=boss)
    session.rollback()
    stored = _stored(session, boss)
    assert (stored.role, stored.active) == ("admin", True) and _count(session, AuditEntry) == 0


def test_another_admin_can_be_demoted_and_deactivated(session, boss):
    ange = _account(session, "ange@djobea.cm")
    set_role(session=session, account_id=ange.id, role="operator", actor=boss)
    set_active(session=session, account_id=ange.id, active=False, actor=boss)
    session.commit()
    stored = _stored(session, ange)
    assert (stored.role, stored.active) == ("operator", False)


def test_deactivation_ends_sessions_and_refuses_sign_in(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    token = signed_in(session, aline)
    set_active(session=session, account_id=aline.id, active=False, actor=boss)
    session.commit()
    assert resolve(session=session, kind="admin", token=token) is None
    assert authenticate(session=session, email="aline@djobea.cm", password=PASSWORD).error == WRONG
    [entry] = _audit(session, "account.deactivate")
    assert (entry.actor, entry.target) == ("boss@djobea.cm", f"account:{aline.id}")


def test_reactivation_lifts_the_sign_in_delays(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    for _ in range(FREE_TRIES):
        authenticate(session=session, email="aline@djobea.cm", password="wrong", ip="10.0.0.1")
        session.commit()
    assert authenticate(session=session, email="aline@djobea.cm", password=PASSWORD, ip="10.0.0.1").wait_seconds
    set_active(session=session, account_id=aline.id, active=False, actor=boss)
    session.commit()
    set_active(session=session, account_id=aline.id, active=True, actor=boss)
    session.commit()
    assert authenticate(session=session, email="aline@djobea.cm", password=PASSWORD, ip="10.0.0.1").account
    stored = _stored(session, aline)
    assert (stored.active, stored.failed_logins) == (True, 0)


def test_a_password_reset_ends_the_accounts_sessions(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    token = signed_in(session, aline)
    reset_password(session=session, account_id=aline.id, password="a-brand-new-password", actor=boss)
    session.commit()
    assert resolve(session=session, kind="admin", token=token) is None
    assert verify_password(_stored(session, aline).password_hash, "a-brand-new-password")
    [entry] = _audit(session, "account.password")
    assert (entry.actor, entry.target) == ("boss@djobea.cm", f"account:{aline.id}")


def test_a_password_reset_refuses_short_passwords_and_oneself(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    with pytest.raises(AccountError, match="at least 10 characters"):
        reset_password(session=session, account_id=aline.id, password="short", actor=boss)
    with pytest.raises(AccountError, match="your account page"):
        reset_password(session=session, account_id=boss.id, password="a-brand-new-password", actor=boss)
    session.rollback()
    assert verify_password(_stored(session, aline).password_hash, PASSWORD)
    assert verify_password(_stored(session, boss).password_hash, PASSWORD)
    assert _count(session, AuditEntry) == 0


def test_changing_ones_own_password_needs_the_current_one(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    token = signed_in(session, aline)
    for current, new, error in (("not-my-password", "a-brand-new-password", "current password is wrong"),
                                (PASSWORD, "short", "at least 10 characters"),
                                (PASSWORD, PASSWORD, "must differ")):
        with pytest.raises(AccountError, match=error):
            change_own_password(session=session, account=aline, current=current, new=new)
        session.rollback()
    assert resolve(session=session, kind="admin", token=token) is not None
    updated = change_own_password(session=session, account=aline, current=PASSWORD, new="a-brand-new-password")
    session.commit()
    assert resolve(session=session, kind="admin", token=token) is None
    assert resolve(session=session, kind="admin", token=signed_in(session, updated)) is not None
    [entry] = _audit(session, "account.password")
    assert (entry.actor, entry.detail) == ("aline@djobea.cm", {"email": "aline@djobea.cm", "own": True})


def test_a_deactivated_account_cannot_change_its_password(session, boss):
    aline = _account(session, "aline@djobea.cm", role="operator")
    set_active(session=session, account_id=aline.id, active=False, actor=boss)
    session.commit()
    with pytest.raises(AccountError, match="no longer active"):
        change_own_password(session=session, account=aline, current=PASSWORD, new="a-brand-new-password")


def test_two_admins_removing_each_other_at_once_leave_one_active(engine, session, boss):
    ange = _account(session, "ange@djobea.cm")
    outcome: list[str] = []

    def ange_removes_boss() -> None:
        with Session(engine) as second:
            try:
                set_active(session=second, account_id=boss.id, active=False, actor=ange)
                second.commit()
                outcome.append("done")
            except AccountError as exc:
                outcome.append(str(exc))

    asking = threading.Event()
    other = threading.Thread(target=ange_removes_boss)

    def lock_asked(conn, cursor, statement, *_) -> None:
        if threading.current_thread() is other and ("FOR UPDATE" in statement or statement.startswith("BEGIN")):
            asking.set()

    sa.event.listen(engine, "before_cursor_execute", lock_asked)
    try:
        with Session(engine) as first:
            set_active(session=first, account_id=ange.id, active=False, actor=boss)
            other.start()
            assert asking.wait(timeout=30)  # the other change asks for the lock this transaction holds
            _until_a_backend_waits_on_a_lock(engine)
            first.commit()
        other.join(timeout=30)
    finally:
        sa.event.remove(engine, "before_cursor_execute", lock_asked)
    assert outcome == ["only an active admin can manage accounts"]
    assert [a.email for a in session.exec(select(Account).where(Account.active.is_(True)))] == ["boss@djobea.cm"]


def _until_a_backend_waits_on_a_lock(engine) -> None:
    """On PostgreSQL, return once the server shows a session waiting on a row lock (SQLite cannot show it)."""
    if engine.dialect.name != "postgresql":
        return
    query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")
    for _ in range(3000):
        with engine.connect() as conn:
            if conn.execute(query).scalar():
                return
        time.sleep(0.01)
    raise AssertionError("the other change never waited on the lock")

