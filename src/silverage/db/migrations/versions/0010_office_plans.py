"""The office's own plans under the 点位图: an image per community or grid, and where each building sits.

An administrator loads a scan or screenshot of a community's plan (PNG or JPEG, kept in the
database so a backup carries it) and drags the building points onto it. A point's place is kept as
a fraction of the image's width and height, so a sharper scan of the same plan keeps the points.
A building not yet placed has no row: it waits in the page's side list.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("image_format", sa.String(length=10), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("loaded_by", sa.String(length=50), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_office_plan_community_id_community"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grid.id"], name=op.f("fk_office_plan_grid_id_grid"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_plan")),
        sa.UniqueConstraint("community_id", "grid_id", name=op.f("uq_office_plan_community_id")),
    )
    with op.batch_alter_table("office_plan") as batch:
        batch.create_index(batch.f("ix_office_plan_community_id"), ["community_id"], unique=False)
    op.create_table(
        "office_plan_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("building_key", sa.String(length=200), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("placed_by", sa.String(length=50), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["office_plan.id"],
            name=op.f("fk_office_plan_point_plan_id_office_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_plan_point")),
        sa.UniqueConstraint("plan_id", "building_key", name=op.f("uq_office_plan_point_plan_id")),
    )
    with op.batch_alter_table("office_plan_point") as batch:
        batch.create_index(batch.f("ix_office_plan_point_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    op.drop_table("office_plan_point")
    op.drop_table("office_plan")
