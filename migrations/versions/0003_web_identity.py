"""web chat identity: contact phones, phone codes, sealed outbox texts, simulated messages signed

Revision ID: 0003_web_identity
Revises: 0002
Create Date: 2026-12-02 10:00:00

Data: codes already stored in clear are masked (and any not yet sent are dropped: they expired long ago), and web
chats that an unproven phone number joined to a customer are given back a visitor of their own, the number kept as
its contact phone; the visitor proves the number with a WhatsApp code to see that customer's requests again.
"""
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

import core.dbtypes

revision: str = '0003_web_identity'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MASKED = "🔒 Code Djobea : ••••••"


def upgrade() -> None:
    op.create_table('phonecode',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('expires_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', core.dbtypes.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', core.dbtypes.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('phonecode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phonecode_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_phonecode_phone'), ['phone'], unique=False)
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sealed', sa.Text(), nullable=False, server_default=''))
    _mask_stored_codes()
    _detach_web_chats_joined_by_phone()


def _mask_stored_codes() -> None:
    op.execute(sa.text("UPDATE message SET body = :masked WHERE id IN (SELECT message_id FROM outboxmessage "
                       "WHERE kind = 'code' AND message_id IS NOT NULL)").bindparams(masked=MASKED))
    op.execute(sa.text("UPDATE outboxmessage SET status = 'failed', error_code = 'expired', "
                       "last_error = 'a code stored in clear expired before it was sent' "
                       "WHERE kind = 'code' AND status IN ('pending', 'sending')"))
    op.execute(sa.text("UPDATE outboxmessage SET body = :masked, content_variables = '{}' WHERE kind = 'code'")
               .bindparams(masked=MASKED))


def _detach_web_chats_joined_by_phone() -> None:
    bind = op.get_bind()
    customer = sa.table('customer', sa.column('id', sa.Integer), sa.column('name', sa.String),
                        sa.column('language', sa.String), sa.column('is_demo', sa.Boolean),
                        sa.column('contact_phone', sa.String),
                        sa.column('created_at', core.dbtypes.UTCDateTime(timezone=True)))
    conversation = sa.table('conversation', sa.column('id', sa.Integer), sa.column('customer_id', sa.Integer),
                            sa.column('current_request_id', sa.Integer), sa.column('state', core.dbtypes.JSONText()))
    joined = bind.execute(sa.text(
        "SELECT conversation.id, conversation.language, conversation.state, customer.phone FROM conversation "
        "JOIN customer ON customer.id = conversation.customer_id "
        "WHERE conversation.channel = 'web' AND customer.phone IS NOT NULL")).all()
    now = datetime.now(UTC)
    for conversation_id, language, state, phone in joined:
        visitor_id = bind.execute(customer.insert().values(
            name='', language=language or 'fr', is_demo=False, contact_phone=phone, created_at=now)
            .returning(customer.c.id)).scalar_one()
        kept = {k: v for k, v in core.dbtypes.JSONText().process_result_value(state, bind.dialect).items()
                if k not in ('awaiting_rating', 'rated_request')} if state else {}
        bind.execute(conversation.update().where(conversation.c.id == conversation_id).values(
            customer_id=visitor_id, current_request_id=None, state=kept))


def downgrade() -> None:
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_column('sealed')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('sent_by')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('contact_phone')
    with op.batch_alter_table('phonecode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phonecode_phone'))
        batch_op.drop_index(batch_op.f('ix_phonecode_conversation_id'))
    op.drop_table('phonecode')
