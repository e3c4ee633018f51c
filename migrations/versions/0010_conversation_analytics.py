"""what the engine made of each customer turn, and each conversation's path to a request, for conversation analytics

Revision ID: 0010_conversation_analytics
Revises: 0008_handoff
Create Date: 2026-12-03 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.dbtypes

revision: str = '0010_conversation_analytics'
down_revision: str | None = '0008_handoff'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TURN_INCLUDE = ['understood', 'model_calls', 'model_cost_microusd', 'model_unpriced', 'conversation_id']


def _message_columns() -> tuple[sa.Column, ...]:
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


def _conversation_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column('read_turns', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('first_turn_at', core.dbtypes.UTCDateTime(timezone=True), nullable=True),
        sa.Column('last_asked', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False, server_default=''),
        sa.Column('request_at', core.dbtypes.UTCDateTime(timezone=True), nullable=True),
        sa.Column('turns_to_request', sa.Integer(), nullable=True),
    )


def upgrade() -> None:
    # Plain ADD COLUMN: on SQLite a batch copy would drop tables that others' foreign keys point at.
    for table, columns in (('message', _message_columns()), ('conversation', _conversation_columns())):
        for column in columns:
            op.add_column(table, column)
        if op.get_bind().dialect.name != 'sqlite':  # SQLite cannot drop a default without copying the table
            for column in columns:
                if column.server_default is not None:
                    op.alter_column(table, column.name, server_default=None)  # the models give the defaults
    op.create_index('ix_message_turn', 'message', ['created_at', 'channel', 'intent', 'language'], unique=False,
                    postgresql_include=_TURN_INCLUDE, postgresql_where=sa.text('intent IS NOT NULL'),
                    sqlite_where=sa.text('intent IS NOT NULL'))
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_created_at', ['created_at'], unique=False)
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_llmcall_conversation_id'), ['conversation_id'], unique=False)
    op.create_table('turnday',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('intent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('turns', sa.Integer(), nullable=False),
    sa.Column('not_understood', sa.Integer(), nullable=False),
    sa.Column('with_model', sa.Integer(), nullable=False),
    sa.Column('model_calls', sa.Integer(), nullable=False),
    sa.Column('model_cost_microusd', sa.Integer(), nullable=False),
    sa.Column('model_unpriced', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day', 'channel', 'intent', 'language')
    )
    with op.batch_alter_table('turnday', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_turnday_day'), ['day'], unique=False)
    # Earlier conversations have no turn read yet; their first request is known.
    op.execute("UPDATE conversation SET request_at = (SELECT min(r.created_at) FROM servicerequest r"
               " WHERE r.conversation_id = conversation.id)")


def downgrade() -> None:
    with op.batch_alter_table('turnday', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_turnday_day'))
    op.drop_table('turnday')
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_llmcall_conversation_id'))
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_created_at')
        for column in reversed(_conversation_columns()):
            batch_op.drop_column(column.name)
    op.drop_index('ix_message_turn', table_name='message')
    with op.batch_alter_table('message', schema=None) as batch_op:
        for column in reversed(_message_columns()):
            batch_op.drop_column(column.name)
