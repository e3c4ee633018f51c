"""The mypy plugin in tools/: a table's fields read on the class are SQL columns, read on a row they are values."""

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = '''
from sqlmodel import Field, SQLModel

class Thing(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    note: str | None = None

class ThingBase(SQLModel):
    name: str = ""

reveal_type(Thing.id)
reveal_type(Thing.note)
reveal_type(Thing.name == "x")
reveal_type(Thing().id)
reveal_type(Thing().name)
reveal_type(ThingBase.name)
'''


def test_class_access_is_a_column_and_row_access_a_value(tmp_path):
    (tmp_path / "sample.py").write_text(SAMPLE)
    (tmp_path / "mypy.ini").write_text(f"[mypy]\nplugins = pydantic.mypy, {ROOT / 'tools' / 'mypy_sqlmodel.py'}\n")
    out, _, _ = api.run([str(tmp_path / "sample.py"), "--config-file", str(tmp_path / "mypy.ini"),
                         "--cache-dir", str(tmp_path / "cache")])
    revealed = [line.split("Revealed type is ", 1)[1].strip('"') for line in out.splitlines() if "Revealed" in line]
    assert revealed == [
        "sqlalchemy.orm.attributes.InstrumentedAttribute[int]",  # a primary key is never None in a query
        "sqlalchemy.orm.attributes.InstrumentedAttribute[str | None]",
        "sqlalchemy.sql.elements.ColumnElement[bool]",
        "int | None",  # None until the row is flushed
        "str",
        "str",  # not a table: no column
    ], out
