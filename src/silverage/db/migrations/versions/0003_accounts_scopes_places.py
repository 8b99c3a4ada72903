"""Accounts for a real office: community scopes, sign-in lockout, forced password change; archived places.

A community worker is assigned communities (``user_community``) and sees only those. Five wrong
passwords lock an account for a while (``failed_sign_ins``, ``locked_until``); an administrator's
reset makes the user choose their own password at next sign-in (``must_change_password``). Places
that are no longer used are archived, never deleted (``archived``). Existing rows get the server
defaults, so an existing database keeps working unchanged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PLACES = ("community", "grid", "micro_grid")


def upgrade() -> None:
    op.create_table(
        "user_community",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_user_community_community_id_community"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_community_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "community_id", name=op.f("pk_user_community")),
    )
    with op.batch_alter_table("user_community", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_community_community_id"), ["community_id"], unique=False)

    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_sign_ins", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    for table in PLACES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False)
            )


def downgrade() -> None:
    for table in reversed(PLACES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("archived")

    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_sign_ins")

    with op.batch_alter_table("user_community", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_community_community_id"))
    op.drop_table("user_community")
