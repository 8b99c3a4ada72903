"""The calendar a person celebrates their birthday on (公历 or 农历).

Many elderly people celebrate by the lunar date, up to a month away from the Gregorian one, so the
milestone birthday list needs to know which. Existing people get NULL (not recorded): the list
shows both dates until a worker asks and records it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("elder") as batch:
        batch.add_column(sa.Column("birthday_calendar", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("elder") as batch:
        batch.drop_column("birthday_calendar")
