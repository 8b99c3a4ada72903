"""Work around a reference-count bug in PySide6 6.12 that aborts the app.

Converting an *invalid* QVariant to Python (``QComboBox.currentData()`` on an item without data,
``index.data(role)`` for a role a model does not fill, ...) returns ``None`` without taking a
reference to it. Every such call lowers None's reference count by one; after enough calls —
a few hundred thousand table cells at 100,000 people — CPython 3.11 frees None and aborts with
"none_dealloc: deallocating None" (seen at exit of the 100,000-person self-test). Measured here:
1,000 calls of ``QStringListModel.data(index, DecorationRole)`` lower the count by 999.

CPython 3.12+ makes None immortal, so the fix is needed only below 3.12: give None a very large
reference count once, which no session can use up. Remove this once PySide6 fixes the conversion.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_done = False


def protect_none() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _BALLAST
    _done = True
