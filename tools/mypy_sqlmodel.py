"""Mypy plugin: a SQLModel table's fields read on the class are SQL columns, read on a row they are values.

`Offer.status == "pending"` builds a SQL expression and `offer.status` is a str, but SQLModel declares both with the
one annotation `status: str`. This plugin types class-level access of a table model's field as SQLAlchemy's
`InstrumentedAttribute[T]` (so `==`, `.in_()`, `.desc()`, `.is_(None)` give column expressions), keeps instance
access as declared, and drops `None` from a primary key on the class (`id: int | None` is None only before flush,
never in a query).

The table flag and the primary keys are read from the class body when mypy first analyses it and kept in the
class's metadata, so a run from mypy's cache types them the same way.
"""

from collections.abc import Callable

from mypy.nodes import AssignmentStmt, CallExpr, ClassDef, MypyFile, NameExpr, TypeInfo, Var
from mypy.plugin import AttributeContext, ClassDefContext, Plugin
from mypy.types import Instance, NoneType, Type, UnionType, get_proper_type

SQLMODEL = "sqlmodel.main.SQLModel"
COLUMN = "sqlalchemy.orm.attributes.InstrumentedAttribute"
KEY = "djobea-sqlmodel"


class SQLModelPlugin(Plugin):
    # The MRO hook runs once per class with its body still unanalysed: the one hook the pydantic plugin leaves free
    # (chained plugins share a hook kind on a first-come basis, and pydantic takes the base-class hook).
    def get_customize_class_mro_hook(self, fullname: str) -> Callable[[ClassDefContext], None] | None:
        return _record_table

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        return [(10, COLUMN.rpartition(".")[0], -1)]  # the column type must be loaded wherever a model is read

    def get_class_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        class_name, _, attribute = fullname.rpartition(".")
        symbol = self.lookup_fully_qualified(class_name)
        info = symbol.node if symbol else None
        if not isinstance(info, TypeInfo) or not info.metadata.get(KEY, {}).get("table"):
            return None
        found = info.get(attribute)
        field = found.node if found else None
        if not isinstance(field, Var) or field.is_classvar or field.is_property or attribute.startswith("_"):
            return None
        if field.info is None or not _is_sqlmodel(field.info) or field.info.fullname == SQLMODEL:
            return None
        column = self.lookup_fully_qualified(COLUMN)
        if column is None or not isinstance(column.node, TypeInfo):
            return None
        column_info, primary_key = column.node, attribute in info.metadata[KEY]["primary_keys"]
        return lambda ctx: _column_type(ctx, column_info, primary_key)


def _is_sqlmodel(info: TypeInfo) -> bool:
    return any(base.fullname == SQLMODEL for base in info.mro)


def _record_table(ctx: ClassDefContext) -> None:
    info = ctx.cls.info
    if not _is_sqlmodel(info) or info.fullname == SQLMODEL:
        return
    inherited = [key for base in info.mro[1:] for key in base.metadata.get(KEY, {}).get("primary_keys", [])]
    primary_keys = sorted({*inherited, *_primary_keys(ctx.cls)})
    info.metadata[KEY] = {"table": _declares_table(ctx.cls), "primary_keys": primary_keys}


def _declares_table(cls: ClassDef) -> bool:
    table = cls.keywords.get("table")
    return isinstance(table, NameExpr) and table.name == "True"


def _primary_keys(cls: ClassDef) -> list[str]:
    names: list[str] = []
    for statement in cls.defs.body:
        if not (isinstance(statement, AssignmentStmt) and isinstance(statement.rvalue, CallExpr)):
            continue
        call = statement.rvalue
        for name, value in zip(call.arg_names, call.args, strict=True):
            if name == "primary_key" and isinstance(value, NameExpr) and value.name == "True":
                names += [target.name for target in statement.lvalues if isinstance(target, NameExpr)]
    return names


def _column_type(ctx: AttributeContext, column: TypeInfo, primary_key: bool) -> Type:
    if ctx.is_lvalue:
        return ctx.default_attr_type
    value = get_proper_type(ctx.default_attr_type)
    if primary_key and isinstance(value, UnionType):
        kept = [item for item in value.items if not isinstance(get_proper_type(item), NoneType)]
        value = get_proper_type(UnionType.make_union(kept))
    return Instance(column, [value])


def plugin(version: str) -> type[Plugin]:
    """Mypy's entry point."""
    return SQLModelPlugin
