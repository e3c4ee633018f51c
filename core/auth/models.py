"""Admin accounts and providers' one-time login codes."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from core.dbtypes import utc_field


class Account(SQLModel, table=True):
    """An admin or operator who signs in with email and password."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, max_length=200)
    name: str = Field(default="", max_length=120)
    password_hash: str = Field(max_length=300)
    role: str = Field(default="admin", max_length=10)  # admin | operator
    active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = utc_field()
    created_at: datetime = utc_field(default_now=True)
    last_login_at: datetime | None = utc_field()


class LoginCode(SQLModel, table=True):
    """A hashed six-digit code sent to a provider on WhatsApp."""

    id: int | None = Field(default=None, primary_key=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    code_hash: str = Field(max_length=300)
    attempts: int = 0
    expires_at: datetime = utc_field(default_now=True)
    used_at: datetime | None = utc_field()
    created_at: datetime = utc_field(default_now=True)


class SignInSession(SQLModel, table=True):
    """One browser's sign-in of an account or a provider, found by the hash of its cookie; ended or idle, it is dead.

    It starts as a single-use ticket bound to the browser that signed in, traded once for the cookie.
    """

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)  # admin | provider
    subject_id: int = Field(index=True)  # the account's or the provider's id
    version: str = Field(max_length=16)  # the account's or provider's session version at sign-in
    ticket_hash: str | None = Field(default=None, max_length=64, unique=True)
    token_hash: str | None = Field(default=None, max_length=64, unique=True)
    browser_hash: str = Field(default="", max_length=64)
    address: str = Field(default="", max_length=64)
    created_at: datetime = utc_field(default_now=True)
    last_seen_at: datetime = utc_field(default_now=True)
    ended_at: datetime | None = utc_field()


class SignInDelay(SQLModel, table=True):
    """Failed tries of one secret by one key (an account and an address): past the first few, each doubles the wait."""

    key: str = Field(primary_key=True, max_length=60)
    failures: int = 0
    last_failure_at: datetime = utc_field(default_now=True)
