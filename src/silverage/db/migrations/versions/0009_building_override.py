"""A worker's correction of the building a person lives in, for the point map (三色点位图).

The map groups people into buildings read from their addresses; where an address is written in a
way no rule reads (or two spellings name one building), a worker stores the building here. Existing
people get "" (read from the address).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("elder") as batch:
        batch.add_column(sa.Column("building_override", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("elder") as batch:
        batch.drop_column("building_override")
