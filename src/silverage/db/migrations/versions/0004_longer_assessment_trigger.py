"""Room for the whole reason a person was re-assessed.

A save that changes several scored fields records them all ("edit:children_nearby,disability,
economic,..."), which is longer than 50 characters: PostgreSQL refused the save, SQLite (which
does not enforce lengths) kept it. The column now takes 200.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite does not enforce the length, but the schema should say what the model says (batch
    # mode rebuilds the table there; the app backs the file up before any upgrade).
    with op.batch_alter_table("assessment") as batch:
        batch.alter_column("trigger", existing_type=sa.String(50), type_=sa.String(200))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.alter_column("trigger", existing_type=sa.String(200), type_=sa.String(50))
