"""Faults of the machine, in words a community worker understands: disk full, read-only, another
writer holding the lock, a value longer than its column, a record saved by someone else meanwhile.

``explain`` turns such an exception into a ``UserError`` (None: not one we know, a real bug). The
service context applies it to every transaction, and the command line and the desktop app's
error dialog apply it to anything that escaped, so none of these ends as "内部错误".
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from silverage.domain.problems import ConflictError, UserError
from silverage.services.writer_note import Holder

NOTHING_SAVED_ZH = "这次没有保存，数据没有改动"
NOTHING_SAVED_EN = "nothing was saved"


def disk_full() -> UserError:
    return UserError(
        f"磁盘已满，{NOTHING_SAVED_ZH}。请删除不需要的文件（或换一个有空间的位置）后重试",
        f"The disk is full; {NOTHING_SAVED_EN}. Free some space (or choose another place) and retry",
    )


def read_only() -> UserError:
    return UserError(
        f"数据库文件或它所在的文件夹是只读的，{NOTHING_SAVED_ZH}。请检查文件属性、权限或U盘的写保护开关",
        f"The database file or its folder is read-only; {NOTHING_SAVED_EN}. Check the file's "
        "properties, its permissions or the USB drive's write-protect switch",
    )


class DatabaseLocked(UserError):
    """Another writer held the database's write lock for longer than this one would wait."""


def locked(holder: Holder | None = None, *, typing_kept: bool = False) -> DatabaseLocked:
    """``holder``: who writes, when the writer's note says so; ``typing_kept``: said by the
    desktop app, whose form still holds what was typed."""
    who_zh = f"（正在写入的是：{holder.text('zh')}）" if holder else "（例如正在生成探访计划或导入）"
    who_en = f" (the writer: {holder.text('en')})" if holder else " (a visit plan or an import, say)"
    kept_zh = "您输入的内容仍保留在窗口中，" if typing_kept else ""
    kept_en = "What you typed is still in the window; " if typing_kept else ""
    return DatabaseLocked(
        f"另一个银龄窗口或另一台电脑正在写入数据库{who_zh}，等待后仍未结束，"
        f"{NOTHING_SAVED_ZH}。{kept_zh}请等它完成后再试",
        f"Another silverage window or another computer is writing to the database{who_en} and did not "
        f"finish in time; {NOTHING_SAVED_EN}. {kept_en}retry once it is done",
    )


def too_long() -> UserError:
    return UserError(
        f"有一项内容超过了允许的长度，{NOTHING_SAVED_ZH}。请缩短后再保存",
        f"A value is longer than allowed; {NOTHING_SAVED_EN}. Shorten it and save again",
    )


def saved_meanwhile() -> ConflictError:
    return ConflictError(
        f"有人在您打开之后保存了同一条记录，{NOTHING_SAVED_ZH}。请重新打开后再改",
        f"Someone saved the same record after you opened it; {NOTHING_SAVED_EN}. Reopen it and retry",
    )


def saved_by_others(names: list[str]) -> ConflictError:
    """A bulk action stopped whole because some of its people were saved meanwhile: who they are
    (names only, as every list shows them to staff)."""
    shown = "、".join(names[:10]) + (f" 等{len(names)}人" if len(names) > 10 else "")
    shown_en = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
    if not names:
        shown, shown_en = "有人", "Some of them"
    return ConflictError(
        f"{shown} 在这次批量操作进行时被他人保存了，{NOTHING_SAVED_ZH}，没有任何人被改动。请刷新名单后重试",
        f"{shown_en}: saved by someone else during this bulk action; {NOTHING_SAVED_EN} and nobody "
        "was changed. Refresh the list and retry",
    )


def _words(exc: BaseException) -> str:
    orig = exc.orig if isinstance(exc, StatementError) and exc.orig is not None else exc
    return f"{type(orig).__name__} {orig}".lower()


def explain(exc: BaseException) -> UserError | None:
    """The message for a fault a person can act on, or None."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, StaleDataError):
        return saved_meanwhile()
    if isinstance(exc, OSError) and not isinstance(exc, ConnectionError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return disk_full()
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only()
        return None
    if not isinstance(exc, DBAPIError):
        return None
    words = _words(exc)
    if "disk is full" in words or "no space left" in words or "diskfull" in words:
        return disk_full()
    if "readonly" in words or "read-only" in words or "read only" in words:
        return read_only()
    if (
        "database is locked" in words
        or "lock timeout" in words
        or "locknotavailable" in words
        or "deadlock" in words
        or "could not serialize" in words
    ):
        return locked()
    if "too long" in words or "stringdatarighttruncation" in words:
        return too_long()
    return None
