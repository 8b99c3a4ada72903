"""Values longer than their column, found before the write on every backend.

SQLite keeps a 600-character address in a String(200) column; PostgreSQL refuses the whole save
(DataError). Checking the model's lengths first makes both say the same thing, per field.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import String

from silverage.db.base import Base
from silverage.domain import fields
from silverage.domain.problems import Problem


def too_long(
    model: type[Base], values: Mapping[str, object], *, table: str = "elder", prefix: str = ""
) -> list[Problem]:
    """One Problem per text value longer than ``model``'s column allows."""
    problems = []
    columns = model.__table__.columns  # type: ignore[attr-defined]
    for key, value in values.items():
        column = columns.get(key)
        if column is None or not isinstance(value, str) or not isinstance(column.type, String):
            continue
        limit = column.type.length
        if limit is not None and len(value) > limit:
            zh, en = fields.label(key, "zh", table), fields.label(key, "en", table)
            problems.append(
                Problem(
                    f"{prefix}{key}",
                    f"{zh}太长：最多{limit}个字，现在有{len(value)}个",
                    f"{en} is too long: {limit} characters at most, this has {len(value)}",
                )
            )
    return problems
