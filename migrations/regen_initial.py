"""Regenerate the initial migration from the models (only while the schema has never shipped).

Run: python migrations/regen_initial.py
"""

import tempfile
from pathlib import Path

from alembic import command

from core.config import reload_settings
from core.db import alembic_config, dispose_engine

VERSIONS = Path(__file__).parent / "versions"

for old in VERSIONS.glob("0001_*.py"):
    old.unlink()
with tempfile.TemporaryDirectory() as tmp:
    reload_settings(DATABASE_URL=f"sqlite:///{tmp}/regen.db")
    dispose_engine()
    command.revision(alembic_config(), message="initial schema", autogenerate=True, rev_id="0001")
    dispose_engine()
for new in VERSIONS.glob("0001_*.py"):
    print("wrote", new)
