"""The audit chain's hash (version 1): sha256 over the previous row's hash and this row's fields.

Frozen: the migration that chained the existing rows and ``silverage check`` both use it, so a
change here would make every chain look broken. A new scheme gets a new function and a marker.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

GENESIS = ""  # the "previous hash" of the first row

# The fields in the order they are hashed (``at`` is a naive UTC datetime).
FIELDS = (
    "id",
    "at",
    "user",
    "action",
    "table_name",
    "record_id",
    "field",
    "old_value",
    "new_value",
    "detail",
)


def _part(value: object) -> str:
    if value is None:
        return "~"  # cannot be confused with a text, which always starts with its length
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ", timespec="microseconds")
    text = str(value)
    return f"{len(text)}:{text}"


def link(previous: str, values: tuple[object, ...]) -> str:
    """The hash of one row: ``values`` in ``FIELDS`` order, chained to ``previous``."""
    body = "|".join(map(_part, values))
    return hashlib.sha256(f"{previous}|{body}".encode()).hexdigest()
