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
