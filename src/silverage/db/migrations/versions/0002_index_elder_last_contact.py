"""Index elder.last_contact.

The overdue worklist, the dashboard and the roster's "overdue" filter all select people by
"no contact since DATE"; at 100,000 people that was a full scan of the elder table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("elder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_elder_last_contact"), ["last_contact"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("elder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_elder_last_contact"))
