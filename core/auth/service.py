"""Admin accounts: bootstrap on first start, creation from the command line."""

import secrets

from sqlmodel import Session, func, select

from core.auth.models import Account
from core.auth.passwords import hash_password
from core.config import settings

ROLES = ("admin", "operator")


class AccountError(ValueError):
    """An account cannot be created as asked."""


def create_account(*, session: Session, email: str, password: str, role: str = "admin", name: str = "") -> Account:
    """Create an admin or operator account with a hashed password."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 200:
        raise AccountError("a valid email address is required")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 10:
        raise AccountError("the password must have at least 10 characters")
    if session.exec(select(Account).where(Account.email == email)).first():
        raise AccountError(f"an account with email {email} already exists")
    account = Account(email=email, name=name, role=role, password_hash=hash_password(password))
    session.add(account)
    session.flush()
    return account


def bootstrap_admin(*, session: Session) -> tuple[str, str] | None:
    """Create the first admin when there is none; return (email, password) when it was created."""
    if session.exec(select(func.count()).select_from(Account)).one():
        return None
    password = settings.admin_password.get_secret_value() or secrets.token_urlsafe(12)
    create_account(session=session, email=settings.admin_email, password=password, role="admin", name="Admin")
    return settings.admin_email, password
