"""Alerts keep how they were resolved and what raised them.

``note``: what the person who resolved the alert wrote (the history beside resolved_at and
resolved_by). ``basis``: the visits (and findings) behind the alert, so that recomputing the
escalations after any record or correction finds the same alert instead of opening a second one.
``urgent_visit_id``: the home visit within 24 hours a risk finding created; a second record of
the same finding reuses it while it is still open.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alert") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("basis", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch.add_column(sa.Column("urgent_visit_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_alert_urgent_visit_id_visit"), "visit", ["urgent_visit_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("alert") as batch:
        batch.drop_constraint(op.f("fk_alert_urgent_visit_id_visit"), type_="foreignkey")
        batch.drop_column("urgent_visit_id")
        batch.drop_column("basis")
        batch.drop_column("note")
