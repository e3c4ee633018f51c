"""WhatsApp business-scoped user ids beside phones, what a message answers, and the number that paid

Customers and providers may carry a business-scoped user id (BSUID, up to 135 characters); conversations, inbox
and outbox rows may be addressed to one, and rate-limit keys that contain one grow with it.

Revision ID: 0004_bsuid_payments
Revises: 0003_web_identity
Create Date: 2026-12-03 18:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.dbtypes

revision: str = '0004_bsuid_payments'
down_revision: str | None = '0003_web_identity'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, old length, new length). SQLite does not enforce VARCHAR lengths, and rebuilding its tables
# (provider has generated columns) is neither needed nor possible there: only PostgreSQL's columns change.
WIDER = (('conversation', 'external_id', 120, 140), ('inboundmessage', 'sender', 120, 140),
         ('outboxmessage', 'to', 120, 140), ('ratecounter', 'key', 120, 160))


def _string(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    for table in ('customer', 'provider'):
        op.add_column(table, sa.Column('bsuid', _string(140), nullable=True))
        op.create_index(f'ix_{table}_bsuid', table, ['bsuid'], unique=True)
    for table in ('message', 'inboundmessage'):
        op.add_column(table, sa.Column('reply_to', core.dbtypes.JSONText(), nullable=False, server_default='{}'))
    op.add_column('inboundmessage', sa.Column('alias', _string(140), nullable=False, server_default=''))
    op.add_column('payment', sa.Column('payer', _string(20), nullable=False, server_default=''))
    if op.get_bind().dialect.name != 'sqlite':
        for table, column, old, new in WIDER:
            op.alter_column(table, column, existing_type=_string(old), type_=_string(new), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        for table, column, old, new in WIDER:
            op.alter_column(table, column, existing_type=_string(new), type_=_string(old), existing_nullable=False)
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_column('payer')
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.drop_column('alias')
        batch_op.drop_column('reply_to')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('reply_to')
    for table in ('provider', 'customer'):
        op.drop_index(f'ix_{table}_bsuid', table_name=table)
        op.drop_column(table, 'bsuid')
