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


def _enforces_lengths() -> bool:
    # SQLite stores any length in a VARCHAR: there, copying the whole table to change a number
    # that nothing checks would only cost time on a large roster.
    return op.get_bind().dialect.name != "sqlite"


def upgrade() -> None:
    if _enforces_lengths():
        op.alter_column("assessment", "trigger", existing_type=sa.String(50), type_=sa.String(200))


def downgrade() -> None:
    if _enforces_lengths():
        op.alter_column("assessment", "trigger", existing_type=sa.String(200), type_=sa.String(50))
