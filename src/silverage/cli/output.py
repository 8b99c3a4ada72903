"""Printing for the command line: JSON for machines, one readable line for people."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "as_json"):
        return value.as_json()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(data: Any) -> None:
    """Indented for people reading a few records; one compact line per record for long lists
    (json's indenting encoder is pure Python: 100,000 people took 6 s instead of 0.5 s)."""
    if isinstance(data, list) and len(data) > 200:
        out = sys.stdout
        out.write("[\n")
        last = len(data) - 1
        for i, item in enumerate(data):
            out.write(json.dumps(item, ensure_ascii=False, default=_default))
            out.write(",\n" if i < last else "\n")
        out.write("]\n")
        return
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
    sys.stdout.write("\n")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
