"""The audit chain's hash (version 1): sha256 over the previous row's hash and this row's fields.

Frozen: the migration that chained the existing rows and ``silverage check`` both use it, so a
change here would make every chain look broken. A new scheme gets a new function and a marker.
"""

from __future__ import annotations

import json
from datetime import datetime
from hashlib import sha256

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


ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # C-accelerated


def at_text(at: datetime) -> str:
    return at.isoformat(sep=" ", timespec="microseconds")


def link(previous: str, values: tuple[object, ...]) -> str:
    """The hash of one row: ``values`` in ``FIELDS`` order, chained to ``previous``.

    The row is serialised as a JSON array (texts stay texts, None stays null, so no two rows
    read alike); ``at`` as ISO text to the microsecond.
    """
    at = values[1]
    row = (values[0], at_text(at), *values[2:]) if isinstance(at, datetime) else values
    return sha256(f"{previous}{ENCODE(row)}".encode()).hexdigest()
