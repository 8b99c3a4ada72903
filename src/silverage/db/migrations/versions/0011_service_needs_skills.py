"""Service kinds as shared tags: people's needs, volunteers' skills, services planned and given.

``service_kind`` starts with the office's eleven default kinds (an administrator adds more).
``elder_need`` (kind, how often, notes), ``volunteer_skill`` (kind, services a week) and
``visit_service`` (planned on a visit / given on it) point at it; a visit keeps its ``minutes``,
and a volunteer the administrator's ``service_provider`` mark.

Today's free-text 特长 (``volunteer.skills``) becomes skill tags by ``domain.service_kinds``'s
words; the words it does not know go to the volunteer's notes as "特长：…", so nothing written is
lost, and the column is dropped. The downgrade writes the tags back as text.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from silverage.domain.service_kinds import DEFAULT_CAPACITY, DEFAULT_KINDS, read_kinds

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_SKILL_NOTE = "特长："


def upgrade() -> None:
    kind = op.create_table(
        "service_kind",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("name_en", sa.String(50), nullable=False, server_default=""),
        sa.Column("sort_order", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_kind")),
        sa.UniqueConstraint("name", name=op.f("uq_service_kind_name")),
    )
    op.create_table(
        "elder_need",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("elder_id", sa.Integer(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(12), nullable=False, server_default="weekly"),
        sa.Column("notes", sa.String(200), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["elder_id"], ["elder.id"], name=op.f("fk_elder_need_elder_id_elder"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["service_kind.id"], name=op.f("fk_elder_need_kind_id_service_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_elder_need")),
        sa.UniqueConstraint("elder_id", "kind_id", name=op.f("uq_elder_need_elder_id")),
    )
    op.create_index(op.f("ix_elder_need_elder_id"), "elder_need", ["elder_id"])
    op.create_index(op.f("ix_elder_need_kind_id"), "elder_need", ["kind_id"])
    skill = op.create_table(
        "volunteer_skill",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.Column("weekly_capacity", sa.Integer(), nullable=False, server_default=str(DEFAULT_CAPACITY)),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_skill_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["service_kind.id"], name=op.f("fk_volunteer_skill_kind_id_service_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_skill")),
        sa.UniqueConstraint("volunteer_id", "kind_id", name=op.f("uq_volunteer_skill_volunteer_id")),
    )
    op.create_index(op.f("ix_volunteer_skill_volunteer_id"), "volunteer_skill", ["volunteer_id"])
    op.create_index(op.f("ix_volunteer_skill_kind_id"), "volunteer_skill", ["kind_id"])
    op.create_table(
        "visit_service",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("delivered", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_visit_service_visit_id_visit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["kind_id"], ["service_kind.id"], name=op.f("fk_visit_service_kind_id_service_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_service")),
        sa.UniqueConstraint("visit_id", "kind_id", name=op.f("uq_visit_service_visit_id")),
    )
    op.create_index(op.f("ix_visit_service_visit_id"), "visit_service", ["visit_id"])
    op.create_index(op.f("ix_visit_service_kind_id"), "visit_service", ["kind_id"])
    # Plain ALTER TABLE, never a batch copy: visits, skills and users point at these tables, and
    # SQLite (with foreign keys on) refuses to drop a table others refer to. Native ADD/DROP
    # COLUMN needs SQLite 3.35 (Python 3.11 ships 3.40 or newer) and works on PostgreSQL.
    op.add_column("visit", sa.Column("minutes", sa.Integer(), nullable=True))
    op.add_column(
        "volunteer", sa.Column("service_provider", sa.Boolean(), nullable=False, server_default=sa.false())
    )

    op.bulk_insert(
        kind,
        [
            {"name": zh, "name_en": en, "sort_order": i, "archived": False}
            for i, (zh, en) in enumerate(DEFAULT_KINDS, 1)
        ],
    )
    conn = op.get_bind()
    ids = dict(conn.execute(sa.select(kind.c.name, kind.c.id)).all())
    volunteer = sa.table("volunteer", sa.column("id"), sa.column("skills"), sa.column("notes"))
    rows = conn.execute(sa.select(volunteer.c.id, volunteer.c.skills, volunteer.c.notes)).all()
    skills = []
    for vid, text, notes in rows:
        read = read_kinds(text or "", ids)
        skills += [
            {"volunteer_id": vid, "kind_id": ids[k], "weekly_capacity": DEFAULT_CAPACITY} for k in read.kinds
        ]
        if read.unknown:
            kept = _SKILL_NOTE + "、".join(read.unknown)
            new_notes = f"{notes}\n{kept}" if notes else kept
            conn.execute(volunteer.update().where(volunteer.c.id == vid).values(notes=new_notes))
    if skills:
        op.bulk_insert(skill, skills)
    op.drop_column("volunteer", "skills")


def downgrade() -> None:
    op.add_column("volunteer", sa.Column("skills", sa.String(200), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT s.volunteer_id, k.name FROM volunteer_skill s JOIN service_kind k ON k.id = s.kind_id "
            "ORDER BY s.volunteer_id, k.sort_order"
        )
    ).all()
    by_volunteer: dict[int, list[str]] = {}
    for vid, name in rows:
        by_volunteer.setdefault(vid, []).append(name)
    for vid, names in by_volunteer.items():
        conn.execute(
            sa.text("UPDATE volunteer SET skills = :s WHERE id = :id"),
            {"s": "、".join(names)[:200], "id": vid},
        )
    op.drop_column("volunteer", "service_provider")
    op.drop_column("visit", "minutes")
    for table in ("visit_service", "volunteer_skill", "elder_need", "service_kind"):
        op.drop_table(table)
