"""the handoff: offers held until a web customer gives a number, a provider asked for by name first

Revision ID: 0008_handoff
Revises: 0006_sessions_throttle
Create Date: 2026-12-03 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008_handoff'
down_revision: str | None = '0006_sessions_throttle'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('servicerequest') as batch:
        batch.add_column(sa.Column('contact_hold', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('preferred_provider_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_servicerequest_preferred_provider', 'provider', ['preferred_provider_id'],
                                 ['id'])


def downgrade() -> None:
    with op.batch_alter_table('servicerequest') as batch:
        batch.drop_constraint('fk_servicerequest_preferred_provider', type_='foreignkey')
        batch.drop_column('preferred_provider_id')
        batch.drop_column('contact_hold')
