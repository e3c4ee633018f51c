"""sign-in sessions kept in the database, and growing delays after failed sign-ins

Revision ID: 0006_sessions_throttle
Revises: 0005_llm_budget
Create Date: 2026-12-03 18:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.dbtypes

revision: str = '0006_sessions_throttle'
down_revision: str | None = '0005_llm_budget'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('signinsession',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('version', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('ticket_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('browser_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', core.dbtypes.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_hash'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('signinsession', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signinsession_subject_id'), ['subject_id'], unique=False)

    op.create_table('signindelay',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('signindelay')
    with op.batch_alter_table('signinsession', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signinsession_subject_id'))

    op.drop_table('signinsession')
