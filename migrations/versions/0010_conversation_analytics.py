"""what the engine made of each customer turn, for conversation analytics

Revision ID: 0010_conversation_analytics
Revises: 0006_sessions_throttle
Create Date: 2026-12-03 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0010_conversation_analytics'
down_revision: str | None = '0006_sessions_throttle'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def _columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column('intent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column('understood', sa.Boolean(), nullable=True),
        sa.Column('model', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False, server_default=''),
        sa.Column('model_calls', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('model_cost_microusd', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('model_unpriced', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('asked', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False, server_default=''),
    )


def upgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        for column in _columns():
            batch_op.add_column(column)
        batch_op.create_index('ix_message_channel_created_at', ['channel', 'created_at'], unique=False)
    with op.batch_alter_table('message', schema=None) as batch_op:
        for column in _columns():
            if column.server_default is not None:
                batch_op.alter_column(column.name, server_default=None)  # the models give the defaults
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_created_at', ['created_at'], unique=False)
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_llmcall_conversation_id'), ['conversation_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_llmcall_conversation_id'))
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_created_at')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_channel_created_at')
        for column in reversed(_columns()):
            batch_op.drop_column(column.name)
