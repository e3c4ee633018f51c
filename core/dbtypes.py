"""Column types shared by every table: times are stored UTC and always read back timezone-aware; statuses are
stored as plain text and read back as their enum."""

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from core import clock


class UTCDateTime(sa.types.TypeDecorator):
    """A DateTime that stores UTC and returns aware UTC datetimes on SQLite and PostgreSQL alike."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use core.clock.now()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return clock.as_utc(value) if value is not None else None


class JSONText(sa.types.TypeDecorator):
    """JSON kept as text, so the same schema serves SQLite and PostgreSQL."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> Any:
        return None if value is None else json.loads(value)


def utc_field(*, default_now: bool = False, index: bool = False, nullable: bool = True) -> Any:
    """A timestamp column; default_now fills it with core.clock.now() on insert."""
    return Field(
        default_factory=clock.now if default_now else lambda: None,
        sa_type=UTCDateTime(),
        index=index,
        nullable=not default_now and nullable,
    )


def json_field(default_factory: Any = dict) -> Any:
    """A JSON column (dict or list)."""
    return Field(default_factory=default_factory, sa_type=JSONText())


class EnumText(sa.types.TypeDecorator):
    """A StrEnum stored as its plain text value (a VARCHAR, as before) and read back as the enum member."""

    impl = sa.String
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum], length: int | None = None) -> None:
        super().__init__(length=length)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: str | None, dialect: sa.Dialect) -> str | None:
        # A plain string is bound as it is: a filter from a URL with an unknown status finds nothing, as before.
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> StrEnum | str | None:
        if value is None:
            return None
        try:
            return self.enum_cls(value)
        except ValueError:
            return value  # a row written before its status was listed stays readable

    @property
    def python_type(self) -> type:
        return self.enum_cls


def enum_field(enum_cls: type[StrEnum], *, default: StrEnum | None = None, max_length: int, index: bool = False) -> Any:
    """A status column holding enum_cls's values as text (nullable when the annotation allows None)."""
    return Field(default=default, sa_type=EnumText(enum_cls, max_length), index=index)
