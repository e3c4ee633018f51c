"""INSERT ... ON CONFLICT, written once for SQLite and PostgreSQL (both speak it; SQLAlchemy has one class each)."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert


def upsert(dialect: str, table: Any, values: Mapping[str, Any], *, keys: list[str],
           update: Mapping[str, Any] | None = None, add: Iterable[str] = ()) -> Insert:
    """Return INSERT values, and on a clash of keys UPDATE with update (or DO NOTHING without either).

    add names counters the clashing row adds its values to (concurrent writers add up, none is lost).
    table is a Table or a table model; add .returning(...) to the result where the caller needs a column back.
    """
    table = getattr(table, "__table__", table)
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    statement = insert.values(**values)
    changes = {**(update or {}), **{name: table.c[name] + statement.excluded[name] for name in add}}
    if changes:
        return statement.on_conflict_do_update(index_elements=keys, set_=changes)
    return statement.on_conflict_do_nothing(index_elements=keys)


def dialect_of(connectable: Any) -> str:
    """Return the dialect name ("postgresql", "sqlite") of a session, connection or engine."""
    bind = connectable.get_bind() if hasattr(connectable, "get_bind") else connectable
    return bind.dialect.name


@dataclass(frozen=True)
class PsycopgStatement:
    """A statement written with SQLAlchemy, as text and parameters a bare psycopg connection takes (%s style)."""

    sql: str
    names: tuple[str, ...]
    processors: Mapping[str, Callable[[Any], Any]]

    def params(self, values: Mapping[str, Any]) -> tuple:
        """Return the values in placeholder order, each converted as the column's type does (JSON as text)."""
        return tuple(self.processors[name](values.get(name)) if name in self.processors else values.get(name)
                     for name in self.names)


def for_psycopg(statement: sa.sql.ClauseElement, *, many: bool = False) -> PsycopgStatement:
    """Compile a statement once for psycopg, so the same INSERT serves the ORM path and the async connections."""
    dialect = postgresql.psycopg.dialect(paramstyle="format")
    compiled = statement.compile(dialect=dialect, for_executemany=many)
    assert isinstance(compiled, SQLCompiler)  # a statement (not DDL) compiles to SQL with positional binds
    names = tuple(compiled.positiontup or ())
    processors = {}
    for name in names:
        process = compiled.binds[name].type.bind_processor(dialect)
        if process is not None:
            processors[name] = process
    return PsycopgStatement(str(compiled), names, processors)
