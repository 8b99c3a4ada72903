"""Why a visit was cancelled.

Re-planning a period no longer deletes the visits an earlier plan printed: one that can no longer
stand (its volunteer left, the person is no longer on the roster, fewer visits are needed) is
cancelled and keeps its code, so a returned sheet still finds it, and says why. ``notes`` is the
volunteer's own record of the visit, so the reason gets a column of its own.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("cancel_reason", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.drop_column("cancel_reason")
