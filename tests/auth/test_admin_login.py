from datetime import timedelta

from sqlmodel import select

from core import clock
from core.auth.login import LOCKED, MAX_IP_FAILURES, TOO_SOON, WRONG, authenticate, change_password
from core.auth.models import Account
from core.auth.service import create_account
from core.auth.sessions import has_role, resolve
from core.auth.throttle import FREE_TRIES
from core.counters import RateCounter
from tests.factories import signed_in

PASSWORD = "correct-horse-battery"


def _account(session, email="ops@djobea.cm", role="admin") -> Account:
    account = create_account(session=session, email=email, password=PASSWORD, role=role)
    session.commit()
    return account


def _try(session, email, password, ip="10.0.0.1"):
    outcome = authenticate(session=session, email=email, password=password, ip=ip)
    session.commit()  # the caller commits in both cases, so failures are counted
    return outcome


def test_right_password_signs_in_and_wrong_one_does_not(session):
    account = _account(session)
    assert _try(session, "OPS@djobea.cm ", PASSWORD).account.id == account.id
    wrong = _try(session, "ops@djobea.cm", "nope")
    assert wrong.account is None and wrong.error == WRONG


def test_unknown_email_gets_the_same_message_as_a_wrong_password(session):
    _account(session)
    assert _try(session, "nobody@djobea.cm", PASSWORD).error == _try(session, "ops@djobea.cm", "bad").error == WRONG


def test_repeated_failures_from_one_address_make_it_wait_then_it_may_try_again(session):
    _account(session)
    for _ in range(FREE_TRIES):
        assert _try(session, "ops@djobea.cm", "bad").error == WRONG
    waiting = _try(session, "ops@djobea.cm", PASSWORD)
    assert waiting.account is None and waiting.error == TOO_SOON and waiting.wait_seconds > 0
    stored = session.exec(select(Account)).one()
    session.refresh(stored)
    assert stored.failed_logins == FREE_TRIES and stored.locked_until is None
    clock.advance(timedelta(seconds=waiting.wait_seconds))
    assert _try(session, "ops@djobea.cm", PASSWORD).account is not None
    session.refresh(stored)
    assert stored.failed_logins == 0


def test_an_unknown_email_is_slowed_down_just_like_a_real_one(session):
    for _ in range(FREE_TRIES):
        _try(session, "ghost@djobea.cm", "bad")
    assert _try(session, "ghost@djobea.cm", "bad").error == TOO_SOON


def test_one_address_trying_many_accounts_is_throttled(session):
    _account(session)
    for n in range(MAX_IP_FAILURES):
        _try(session, f"guess{n}@djobea.cm", "bad", ip="203.0.113.9")
    assert _try(session, "ops@djobea.cm", PASSWORD, ip="203.0.113.9").error == LOCKED
    assert _try(session, "ops@djobea.cm", PASSWORD, ip="198.51.100.7").account is not None


def test_counters_do_not_store_the_email_or_address(session):
    _try(session, "someone@djobea.cm", "bad", ip="203.0.113.9")
    keys = " ".join(session.exec(select(RateCounter.key)).all())
    assert "someone" not in keys and "203.0.113.9" not in keys


def test_a_deactivated_account_cannot_sign_in_and_its_sessions_end(session):
    account = _account(session)
    token = signed_in(session, account)
    assert resolve(session=session, kind="admin", token=token) is not None
    account.active = False
    session.add(account)
    session.commit()
    assert _try(session, "ops@djobea.cm", PASSWORD).error == WRONG
    assert resolve(session=session, kind="admin", token=token) is None


def test_a_new_password_ends_old_sessions(session):
    account = _account(session)
    token = signed_in(session, account)
    change_password(session=session, account=account, password="another-long-password")
    session.commit()
    assert resolve(session=session, kind="admin", token=token) is None
    assert resolve(session=session, kind="admin", token=signed_in(session, account)) is not None


def test_tampered_or_borrowed_tokens_are_refused(session):
    account = _account(session)
    token = signed_in(session, account)
    assert resolve(session=session, kind="admin", token=token + "x") is None
    assert resolve(session=session, kind="admin", token="") is None
    assert resolve(session=session, kind="admin", token=None) is None
    assert resolve(session=session, kind="provider", token=token) is None  # an admin session is not a provider's


def test_roles_rank_admin_above_operator(session):
    operator = _account(session, "op@djobea.cm", role="operator")
    assert has_role(operator, "operator") and not has_role(operator, "admin")
