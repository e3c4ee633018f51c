"""Stored overrides of business rules, and an audit log of admin actions."""

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from core.dbtypes import json_field, utc_field


class BusinessRule(SQLModel, table=True):
    """An admin's override of one setting (offer size, deadlines, commission, weights)."""

    key: str = Field(primary_key=True, max_length=60)
    value: Any = json_field(lambda: None)
    updated_by: str = Field(default="", max_length=120)
    updated_at: datetime = utc_field(default_now=True)


class AuditEntry(SQLModel, table=True):
    """Who did what, to what, when."""

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(max_length=120)
    action: str = Field(max_length=60)
    target: str = Field(default="", max_length=120)
    detail: dict = json_field(dict)
    at: datetime = utc_field(default_now=True, index=True)
