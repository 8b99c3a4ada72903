"""A tamper-evident audit trail: every row carries a hash chained to the one before.

The existing rows are chained in id order (with the same frozen hash the app uses); ``app_meta``
gets the chain head ("<last id> <last hash>") and the first id the app itself will chain, so that
``silverage check`` knows gaps below it are old ones, not removed rows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from silverage.domain.audit_hash import GENESIS, link

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TEXT = ("user", "action", "table_name")
_AUDIT = sa.table(
    "audit",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    *(sa.column(c, sa.String) for c in _TEXT),
    sa.column("record_id", sa.Integer),
    *(sa.column(c, sa.Text) for c in ("field", "old_value", "new_value", "detail")),
    sa.column("chain_hash", sa.String),
)
_META = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
_KEYS = ("audit_head", "audit_chain_from")
_PAGE = 5000


def upgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("chain_hash", sa.String(64), nullable=True))
    conn = op.get_bind()
    a = _AUDIT.c
    fields = [
        a.id,
        a.at,
        a.user,
        a.action,
        a.table_name,
        a.record_id,
        a.field,
        a.old_value,
        a.new_value,
        a.detail,
    ]
    last_id, last_hash = 0, GENESIS
    while True:  # a page at a time, by id: never reading and updating the same cursor
        page = conn.execute(sa.select(*fields).where(a.id > last_id).order_by(a.id).limit(_PAGE)).all()
        if not page:
            break
        updates = []
        for row in page:
            last_id, last_hash = row[0], link(last_hash, tuple(row))
            updates.append({"rid": last_id, "h": last_hash})
        conn.execute(
            _AUDIT.update().where(a.id == sa.bindparam("rid")).values(chain_hash=sa.bindparam("h")), updates
        )
    conn.execute(_META.delete().where(_META.c.key.in_(_KEYS)))
    conn.execute(
        _META.insert(),
        [
            {"key": "audit_head", "value": f"{last_id} {last_hash}"},
            {"key": "audit_chain_from", "value": str(last_id + 1)},
        ],
    )


def downgrade() -> None:
    op.get_bind().execute(_META.delete().where(_META.c.key.in_(_KEYS)))
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("chain_hash")
