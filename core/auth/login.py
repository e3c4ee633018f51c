"""Admin sign-in with email and password, throttled per account and per address."""

from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from core import clock
from core.auth import throttle
from core.auth.models import Account
from core.auth.passwords import hash_password, verify_password
from core.logs import log

MAX_FAILURES = 5  # per email, then the account is locked
LOCK_MINUTES = 15
MAX_IP_FAILURES = 20  # per address over the same window
WINDOW_SECONDS = LOCK_MINUTES * 60
WRONG = "Email ou mot de passe incorrect."
LOCKED = "Trop de tentatives. Réessayez dans 15 minutes."
_DUMMY_HASH = hash_password("not-a-real-password-only-for-timing")


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the account, or an error safe to show (it never says whether the email exists)."""

    account: Account | None
    error: str = ""


def authenticate(*, session: Session, email: str, password: str, ip: str = "") -> SignIn:
    """Check email and password; failures are counted in session, so the caller commits in both cases."""
    email = (email or "").strip().lower()
    email_key, ip_key = throttle.key_for("email", email), throttle.key_for("ip", ip or "-")
    account = session.exec(select(Account).where(Account.email == email)).first()
    now = clock.now()
    locked = (throttle.recent(session=session, key=email_key, window_seconds=WINDOW_SECONDS) >= MAX_FAILURES
              or (account is not None and account.locked_until is not None and account.locked_until > now))
    if locked or throttle.recent(session=session, key=ip_key, window_seconds=WINDOW_SECONDS) >= MAX_IP_FAILURES:
        return SignIn(None, LOCKED)
    # An unknown email costs the same hashing time as a wrong password, so timing tells nothing.
    valid = verify_password(account.password_hash if account else _DUMMY_HASH, password or "")
    if account is None or not valid or not account.active:
        _failed(session, account, email_key, ip_key)
        return SignIn(None, WRONG)
    account.failed_logins, account.locked_until, account.last_login_at = 0, None, now
    session.add(account)
    throttle.clear(session=session, key=email_key)
    log.info("admin signed in", account_id=account.id)
    return SignIn(account)


def _failed(session: Session, account: Account | None, email_key: str, ip_key: str) -> None:
    failures = throttle.record(session=session, key=email_key, window_seconds=WINDOW_SECONDS)
    throttle.record(session=session, key=ip_key, window_seconds=WINDOW_SECONDS)
    if account is not None:
        account.failed_logins += 1
        if failures >= MAX_FAILURES:
            account.locked_until = clock.now() + timedelta(minutes=LOCK_MINUTES)
            log.warning("admin account locked after failed sign-ins", account_id=account.id)
        session.add(account)


def change_password(*, session: Session, account: Account, password: str) -> None:
    """Set a new password (at least 10 characters); every open session of the account ends."""
    if len(password) < 10:
        raise ValueError("the password must have at least 10 characters")
    account.password_hash = hash_password(password)
    session.add(account)
