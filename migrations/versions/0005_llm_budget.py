"""llmcall.cost_microusd is NULL when the model has no known price ("cost unknown", never 0)

Revision ID: 0005_llm_budget
Revises: 0004_bsuid_payments
Create Date: 2026-12-03 10:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_llm_budget'
down_revision: str | None = '0004_bsuid_payments'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.alter_column('cost_microusd', existing_type=sa.Integer(), nullable=True)
    # Tokens spent at a cost of 0 were calls to a model without a price: their cost is unknown, not free.
    op.execute("UPDATE llmcall SET cost_microusd = NULL WHERE cost_microusd = 0 AND input_tokens + output_tokens > 0")


def downgrade() -> None:
    op.execute("UPDATE llmcall SET cost_microusd = 0 WHERE cost_microusd IS NULL")
    with op.batch_alter_table('llmcall', schema=None) as batch_op:
        batch_op.alter_column('cost_microusd', existing_type=sa.Integer(), nullable=False)
