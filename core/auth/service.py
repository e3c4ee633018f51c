"""Admin accounts: bootstrap on first start, creation from the command line, and the team's management by admins."""

import secrets

from sqlmodel import Session, func, select

from core.auth import sessions, throttle
from core.auth.login import change_password
from core.auth.models import Account
from core.auth.passwords import hash_password, verify_password
from core.config import settings
from core.db import stored_id
from core.rules.models import AuditEntry
from core.texts.errors import UserError

ROLES = ("admin", "operator")
MIN_PASSWORD = 10
MAX_PASSWORD_CHECKS = 5  # wrong current passwords per account in PASSWORD_CHECK_WINDOW
PASSWORD_CHECK_WINDOW = 15 * 60


class AccountError(UserError):
    """An account cannot be created or changed as asked."""


def create_account(*, session: Session, email: str, password: str, role: str = "admin", name: str = "",
                   actor: Account | None = None) -> Account:
    """Create an admin or operator account with a hashed password; when an admin (actor) creates it, it is audited."""
    if actor is not None:
        _active_admins(session, actor)
    email, name = email.strip().lower(), name.strip()
    if "@" not in email or len(email) > 200:
        raise AccountError("error.account_email", "a valid email address is required")
    if len(name) > 120:
        raise AccountError("error.account_name", "the name must have at most 120 characters")
    if role not in ROLES:
        raise AccountError("error.account_role", f"role must be one of {', '.join(ROLES)}")
    _check_length(password)
    if session.exec(select(Account).where(Account.email == email)).first():
        raise AccountError("error.account_exists", f"an account with email {email} already exists")
    account = Account(email=email, name=name, role=role, password_hash=hash_password(password))
    session.add(account)
    session.flush()
    if actor is not None:
        _audit(session, actor, "account.create", account, role=role)
    return account


def bootstrap_admin(*, session: Session) -> tuple[str, str] | None:
    """Create the first admin when there is none; return (email, password) when it was created."""
    if session.exec(select(func.count()).select_from(Account)).one():
        return None
    password = settings.admin_password.get_secret_value() or secrets.token_urlsafe(12)
    create_account(session=session, email=settings.admin_email, password=password, role="admin", name="Admin")
    return settings.admin_email, password


def list_accounts(*, session: Session) -> list[Account]:
    """Return every account, admins first, then by email."""
    return list(session.exec(select(Account).order_by(Account.role, Account.email)))


def set_role(*, session: Session, account_id: int, role: str, actor: Account) -> Account:
    """Make the account an admin or an operator; nobody demotes themselves or the last active admin."""
    if role not in ROLES:
        raise AccountError("error.account_role", f"role must be one of {', '.join(ROLES)}")
    account, admins = _target(session, account_id, actor)
    if account.role == role:
        return account
    if role != "admin":
        _keep_an_admin(account, admins, actor, "demote")
    previous, account.role = account.role, role
    session.add(account)
    _audit(session, actor, "account.role", account, **{"from": previous, "to": role})
    return account


def set_active(*, session: Session, account_id: int, active: bool, actor: Account) -> Account:
    """Deactivate (its sessions end at once) or reactivate an account, lifting any sign-in delay."""
    account, admins = _target(session, account_id, actor)
    if account.active == active:
        return account
    if not active:
        _keep_an_admin(account, admins, actor, "deactivate")
    else:
        account.failed_logins, account.locked_until = 0, None
        throttle.forgive_everywhere(session=session, kind="login", who=account.email)
    account.active = active
    session.add(account)
    if not active:
        sessions.end_all(session=session, kind=sessions.ADMIN_KEY, subject_id=stored_id(account))
    _audit(session, actor, "account.activate" if active else "account.deactivate", account)
    return account


def reset_password(*, session: Session, account_id: int, password: str, actor: Account) -> Account:
    """Give another account a new password; its open sessions end."""
    _check_length(password)
    account, _ = _target(session, account_id, actor)
    if account.id == actor.id:
        raise AccountError("error.account_own_password",
                           "change your own password on your account page, with your current password")
    change_password(session=session, account=account, password=password)
    _audit(session, actor, "account.password", account)
    return account


def change_own_password(*, session: Session, account: Account, current: str, new: str) -> Account:
    """Change one's own password after checking the current one; return the updated account.

    Wrong current passwords are counted in session (the caller commits even when this raises) and throttled.
    """
    stored = session.get(Account, account.id) if account.id is not None else None
    if stored is None or not stored.active:
        raise AccountError("error.account_inactive", "this account is no longer active")
    key = throttle.key_for("password-check", str(stored.id))
    if throttle.recent(session=session, key=key, window_seconds=PASSWORD_CHECK_WINDOW) >= MAX_PASSWORD_CHECKS:
        raise AccountError("error.account_throttled", "too many wrong current passwords: try again in 15 minutes")
    if not verify_password(stored.password_hash, current or ""):
        throttle.record(session=session, key=key, window_seconds=PASSWORD_CHECK_WINDOW)
        raise AccountError("error.account_wrong_password", "the current password is wrong")
    _check_length(new)
    if new == current:
        raise AccountError("error.account_same_password", "the new password must differ from the current one")
    change_password(session=session, account=stored, password=new)
    _audit(session, stored, "account.password", stored, own=True)
    return stored


def _check_length(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError("error.account_short_password",
                           f"the password must have at least {MIN_PASSWORD} characters", size=MIN_PASSWORD)


def _active_admins(session: Session, actor: Account) -> list[int]:
    """Return the active admins' ids, refusing an actor who is not one of them.

    On PostgreSQL the rows stay locked until commit, so two admins removing each other at the same moment are
    taken one after the other and the second sees the first's change (SQLite already takes its write lock at BEGIN).
    """
    active_admin = (Account.role == "admin", Account.active.is_(True))
    admins = list(session.exec(select(Account.id).where(*active_admin).order_by(Account.id).with_for_update()))
    if actor.id not in admins:
        raise AccountError("error.account_admin_only", "only an active admin can manage accounts")
    return admins


def _target(session: Session, account_id: int, actor: Account) -> tuple[Account, list[int]]:
    admins = _active_admins(session, actor)
    account = session.get(Account, account_id)
    if account is None:
        raise AccountError("error.account_unknown", f"no account with id {account_id}")
    return account, admins


def _keep_an_admin(account: Account, admins: list[int], actor: Account, verb: str) -> None:
    if account.id in admins and len(admins) <= 1:
        raise AccountError("error.account_last_admin", "there must always be at least one active admin")
    if account.id == actor.id:
        raise AccountError("error.account_self", f"you cannot {verb} your own account")


def _audit(session: Session, actor: Account, action: str, account: Account, **detail: object) -> None:
    session.add(AuditEntry(actor=actor.email, action=action, target=f"account:{account.id}",
                           detail={"email": account.email, **detail}))
