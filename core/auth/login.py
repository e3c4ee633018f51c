"""Admin sign-in with email and password: a growing delay per account and address, a cap per address.

A stranger guessing from one address only slows their own guesses: the account is never locked for everyone, so
its owner still signs in from anywhere else.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from core import clock
from core.auth import throttle
from core.auth.models import Account
from core.auth.passwords import hash_password, verify_password
from core.logs import log

MAX_IP_FAILURES = 20  # per address, over any accounts, in WINDOW_SECONDS
WINDOW_SECONDS = 15 * 60
WRONG = "Email ou mot de passe incorrect."
LOCKED = "Trop de tentatives. Réessayez dans 15 minutes."
TOO_SOON = "Trop de tentatives. Patientez un moment avant de réessayer."
_DUMMY_HASH = hash_password("not-a-real-password-only-for-timing")


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the account, or an error safe to show (it never says whether the email exists)."""

    account: Account | None
    error: str = ""
    wait_seconds: int = 0  # before this address may try this account again


def authenticate(*, session: Session, email: str, password: str, ip: str = "") -> SignIn:
    """Check email and password; failures are counted in session, so the caller commits in both cases."""
    email = (email or "").strip().lower()
    pair_key, ip_key = throttle.pair_key("login", email, ip), throttle.key_for("ip", ip or "-")
    wait = throttle.wait_seconds(session=session, key=pair_key)
    if wait:
        return SignIn(None, TOO_SOON, wait)
    if throttle.recent(session=session, key=ip_key, window_seconds=WINDOW_SECONDS) >= MAX_IP_FAILURES:
        return SignIn(None, LOCKED, WINDOW_SECONDS)
    account = session.exec(select(Account).where(Account.email == email)).first()
    # An unknown email costs the same hashing time as a wrong password, so timing tells nothing.
    valid = verify_password(account.password_hash if account else _DUMMY_HASH, password or "")
    if account is None or not valid or not account.active:
        wait = throttle.fail(session=session, key=pair_key)
        throttle.record(session=session, key=ip_key, window_seconds=WINDOW_SECONDS)
        if account is not None:
            account.failed_logins += 1
            session.add(account)
            if wait:
                log.warning("sign-in slowed down after failed tries", account_id=account.id, wait_seconds=wait)
        return SignIn(None, WRONG, wait)
    account.failed_logins, account.locked_until, account.last_login_at = 0, None, clock.now()
    session.add(account)
    throttle.forgive(session=session, key=pair_key)
    log.info("admin signed in", account_id=account.id)
    return SignIn(account)


def change_password(*, session: Session, account: Account, password: str) -> None:
    """Set a new password (at least 10 characters); every open session of the account ends."""
    if len(password) < 10:
        raise ValueError("the password must have at least 10 characters")
    account.password_hash = hash_password(password)
    session.add(account)
