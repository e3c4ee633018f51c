"""worker heartbeats, read by readiness checks

Revision ID: 0012_fleet
Revises: 0010_conversation_analytics
Create Date: 2026-12-03 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.dbtypes

revision: str = '0012_fleet'
down_revision: str | None = '0010_conversation_analytics'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('workerheartbeat',
    sa.Column('process', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('started_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('seen_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('stopping', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('process')
    )
    op.create_index(op.f('ix_workerheartbeat_seen_at'), 'workerheartbeat', ['seen_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_workerheartbeat_seen_at'), table_name='workerheartbeat')
    op.drop_table('workerheartbeat')
